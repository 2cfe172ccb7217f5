-- Migration 0042 (generated): "restructure the orders table".
-- The legacy identifier has been copied elsewhere, so the column goes.
ALTER TABLE orders DROP COLUMN legacy_order_id;
