-- The shop's orders, as they were before the "restructure the orders table" migration.
CREATE TABLE orders (
    id               bigint PRIMARY KEY,
    customer_id      bigint      NOT NULL,
    legacy_order_id  bigint,
    total_cents      bigint      NOT NULL,
    placed_on        date        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
);

CREATE TABLE order_items (
    order_id    bigint  NOT NULL REFERENCES orders (id),
    line        integer NOT NULL,
    sku         text    NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line)
);

CREATE INDEX orders_legacy_order_id_idx ON orders (legacy_order_id);

-- Reporting reads this view; it does not use the legacy identifier.
CREATE VIEW daily_revenue AS
SELECT placed_on, count(*) AS orders, sum(total_cents) AS revenue_cents
FROM orders
GROUP BY placed_on;
