CREATE TABLE stock_movements (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    warehouse_id  BIGINT UNSIGNED NOT NULL,
    item_id       BIGINT UNSIGNED NOT NULL,
    delta         INT             NOT NULL,
    reason        VARCHAR(40)     NOT NULL,
    moved_at      DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    KEY ix_movements_item (item_id, moved_at)
) ENGINE=InnoDB;
