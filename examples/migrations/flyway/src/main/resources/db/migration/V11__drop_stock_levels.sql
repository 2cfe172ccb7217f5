-- stock levels are now derived from inventory_movements (view in R__views.sql)
ALTER TABLE stock_levels DROP FOREIGN KEY fk_stock_item;
DROP TABLE stock_levels;
