CREATE TABLE shipping_address (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    line1       VARCHAR(200) NOT NULL,
    line2       VARCHAR(200),
    city        VARCHAR(100) NOT NULL,
    postal_code VARCHAR(20) NOT NULL,
    country     CHAR(2) NOT NULL
);

ALTER TABLE orders ADD COLUMN shipping_address_id BIGINT REFERENCES shipping_address (id);
