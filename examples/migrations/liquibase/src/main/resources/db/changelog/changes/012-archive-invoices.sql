--liquibase formatted sql

--changeset finance-team:012-1
CREATE TABLE invoices_archive (LIKE orders INCLUDING ALL);
INSERT INTO invoices_archive SELECT * FROM orders WHERE created_at < '2020-01-01';
--rollback DROP TABLE invoices_archive;

--changeset finance-team:012-2
DELETE FROM orders WHERE created_at < '2020-01-01';
--rollback INSERT INTO orders SELECT * FROM invoices_archive;

--changeset finance-team:012-3
-- airlock:allow drop-table superseded by invoices_archive, verified row counts in FIN-311
DROP TABLE invoices_2019;
/* liquibase rollback
CREATE TABLE invoices_2019 (LIKE invoices_archive INCLUDING ALL);
INSERT INTO invoices_2019 SELECT * FROM invoices_archive WHERE created_at < '2020-01-01';
*/
