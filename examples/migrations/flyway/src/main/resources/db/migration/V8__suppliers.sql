CREATE TABLE suppliers (
    id    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    name  VARCHAR(200)    NOT NULL,
    email VARCHAR(320)    NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;

ALTER TABLE items ADD COLUMN supplier_id BIGINT UNSIGNED NULL,
    ADD CONSTRAINT fk_items_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id);
