CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);
