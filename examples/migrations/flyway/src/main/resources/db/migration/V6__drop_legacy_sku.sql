-- The legacy SKU was only used by the old ERP import, switched off in March.
ALTER TABLE items DROP COLUMN legacy_sku;
