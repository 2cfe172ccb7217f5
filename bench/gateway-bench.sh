#!/usr/bin/env bash
# Benchmark of the database gateway (bench/GatewayBench.java): the latency it adds to a
# primary-key SELECT over plain JDBC, in process and over MCP stdio (median and p99), then calls
# per second with 8 agents at once (8 `airlock mcp` processes, one SDK client each) and each
# gateway process's peak RSS. Embedded PostgreSQL, nothing to install. Not a test; nothing here
# runs in CI.
#
#   bench/gateway-bench.sh
#   CALLS=5000 WARMUP=3000 AGENTS=8 SECONDS_PER_RUN=20 bench/gateway-bench.sh
#   SERVER_JAVA_OPTIONS=-XX:MaxRAM=64g bench/gateway-bench.sh   # JVM options for the gateways
#
# Every figure moves with the machine's load, which is printed first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bin/airlock --version >/dev/null   # builds the jar when sources changed
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -XX:+UseSerialGC \
  -Dcalls="${CALLS:-3000}" -Dwarmup="${WARMUP:-3000}" -Dagents="${AGENTS:-8}" -Dseconds="${SECONDS_PER_RUN:-20}" \
  -Dserver.java.options="${SERVER_JAVA_OPTIONS:-}" \
  -cp airlock-cli/target/airlock.jar bench/GatewayBench.java
