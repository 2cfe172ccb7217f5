-- A reviewed migration: the drop was discussed in PR #812 and the table is empty.
-- airlock:allow drop-table replaced by events_v2 in release 41; verified empty on 2024-03-02
DROP TABLE events_v1;

-- airlock:allow drop-column
ALTER TABLE users DROP COLUMN legacy_flags;
