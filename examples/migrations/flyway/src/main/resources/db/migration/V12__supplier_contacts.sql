CREATE TABLE supplier_contacts (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    supplier_id BIGINT UNSIGNED NOT NULL,
    name        VARCHAR(200)    NOT NULL,
    phone       VARCHAR(40)     NULL,
    PRIMARY KEY (id),
    KEY ix_contacts_supplier (supplier_id)
) ENGINE=InnoDB;

INSERT INTO supplier_contacts (supplier_id, name)
SELECT id, name FROM suppliers WHERE email IS NOT NULL;
