ALTER TABLE product ADD COLUMN description TEXT;
UPDATE product SET description = '' WHERE description IS NULL;
