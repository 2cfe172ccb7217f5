ALTER TABLE orders DROP COLUMN legacy_order_id;
DELETE FROM customers WHERE email LIKE '%test%';
-- airlock:allow truncate staging table, refilled by the nightly import
TRUNCATE import_staging;
-- airlock:allow drop-index
DROP INDEX idx_orders_old;
SELECT 'unterminated
