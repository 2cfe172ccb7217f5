#!/usr/bin/env bash
# Benchmark (not a test): `airlock verify` of a 50-statement migration on a 1,000,000-row table
# against applying the same file with psql (BEGIN; file; ROLLBACK, so both leave the data as it
# was), on one PostgreSQL server started from the embedded binaries. Also the embedded
# database's start time. Needs psql (apt-get install postgresql-client); prints the figures.
#
# Environment: AIRLOCK_JAR (jar to measure; default airlock-cli/target/airlock.jar, built by
# bin/airlock when missing or stale), RUNS (interleaved runs of each side, default 5),
# BASELINE_JAR (another build, e.g. of an older commit, timed in the same interleaved runs),
# ROLLBACK_PLAN=1 (also time verify --rollback-out, which runs the migration a second time to
# test the plan), BENCH_PORT, BENCH_ROWS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
port="${BENCH_PORT:-55432}"
rows="${BENCH_ROWS:-1000000}"
runs="${RUNS:-5}"
cleanup() {
  if [ -n "${pgbin:-}" ] && [ -f "$work/data/postmaster.pid" ]; then
    $asuser "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
command -v psql >/dev/null || { echo "verify-bench: psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

# The jar is copied first, so that a rebuild during the run does not change what is measured; the
# JVM flags are bin/airlock's own (read from it).
if [ -n "${AIRLOCK_JAR:-}" ]; then
  [ -f "$AIRLOCK_JAR" ] || { echo "verify-bench: AIRLOCK_JAR=$AIRLOCK_JAR does not exist" >&2; exit 2; }
  cp -p "$AIRLOCK_JAR" "$work/airlock.jar"
else
  "$root/bin/airlock" --version >/dev/null
  cp -p "$root/airlock-cli/target/airlock.jar" "$work/airlock.jar"
fi
if [ -n "${BASELINE_JAR:-}" ]; then
  [ -f "$BASELINE_JAR" ] || { echo "verify-bench: BASELINE_JAR=$BASELINE_JAR does not exist" >&2; exit 2; }
  cp -p "$BASELINE_JAR" "$work/baseline.jar"
fi
flags=$(sed -n 's/^exec java \(.*\) -jar .*/\1/p' "$root/bin/airlock")
flags=${flags:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}
jar="$work/airlock.jar"
airlock() { java $flags -jar "$jar" "$@"; }
echo "jar: ${AIRLOCK_JAR:-airlock-cli/target/airlock.jar} ($(date -r "$work/airlock.jar" '+%F %T')), HEAD $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'); JVM flags: $flags"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. embedded start time (the first run also unpacks the binaries; take the second)
airlock verify "$root/examples/incidents/orders" >/dev/null 2>"$work/first.err" || true
airlock verify "$root/examples/incidents/orders" >/dev/null 2>"$work/start.err" || true
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

# 4. interleaved runs (verify, psql, verify, psql, ...), so that load from other users hits both alike
now() { date +%s.%N; }
psql_run() {
  local t0 t1
  t0=$(now)
  { echo "BEGIN;"; cat "$m"; echo "ROLLBACK;"; } | p -f - >/dev/null
  t1=$(now)
  calc "$t1 - $t0"
}
# verify, whole process (JVM start, connect, verify, report); prints wall, in-transaction and
# statements-only seconds, and how many statements failed
verify_run() {
  local t0 t1 code=0 report="$work/report.json"
  t0=$(now)
  local jar=$1
  shift
  airlock verify --db "$url" --format json "$@" "$m" >"$report" 2>"$work/verify.err" || code=$?
  t1=$(now)
  [ "$code" -le 1 ] || { echo "verify-bench: verify exited $code:" >&2; cat "$work/verify.err" >&2; exit 2; }
  local inner stmts failed
  inner=$(grep -o '"totalMicros": [0-9]*' "$report" | tail -1 | grep -o '[0-9]*$')
  stmts=$(grep -o '"micros": [0-9]*' "$report" | grep -o '[0-9]*$' | awk '{ s += $1 } END { print s + 0 }')
  failed=$(grep -c '"status": "error"' "$report" || true)
  echo "$(calc "$t1 - $t0") $(calc "$inner / 1000000") $(calc "$stmts / 1000000") $failed"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/verify.txt"; : >"$work/psql.txt"; : >"$work/plan.txt"; : >"$work/baseline.txt"
for i in $(seq 1 "$runs"); do
  verify_run "$work/airlock.jar" >>"$work/verify.txt"
  psql_run >>"$work/psql.txt"
  if [ -n "${BASELINE_JAR:-}" ]; then
    verify_run "$work/baseline.jar" >>"$work/baseline.txt"
  fi
  if [ -n "${ROLLBACK_PLAN:-}" ]; then
    verify_run "$work/airlock.jar" --rollback-out "$work/undo.sql" >>"$work/plan.txt"
  fi
  printf 'run %d: verify %6.2f s (in the transaction %5.2f s, its statements %5.2f s)   psql %6.2f s\n' "$i" \
    $(tail -1 "$work/verify.txt" | cut -d' ' -f1-3) "$(tail -1 "$work/psql.txt")"
done
failed=$(cut -d' ' -f4 "$work/verify.txt" | sort -u | tr '\n' ' ')
v_med=$(cut -d' ' -f1 "$work/verify.txt" | median)
in_med=$(cut -d' ' -f2 "$work/verify.txt" | median)
st_med=$(cut -d' ' -f3 "$work/verify.txt" | median)
p_med=$(median <"$work/psql.txt")
pair_med=$(paste -d' ' "$work/verify.txt" "$work/psql.txt" | awk '{ print $1 / $5 }' | median)

printf 'psql apply (BEGIN; file; ROLLBACK):   median %.2f s of %d (min %.2f)\n' "$p_med" "$runs" "$(sort -g "$work/psql.txt" | head -1)"
printf 'airlock verify (whole process):       median %.2f s of %d (min %.2f); statements failed: %s\n' "$v_med" "$runs" "$(cut -d' ' -f1 "$work/verify.txt" | sort -g | head -1)" "$failed"
printf '  of which in the transaction:        median %.2f s, the statements themselves %.2f s (verify'"'"'s own work %.2f s)\n' "$in_med" "$st_med" "$(calc "$in_med - $st_med")"
if [ -n "${BASELINE_JAR:-}" ]; then
  printf 'baseline jar, verify:                 median %.2f s, in the transaction %.2f s, its statements %.2f s; ratio %.2fx\n' \
    "$(cut -d' ' -f1 "$work/baseline.txt" | median)" "$(cut -d' ' -f2 "$work/baseline.txt" | median)" "$(cut -d' ' -f3 "$work/baseline.txt" | median)" \
    "$(calc "$(cut -d' ' -f1 "$work/baseline.txt" | median) / $p_med")"
fi
if [ -n "${ROLLBACK_PLAN:-}" ]; then
  printf 'airlock verify --rollback-out:        median %.2f s (the plan test runs the migration again)\n' "$(cut -d' ' -f1 "$work/plan.txt" | median)"
fi
printf 'ratio verify / psql:                  %.2fx of the medians, %.2fx median of the %d pairs (target <= 1.5x)\n' "$(calc "$v_med / $p_med")" "$pair_med" "$runs"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
