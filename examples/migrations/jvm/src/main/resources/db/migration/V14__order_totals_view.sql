CREATE VIEW order_totals AS
SELECT o.id AS order_id, sum(l.quantity * l.price_cents) AS total_cents
FROM orders o
JOIN order_line l ON l.order_id = o.id
GROUP BY o.id;
