-- Nobody has sent a fax since 2009.
ALTER TABLE customer DROP COLUMN fax_number;
