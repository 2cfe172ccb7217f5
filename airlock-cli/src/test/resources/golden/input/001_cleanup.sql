-- Cleanup script with a buried drop
DELETE FROM audit_log WHERE created_at < now() - interval '2 years';
-- Remove orphaned records
DROP TABLE IF EXISTS user_sessions;
CREATE TABLE user_sessions (id uuid PRIMARY KEY);
UPDATE carts SET status = 'abandoned' WHERE updated_at < now() - interval '30 days';
