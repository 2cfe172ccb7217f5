-- Load-test data from the 2024 peak rehearsal.
DELETE FROM stock_movements WHERE reason = 'LOADTEST';
