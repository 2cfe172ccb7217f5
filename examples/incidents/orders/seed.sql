-- 1,000 orders, 800 of them with a legacy identifier; 2,500 order lines.
INSERT INTO orders (id, customer_id, legacy_order_id, total_cents, placed_on, status)
SELECT g, 1 + g % 97, CASE WHEN g % 5 = 0 THEN NULL ELSE 900000 + g END, 1000 + g * 7,
       date '2024-01-01' + g % 90, CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'pending' END
FROM generate_series(1, 1000) AS g;

INSERT INTO order_items (order_id, line, sku, quantity)
SELECT 1 + (g - 1) % 1000, 1 + (g - 1) / 1000, 'SKU-' || (g % 50), 1 + g % 3
FROM generate_series(1, 2500) AS g;
