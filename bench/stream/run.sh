#!/usr/bin/env bash
# /qa latency with 0 and with 1,000 open GET /insights/stream subscribers, side by side.
# Starts the packaged jar on a free loopback port (simulated provider without artificial delay,
# temporary storage), runs stream-bench.mjs against it, stops only what it started.
# Usage: bench/stream/run.sh [subscribers=1000] [calls=300] [rounds=3]
#   JAR=... measures another build.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
subscribers="${1:-1000}"
calls="${2:-300}"
rounds="${3:-3}"
jar="${JAR:-target/llm-reliability-control-plane.jar}"
[ -f "$jar" ] || mvn -B -q -DskipFrontend -DskipTests package
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
LRCP_SIMULATED_LATENCY_SCALE=0 java -Xmx512m -jar "$jar" --server.address=127.0.0.1 \
  --server.port="$port" --lrcp.gateway.port=-1 --lrcp.storage.directory="$work/data" \
  >"$work/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "127.0.0.1:$port/health" && break
  sleep 0.5
done
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
node bench/stream/stream-bench.mjs --base="http://127.0.0.1:$port" --pid="$pid" \
  --subscribers="$subscribers" --calls="$calls" --rounds="$rounds"
echo "service threads at the end: $(ls /proc/$pid/task | wc -l), RSS $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
