CREATE TABLE items (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    sku           VARCHAR(40)     NOT NULL,
    title         VARCHAR(300)    NOT NULL,
    legacy_sku    VARCHAR(40)     NULL,
    weight_grams  INT             NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_items_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE stock_levels (
    warehouse_id BIGINT UNSIGNED NOT NULL,
    item_id      BIGINT UNSIGNED NOT NULL,
    quantity     INT             NOT NULL DEFAULT 0,
    PRIMARY KEY (warehouse_id, item_id),
    CONSTRAINT fk_stock_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id),
    CONSTRAINT fk_stock_item FOREIGN KEY (item_id) REFERENCES items (id)
) ENGINE=InnoDB;
