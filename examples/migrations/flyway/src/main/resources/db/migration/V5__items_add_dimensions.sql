ALTER TABLE items
    ADD COLUMN length_mm INT NULL AFTER weight_grams,
    ADD COLUMN width_mm  INT NULL AFTER length_mm,
    ADD COLUMN height_mm INT NULL AFTER width_mm;
