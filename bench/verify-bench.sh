#!/usr/bin/env bash
# Benchmark (not a test): `airlock verify` of a 50-statement migration on a 1,000,000-row table
# against applying the same file with psql (BEGIN; file; ROLLBACK, so both leave the data as it
# was), on one PostgreSQL server started from the embedded binaries. Also the embedded
# database's start time. Needs psql (apt-get install postgresql-client); prints the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
port="${BENCH_PORT:-55432}"
rows="${BENCH_ROWS:-1000000}"
cleanup() {
  if [ -n "${pgbin:-}" ] && [ -f "$work/data/postmaster.pid" ]; then
    $asuser "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
command -v psql >/dev/null || { echo "verify-bench: psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

# 1. embedded start time (the first run also unpacks the binaries; take the second)
"$root/bin/airlock" verify "$root/examples/incidents/orders" >/dev/null 2>"$work/first.err" || true
"$root/bin/airlock" verify "$root/examples/incidents/orders" >/dev/null 2>"$work/start.err" || true
start=$(grep -o 'in [0-9.]* s' "$work/start.err" | head -1)
echo "embedded PostgreSQL start (initdb + startup, binaries already unpacked): ${start#in }"

# 2. one server from the same binaries for both sides (unshare -U when root, as the library does)
pgbin=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1)
asuser=""
[ "$(id -u)" = 0 ] && asuser="unshare -U"
mkdir -p "$work/data"
$asuser "$pgbin/initdb" -A trust -U postgres -D "$work/data" -E UTF-8 >/dev/null
$asuser "$pgbin/pg_ctl" -D "$work/data" -o "-p $port -F -c max_wal_size=4GB -c shared_buffers=256MB -c unix_socket_directories=$work" -w start >/dev/null
url="postgres://postgres@127.0.0.1:$port/postgres"
calc() { awk "BEGIN { print $1 }"; }
p() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

p -c "CREATE TABLE big (id bigint PRIMARY KEY, a integer NOT NULL, b text, c numeric(12,2), d timestamptz NOT NULL DEFAULT now());
      INSERT INTO big (id, a, b, c) SELECT g, g % 1000, 'row ' || g, g / 7.0 FROM generate_series(1, $rows) g;
      CREATE TABLE small (id int PRIMARY KEY, big_id bigint REFERENCES big (id), note text);
      INSERT INTO small SELECT g, g, 'n' || g FROM generate_series(1, 1000) g;
"
p -c "VACUUM ANALYZE big" -c "VACUUM ANALYZE small"

# 3. the 50-statement migration
m="$work/V50__bench.sql"
{
  for i in $(seq 1 10); do echo "ALTER TABLE big ADD COLUMN extra_$i integer;"; done
  for i in $(seq 1 5); do echo "ALTER TABLE big ALTER COLUMN extra_$i SET DEFAULT $i;"; done
  for i in $(seq 1 5); do echo "COMMENT ON COLUMN big.extra_$i IS 'column $i';"; done
  for i in $(seq 1 5); do echo "CREATE TABLE side_$i (id bigint PRIMARY KEY, big_id bigint REFERENCES big (id), v text);"; done
  for i in $(seq 1 5); do echo "INSERT INTO side_$i SELECT id, id, b FROM big WHERE id <= 1000;"; done
  for i in $(seq 1 5); do echo "UPDATE big SET b = b || '!' WHERE id BETWEEN $((i * 1000)) AND $((i * 1000 + 99));"; done
  echo "CREATE INDEX big_a_idx ON big (a);"
  echo "CREATE INDEX big_c_idx ON big (c);"
  echo "DELETE FROM small WHERE id > 900;"
  echo "DELETE FROM big WHERE id > $((rows - 1000)) AND id NOT IN (SELECT big_id FROM small);"
  echo "ALTER TABLE big ALTER COLUMN a TYPE bigint;"
  for i in $(seq 6 10); do echo "ALTER TABLE big DROP COLUMN extra_$i;"; done
  echo "CREATE VIEW big_summary AS SELECT a, count(*) FROM big GROUP BY a;"
  echo "ALTER TABLE small RENAME COLUMN note TO remark;"
  echo "DROP TABLE side_5;"
  echo "TRUNCATE side_4;"
  echo "ALTER TABLE side_3 ADD CONSTRAINT side_3_v_len CHECK (length(v) < 100);"
} > "$m"
echo "migration: $(grep -c ';' "$m") statements on a table of $rows rows"

# 4. psql, in a transaction that is rolled back
t0=$(date +%s.%N)
{ echo "BEGIN;"; cat "$m"; echo "ROLLBACK;"; } | p -f - >/dev/null
t1=$(date +%s.%N)
psql_s=$(calc "$t1 - $t0")

# 5. airlock verify on the same server (whole process: JVM start, connect, verify, report)
t0=$(date +%s.%N)
set +e
"$root/bin/airlock" verify --db "$url" --format json "$m" >"$work/report.json" 2>"$work/verify.err"
code=$?
set -e
t1=$(date +%s.%N)
verify_s=$(calc "$t1 - $t0")
inner=$(grep -o '"totalMicros": [0-9]*' "$work/report.json" | tail -1 | grep -o '[0-9]*$')
failed=$(grep -c '"status": "error"' "$work/report.json" || true)

printf 'psql apply (BEGIN; file; ROLLBACK):   %.2f s\n' "$psql_s"
printf 'airlock verify (whole process):       %.2f s  (exit %d, %d statements failed; inside the transaction %.2f s)\n' "$verify_s" "$code" "$failed" "$(calc "$inner / 1000000")"
printf 'ratio verify / psql:                  %.2fx (target <= 1.5x)\n' "$(calc "$verify_s / $psql_s")"
