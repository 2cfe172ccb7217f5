#!/usr/bin/env bash
# Benchmark of `airlock hook claude` as an agent runs it (a whole process per call, through
# bin/airlock) and of the decision in process. Not a test; nothing here runs in CI.
#
#   bench/hook-bench.sh                 # 50 calls per variant
#   CALLS=100 bench/hook-bench.sh
#
# Prints, per variant (no archive on the default java; the launcher without its server, i.e. a JVM
# per call with its class-data archive; the launcher as installed, i.e. bash talking to the warm
# hook-server): median and p95 wall time over $CALLS calls and the peak RSS of any call (the
# server's own resident set is printed apart);
# a JVM hello world on the same machine at the same time, for scale; then decisions per second
# in process (bench/HookBench.java). The machine's load average is printed too: on a shared or
# busy machine every figure moves with it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
calls=${CALLS:-50}
out=bench/out
mkdir -p "$out"
jar=airlock-cli/target/airlock.jar
bin/airlock --version >/dev/null   # builds the jar when sources changed

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app/.git" "$work/app/build" "$work/shared/uploads" "$work/home"
for i in $(seq 20); do head -c $((i * 100)) /dev/zero >"$work/shared/uploads/f$i.png"; done
cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hi"); } }
JAVA
javac -d "$work" "$work/Hello.java"

input=$(printf '{"session_id":"bench","transcript_path":"/tmp/t.jsonl","cwd":"%s","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf /var/app/releases/temp ../shared/uploads && npm test","description":"bench"}}' "$work/app")

# measure NAME CMD...: runs CMD $calls times with $input on stdin; prints median, p95, peak RSS.
measure() {
  local name=$1
  shift
  python3 - "$calls" "$input" "$name" "$@" <<'PY'
import os, statistics, subprocess, sys, time
calls, data, name, cmd = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3], sys.argv[4:]
walls = []
for _ in range(calls):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(data)
    walls.append((time.perf_counter() - t) * 1000)
    if p.returncode not in (0, 1, 2):
        sys.exit(f"{name}: exit {p.returncode}: {err.decode()[:200]}")
    if not out.strip():
        sys.exit(f"{name}: no answer; stderr: {err.decode()[:200]}")
walls.sort()
import resource
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
p95 = walls[min(len(walls) - 1, int(round(0.95 * len(walls))) - 1)]
print(f"  {name:<44} median {statistics.median(walls):6.1f} ms   p95 {p95:6.1f} ms   peak RSS {rss / 1024:5.1f} MB")
PY
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jar: $jar ($(stat -c %s "$jar") bytes)"
echo "== whole process, $calls calls each (input: Claude Code PreToolUse, incident 2 + npm test)"
export AIRLOCK_HOME="$work/airlock-home"
measure "JVM hello world (java, for scale)" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$work" Hello
measure "airlock hook claude, java $(java -XX:+UseSerialGC -version 2>&1 | head -1 | cut -d'"' -f2), no archive" \
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$jar" hook claude
for j in /usr/lib/jvm/*/bin/java; do
  v=$(grep -m1 '^JAVA_VERSION=' "$(dirname "$(dirname "$(readlink -f "$j")")")/release" 2>/dev/null | cut -d'"' -f2) || continue
  case "$v" in 17* | "") continue ;; esac
  measure "JVM hello world (java $v)" "$j" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work" Hello
  measure "airlock hook claude, java $v, no archive" "$j" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" hook claude
done
export AIRLOCK_NO_HOOK_SERVER=1   # the JVM paths first: each call a JVM of its own
AIRLOCK_JAVA=java bin/airlock hook claude <<<"$input" >/dev/null 2>&1 || true   # first call records the archive
measure "bin/airlock hook claude, java 17 + AppCDS" env AIRLOCK_JAVA=java bin/airlock hook claude
bin/airlock hook claude <<<"$input" >/dev/null 2>&1 || true
measure "bin/airlock hook claude, no server (JDK 25 AOT)" bin/airlock hook claude
ls "$AIRLOCK_HOME/cds" | sed 's/^/  archive: /'
unset AIRLOCK_NO_HOOK_SERVER

# As installed: the first call starts the warm hook-server, every later call is bash + loopback.
bin/airlock hook claude <<<"$input" >/dev/null 2>&1 || true
for _ in $(seq 100); do [ -f "$AIRLOCK_HOME/hookd/server" ] && break; sleep 0.1; done
bin/airlock hook claude <<<"$input" >/dev/null 2>&1 || true
measure "bin/airlock hook claude (as installed, warm server)" bin/airlock hook claude
server_pid=$(sed -n 3p "$AIRLOCK_HOME/hookd/server")
echo "  hook-server (pid $server_pid) resident set after the calls: $(awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$server_pid/status"), peak $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$server_pid/status")"
kill "$server_pid" 2>/dev/null || true

echo "== in process, one thread: java -cp $jar bench/HookBench.java"
java -XX:+UseSerialGC -cp "$jar" bench/HookBench.java | tail -2
