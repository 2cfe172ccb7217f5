-- A maintenance function: the destructive statements are inside its body and its EXECUTE.
CREATE OR REPLACE FUNCTION purge_stale_data(days integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    t text;
BEGIN
    DELETE FROM events WHERE created_at < now() - make_interval(days => days);
    IF days > 365 THEN
        TRUNCATE TABLE event_archive;
    END IF;
    FOR t IN SELECT tablename FROM pg_tables WHERE tablename LIKE 'tmp_%' LOOP
        EXECUTE format('DROP TABLE %I', t);
    END LOOP;
    EXECUTE 'DELETE FROM sessions WHERE 1 = 1';
END;
$$;

DO $$
BEGIN
    UPDATE accounts SET balance_cents = 0;
END
$$;
