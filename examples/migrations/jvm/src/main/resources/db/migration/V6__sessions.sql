CREATE TABLE user_session (
    token       CHAR(64) PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_user_session_expires ON user_session (expires_at);
