-- Statements an autonomous agent ran while "cleaning up test data before the product demo".
-- It picked rows by a pattern in the email column.

SELECT id, email FROM customers WHERE email LIKE '%test%';

DELETE FROM orders
WHERE customer_id IN (SELECT id FROM customers WHERE email LIKE '%test%');

DELETE FROM customers WHERE email LIKE '%test%';
