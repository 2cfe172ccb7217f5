-- runs on every deploy (runAlways): keep the sessions table small
DELETE FROM sessions WHERE expires_at < now();
