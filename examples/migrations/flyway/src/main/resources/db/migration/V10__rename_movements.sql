RENAME TABLE stock_movements TO inventory_movements;
