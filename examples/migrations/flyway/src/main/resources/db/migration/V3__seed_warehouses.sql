INSERT INTO warehouses (code, name, country) VALUES
    ('BER1', 'Berlin Lichtenberg', 'DE'),
    ('AMS1', 'Amsterdam Westpoort', 'NL'),
    ('WAW1', 'Warsaw Okecie', 'PL');
