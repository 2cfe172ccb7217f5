CREATE TABLE inventory (
    product_id  BIGINT PRIMARY KEY REFERENCES product (id),
    on_hand     INTEGER NOT NULL DEFAULT 0,
    reserved    INTEGER NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO inventory (product_id)
SELECT id FROM product;
