#!/usr/bin/env bash
# Benchmark of `airlock check` (whole process and in-process) against the targets, and against
# squawk on the same files when squawk is available. Not a test; nothing here runs in CI.
#
#   bench/check-bench.sh                       # uses airlock-cli/target/airlock.jar
#   AIRLOCK_JAR=/tmp/airlock.jar bench/check-bench.sh
#
# Environment: AIRLOCK_JAR (jar to measure), RUNS (whole-process runs per variant, default 3),
# VARIANTS=0 (skip the JVM-flag exploration), SQUAWK=path (squawk binary), NO_SQUAWK=1,
# NO_INSTALL=1 (never apt-get/npm install anything), PARSER_COMPARISON=1 (also run
# ParserComparison.java; about a minute more).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=bench/out
corpus=$out/corpus
runs=${RUNS:-3}
mkdir -p "$out"

# ---- the jar ------------------------------------------------------------------------------------
jar=${AIRLOCK_JAR:-airlock-cli/target/airlock.jar}
if [ ! -f "$jar" ]; then
  if [ -n "${AIRLOCK_JAR:-}" ]; then
    echo "check-bench: AIRLOCK_JAR=$jar does not exist" >&2
    exit 2
  fi
  echo "check-bench: $jar missing; building it (mvn -q -DskipTests package -pl airlock-cli -am)" >&2
  mvn -q -DskipTests package -pl airlock-cli -am
fi
# Measure a private copy, so a concurrent rebuild cannot change the jar halfway through.
cp "$jar" "$out/airlock-bench.jar"
jar_copy=$out/airlock-bench.jar
echo "jar: $jar ($(stat -c %s "$jar") bytes, $(date -r "$jar" '+%Y-%m-%d %H:%M:%S')), measured as $jar_copy"

# The JVM flags of the launcher bin/airlock (read from it, so the bench follows the launcher).
launcher_flags=$(sed -n 's/^exec java \(.*\) -jar .*/\1/p' bin/airlock)
if [ -z "$launcher_flags" ]; then
  launcher_flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
  echo "check-bench: could not read the JVM flags from bin/airlock; assuming: $launcher_flags" >&2
fi
echo "launcher (bin/airlock) JVM flags: $launcher_flags"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- GNU time -----------------------------------------------------------------------------------
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  if [ -z "${NO_INSTALL:-}" ] && command -v apt-get >/dev/null; then
    echo "check-bench: GNU time (/usr/bin/time) missing; installing it with apt-get install -y time" >&2
    apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1)
  fi
  /usr/bin/time -v true >/dev/null 2>&1 || { echo "check-bench: GNU time is needed for peak RSS (apt-get install time)" >&2; exit 2; }
fi

# ---- the corpus ---------------------------------------------------------------------------------
if [ ! -d "$corpus" ]; then
  python3 bench/gen-corpus.py "$corpus" --files 5000 --seed 42
fi
files=$(find "$corpus" -type f -name '*.sql' | wc -l)
bytes=$(find "$corpus" -type f -name '*.sql' -printf '%s\n' | awk '{s+=$1} END {print s}')

# One untimed run to validate the output and learn the statement count.
set +e
java $launcher_flags -jar "$jar_copy" check "$corpus" --format json > "$out/airlock.json"
rc=$?
set -e
if [ "$rc" -gt 1 ]; then
  echo "check-bench: airlock check exited $rc" >&2
  exit 2
fi
read -r checked stmts findings unparsed < <(python3 - "$out/airlock.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
unparsed = sum(1 for f in d["findings"] if f["ruleId"] == "unparsed-statement")
print(s["files"], s["statements"], s["findings"], unparsed)
EOF
)
echo "corpus: $corpus: $files files, $stmts statements, $bytes bytes; airlock checked $checked files, $findings open findings, $unparsed unparsed-statement findings (exit $rc)"
if [ "$checked" != "$files" ]; then
  echo "check-bench: airlock checked $checked files, expected $files" >&2
  exit 2
fi

# ---- helpers ------------------------------------------------------------------------------------
# The machine is shared and noisy, so the runs of the commands being compared are interleaved
# (round robin: A B C, A B C, ...): load that comes and goes hits every command alike.
# variant LABEL COMMAND-STRING  adds a command (eval'ed; stdout to /dev/null);
# run_variants                  runs them $runs times each, prints a line per command, and sets
#                               WMIN[i], WMED[i], RSS[i] (MB, max over the runs), CPU[i] (median).
V_LABELS=()
V_CMDS=()
declare -A WMIN WMED RSS CPU
variant() { V_LABELS+=("$1"); V_CMDS+=("$2"); }
run_variants() {
  local n=${#V_CMDS[@]} r v code walls
  rm -rf "$out/times" && mkdir -p "$out/times"
  for ((r = 0; r < runs; r++)); do
    for ((v = 0; v < n; v++)); do
      eval "/usr/bin/time -f '%e %U %S %M %x' -o $out/time.txt ${V_CMDS[v]}" > /dev/null 2> "$out/stderr.txt" || true
      tail -1 "$out/time.txt" >> "$out/times/$v.txt"
      code=$(tail -1 "$out/time.txt" | cut -d' ' -f5)
      if [ "$code" -gt 1 ]; then
        echo "check-bench: '${V_CMDS[v]}' exited $code:" >&2
        cat "$out/stderr.txt" >&2
        exit 2
      fi
    done
  done
  for ((v = 0; v < n; v++)); do
    read -r WMIN[$v] WMED[$v] RSS[$v] CPU[$v] walls < <(python3 - "$out/times/$v.txt" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
w = [float(r[0]) for r in rows]
c = [float(r[1]) + float(r[2]) for r in rows]
m = [int(r[3]) for r in rows]
print("%.2f %.2f %d %.2f %s" % (min(w), statistics.median(w), round(max(m) / 1024), statistics.median(c), ",".join("%.2f" % x for x in w)))
EOF
)
    printf '%-52s wall min %5.2f s, median %5.2f s (runs %s); CPU median %5.2f s; peak RSS %4d MB\n' \
      "${V_LABELS[v]}" "${WMIN[$v]}" "${WMED[$v]}" "$walls" "${CPU[$v]}" "${RSS[$v]}"
  done
  V_LABELS=()
  V_CMDS=()
}

rate() { awk -v n="$1" -v t="$2" 'BEGIN {printf "%.0f", n / t}'; }
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; then echo MET; else echo "NOT MET"; fi; }

# ---- squawk: find it (or install it), check that it really parses every file ---------------------
squawk=${SQUAWK:-}
if [ -z "$squawk" ] && [ -z "${NO_SQUAWK:-}" ]; then
  # Prefer the native binary over the npm package's node wrapper (which only spawns it).
  squawk=$(ls "$out"/npm/node_modules/@squawk-cli/*/bin/squawk 2>/dev/null | head -1 || true)
  if [ -z "$squawk" ] && command -v squawk >/dev/null; then
    squawk=$(command -v squawk)
  fi
  if [ -z "$squawk" ] && [ -z "${NO_INSTALL:-}" ] && command -v npm >/dev/null; then
    echo "check-bench: installing squawk: npm install --prefix $out/npm squawk-cli" >&2
    npm install --prefix "$out/npm" squawk-cli >/dev/null 2>&1 || true
    squawk=$(ls "$out"/npm/node_modules/@squawk-cli/*/bin/squawk 2>/dev/null | head -1 || true)
  fi
fi
if [ -n "$squawk" ] && ! "$squawk" --version >/dev/null 2>&1; then
  echo "check-bench: $squawk does not run; no squawk comparison" >&2
  squawk=
fi
pattern="$corpus/**/*.sql"
if [ -n "$squawk" ]; then
  summary=$("$squawk" "$pattern" 2>&1 | tail -1 || true)
  "$squawk" "$pattern" --reporter json > "$out/squawk.json" 2>/dev/null || true
  read -r sq_violations sq_syntax < <(python3 - "$out/squawk.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
print(len(d), len({v["file"] for v in d if v["rule_name"] == "syntax-error"}))
EOF
)
  echo "squawk: $squawk ($("$squawk" --version)); validation run: '$summary'; $sq_violations violations, $sq_syntax files with syntax errors"
  if ! grep -q "checked $files source files" <<< "$summary"; then
    echo "check-bench: squawk did not report checking all $files files" >&2
    exit 2
  fi
else
  echo "squawk: not available (set SQUAWK=/path/to/squawk, or: npm install --prefix $out/npm squawk-cli); no comparison"
fi

# ---- whole process ------------------------------------------------------------------------------
echo
echo "== whole process, $runs runs each, interleaved: java $launcher_flags -jar airlock.jar check $corpus --format json > /dev/null"
[ -n "$squawk" ] && echo "   and: squawk '$pattern' --reporter json > /dev/null (native binary)"
variant "airlock check (launcher flags)" "java $launcher_flags -jar $jar_copy check $corpus --format json"
[ -n "$squawk" ] && variant "squawk (native binary)" "$squawk '$pattern' --reporter json"
variant "JVM start floor: airlock --version" "java $launcher_flags -jar $jar_copy --version"
variant "fixed cost: airlock check on 1 small file" "java $launcher_flags -jar $jar_copy check examples/incidents/cleanup_sessions.sql --format json"
if [ -n "$squawk" ] && [ -x "$out/npm/node_modules/.bin/squawk" ]; then
  variant "squawk via npm's node wrapper (bin/squawk)" "$out/npm/node_modules/.bin/squawk '$pattern' --reporter json"
fi
run_variants
a_min=${WMIN[0]} a_med=${WMED[0]} a_rss=${RSS[0]}
if [ -n "$squawk" ]; then s_min=${WMIN[1]} s_med=${WMED[1]} s_rss=${RSS[1]} fixed=${WMED[3]}; else fixed=${WMED[2]}; fi
echo
echo "airlock whole-process: $files files, $stmts statements in $a_min s (min of $runs; median $a_med s)" \
  "= $(rate "$files" "$a_min") files/s, $(rate "$stmts" "$a_min") stmts/s (median: $(rate "$files" "$a_med") files/s," \
  "$(rate "$stmts" "$a_med") stmts/s), peak RSS $a_rss MB"
echo "  fixed cost (JVM start + CLI + 1 small file): $fixed s of the $a_med s median;" \
  "without it: $(rate "$stmts" "$(awk -v a="$a_med" -v f="$fixed" 'BEGIN {print a - f}')") stmts/s"
echo "  target peak RSS <= 256 MB: $a_rss MB -> $(verdict "$a_rss" 256) (on this $(free -g | awk '/Mem:/ {print $2}') GB machine; see the -XX:MaxRAM lines below)"
if [ -n "$squawk" ]; then
  echo "squawk whole-process: $files files in $s_min s (min of $runs; median $s_med s) = $(rate "$files" "$s_min") files/s," \
    "$(rate "$stmts" "$s_min") stmts/s, peak RSS $s_rss MB"
  echo "ratio airlock/squawk wall time: $(awk -v a="$a_min" -v s="$s_min" 'BEGIN {printf "%.2f", a / s}') (min)," \
    "$(awk -v a="$a_med" -v s="$s_med" 'BEGIN {printf "%.2f", a / s}') (median); peak RSS airlock $a_rss MB, squawk $s_rss MB"
  echo "  target whole-process wall time <= squawk's: min $a_min s vs $s_min s -> $(verdict "$a_min" "$s_min");" \
    "median $a_med s vs $s_med s -> $(verdict "$a_med" "$s_med")"
fi

if [ "${VARIANTS:-1}" != 0 ]; then
  echo
  echo "== JVM flag variants, $runs runs each, interleaved (same command: check $corpus --format json)"
  jsa=$out/airlock-app.jsa
  rm -f "$jsa"
  java $launcher_flags -XX:ArchiveClassesAtExit="$jsa" -jar "$jar_copy" check "$corpus" --format json > /dev/null 2>&1 || true
  variant "launcher flags (baseline)" "java $launcher_flags -jar $jar_copy check $corpus --format json"
  variant "java -jar (JVM defaults: G1, C1+C2)" "java -jar $jar_copy check $corpus --format json"
  variant "-XX:+UseSerialGC -Xshare:auto (C1+C2)" "java -XX:+UseSerialGC -Xshare:auto -jar $jar_copy check $corpus --format json"
  variant "launcher + -Xmx64m" "java $launcher_flags -Xmx64m -jar $jar_copy check $corpus --format json"
  variant "launcher + -Xmx128m" "java $launcher_flags -Xmx128m -jar $jar_copy check $corpus --format json"
  variant "launcher + -XX:MaxRAM=64g (as on a 64 GB machine)" "java $launcher_flags -XX:MaxRAM=64g -jar $jar_copy check $corpus --format json"
  variant "launcher + -XX:MaxRAM=64g -Xmx128m" "java $launcher_flags -XX:MaxRAM=64g -Xmx128m -jar $jar_copy check $corpus --format json"
  [ -f "$jsa" ] && variant "launcher + AppCDS (-XX:SharedArchiveFile)" "java $launcher_flags -XX:SharedArchiveFile=$jsa -jar $jar_copy check $corpus --format json"
  run_variants
fi

# ---- in process ---------------------------------------------------------------------------------
echo
echo "== in process, one thread: java -cp airlock.jar bench/InProcessBench.java $corpus"
java -cp "$jar_copy" bench/InProcessBench.java "$corpus"
echo "-- same, with the launcher's JIT flags (C1 only, as the CLI runs):"
java $launcher_flags -Dstages=false -cp "$jar_copy" bench/InProcessBench.java "$corpus"

if [ -n "${PARSER_COMPARISON:-}" ]; then
  jsql=$HOME/.m2/repository/com/github/jsqlparser/jsqlparser/5.3/jsqlparser-5.3.jar
  [ -f "$jsql" ] || mvn -q dependency:get -Dartifact=com.github.jsqlparser:jsqlparser:5.3
  echo
  echo "== parser comparison: java -cp airlock.jar:jsqlparser-5.3.jar bench/ParserComparison.java $corpus"
  java -cp "$jar_copy:$jsql" bench/ParserComparison.java "$corpus"
fi
