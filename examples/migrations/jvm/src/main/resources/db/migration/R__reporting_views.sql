CREATE OR REPLACE VIEW daily_revenue AS
SELECT date_trunc('day', o.created_at) AS day, sum(t.total_cents) AS revenue_cents
FROM orders o
JOIN order_totals t ON t.order_id = o.id
GROUP BY 1;
