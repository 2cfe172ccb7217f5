--liquibase formatted sql

--changeset priya:006-1
--comment: order status reference table
CREATE TABLE order_statuses (
    code VARCHAR(20) PRIMARY KEY,
    label VARCHAR(100) NOT NULL
);
--rollback DROP TABLE order_statuses;

--changeset priya:006-2
INSERT INTO order_statuses (code, label) VALUES
    ('NEW', 'New'),
    ('PAID', 'Paid'),
    ('SHIPPED', 'Shipped'),
    ('CANCELLED', 'Cancelled');
--rollback DELETE FROM order_statuses WHERE code IN ('NEW', 'PAID', 'SHIPPED', 'CANCELLED');

--changeset priya:006-3
ALTER TABLE orders ADD CONSTRAINT fk_orders_status FOREIGN KEY (status) REFERENCES order_statuses (code);
--rollback ALTER TABLE orders DROP CONSTRAINT fk_orders_status;
