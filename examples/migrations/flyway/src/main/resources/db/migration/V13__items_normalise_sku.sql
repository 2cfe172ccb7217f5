UPDATE items SET sku = UPPER(TRIM(sku));
