DROP TABLE supplier_contacts;
