-- liquibase formatted sql

-- changeset analytics:008-1 runOnChange:true
CREATE OR REPLACE VIEW v_daily_revenue AS
SELECT date_trunc('day', created_at) AS day, sum(total) AS revenue
  FROM orders
 WHERE status <> 'CANCELLED'
 GROUP BY 1;
-- rollback DROP VIEW v_daily_revenue;

-- changeset analytics:008-2
-- The "top customers" view is replaced by the BI tool; nobody queries it anymore.
DROP VIEW IF EXISTS v_top_customers;
-- rollback CREATE VIEW v_top_customers AS SELECT customer_id, count(*) FROM orders GROUP BY 1;

-- changeset analytics:008-3 splitStatements:false
CREATE OR REPLACE FUNCTION order_total(p_order BIGINT) RETURNS NUMERIC AS $$
  SELECT coalesce(sum(quantity), 0) FROM order_lines WHERE order_id = p_order;
$$ LANGUAGE sql STABLE;
-- rollback DROP FUNCTION order_total(BIGINT);
