-- Migration 0042: restructure the orders table
-- Moves legacy identifiers into the new external_refs table.

BEGIN;

CREATE TABLE order_external_refs (
    order_id     bigint NOT NULL REFERENCES orders (id),
    system       text   NOT NULL,
    external_id  text   NOT NULL,
    PRIMARY KEY (order_id, system)
);

INSERT INTO order_external_refs (order_id, system, external_id)
SELECT id, 'legacy', legacy_order_id::text
FROM orders
WHERE legacy_order_id IS NOT NULL;

ALTER TABLE orders ADD COLUMN fulfilment_status text NOT NULL DEFAULT 'pending';

ALTER TABLE orders
    DROP COLUMN legacy_order_id,
    ALTER COLUMN total_cents TYPE integer;

ALTER TABLE orders RENAME COLUMN placed_on TO placed_at;

COMMIT;
