CREATE OR REPLACE VIEW v_stock_levels AS
SELECT warehouse_id, item_id, SUM(delta) AS quantity
  FROM inventory_movements
 GROUP BY warehouse_id, item_id;

DELIMITER //
CREATE PROCEDURE refresh_item_weights()
BEGIN
  UPDATE items SET weight_grams = 0 WHERE weight_grams IS NULL;
END //
DELIMITER ;
