#!/usr/bin/env bash
# One command, one run, loopback only: our gateway (packaged jar, dd-java-agent attached, telemetry
# sent to a fake Datadog agent, LRCP_PROVIDER=openai pointed at a fake upstream) side by side with
# Portkey OSS 1.15.2 (npm), both compared to calling the fake upstream directly; the same jar without
# the agent runs beside them to show what the agent costs.
#
#   bench/run.sh [full|quick]     full ≈ 12–18 min (5,000-stream soak), quick ≈ 5 min (1,000 streams)
#
# Measures (a) added latency p50/p99 at concurrency 1 (paired with direct calls), (b) added time to
# first token of streams (paired), (c) max throughput with wrk, (d) RSS under load, (e) a soak of
# concurrent slow streams (errors, peak heap). Writes bench/results/<UTC date>.md (+ raw/ data).
# Our gateway is measured on its data plane (lrcp.gateway.port, the Netty listener for /v1); the
# main port (health, readiness) is only used to wait for start-up.
# Environment (optional): JAVA_HOME, UPSTREAM_PORT=9101 GATEWAY_PORT=18080 DATAPLANE_PORT=18081 PORTKEY_PORT=18790
# BARE_PORT=18082 BARE_DATAPLANE_PORT=18083 AGENT_PORT=18126 STATSD_PORT=18125, PORTKEY_DIR (reuse an install), GATEWAY_XMX=512m, WRK_CONNS=64.
# Stops exactly the processes it started (by PID).
set -euo pipefail
MODE="${1:-full}"
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../scripts/env.sh"  # a JDK 21+ as JAVA_HOME, and ROOT
UPSTREAM_PORT="${UPSTREAM_PORT:-9101}" GATEWAY_PORT="${GATEWAY_PORT:-18080}" PORTKEY_PORT="${PORTKEY_PORT:-18790}"
DATAPLANE_PORT="${DATAPLANE_PORT:-18081}" BARE_PORT="${BARE_PORT:-18082}" BARE_DATAPLANE_PORT="${BARE_DATAPLANE_PORT:-18083}"
AGENT_PORT="${AGENT_PORT:-18126}" STATSD_PORT="${STATSD_PORT:-18125}" WRK_CONNS="${WRK_CONNS:-64}"
case "$MODE" in
  full)  N=2000 WARM=4000 NS=500 WARM_S=1000 WRK_SECS=20 SOAK_N=5000 SOAK_RAMP=1000 WARM_MIN=12 WARM_MAX=30 ;;
  quick) N=500 WARM=1000 NS=150 WARM_S=300 WRK_SECS=8 SOAK_N=1000 SOAK_RAMP=500 WARM_MIN=6 WARM_MAX=12 ;;
  *) echo "usage: $0 [full|quick]" >&2; exit 2 ;;
esac
JAR="$ROOT/target/llm-reliability-control-plane.jar"; AGENT_JAR="$ROOT/target/agent/dd-java-agent.jar"
DAY="$(date -u +%F)"; RESULTS="$HERE/results"; RAW="$RESULTS/raw/$DAY"; mkdir -p "$RAW"
WORK="$(mktemp -d -t lrcp-bench.XXXXXX)"

PIDS=()
cleanup() {  # TERM in reverse start order; a process still alive after 20 s (a wedged JVM) gets KILL
  local i p; for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for ((i=0; i<100; i++)); do
    local alive=0; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [[ $alive = 0 ]] && break; sleep 0.2; done
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_http() {  # url seconds pid
  local i; for ((i=0; i<$2*5; i++)); do
    kill -0 "$3" 2>/dev/null || { echo "process $3 exited; logs in $WORK" >&2; return 1; }
    curl -s -o /dev/null --max-time 1 "$1" && return 0; sleep 0.2; done
  echo "not answering after $2 s: $1" >&2; return 1; }
for p in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$DATAPLANE_PORT" "$BARE_PORT" "$BARE_DATAPLANE_PORT" "$PORTKEY_PORT" "$AGENT_PORT"; do
  port_free "$p" || { echo "port $p on 127.0.0.1 is in use" >&2; exit 1; }; done

# Tools: the jar (built if missing), wrk (apt), Portkey (npm, pinned, cached).
[[ -f "$JAR" && -f "$AGENT_JAR" ]] || (cd "$ROOT" && mvn -B -o -q -DskipFrontend -DskipTests package)
if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt) ..."; SUDO=""; [[ $(id -u) = 0 ]] || SUDO=sudo
  $SUDO apt-get install -y -qq wrk >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
fi
PK_DIR="${PORTKEY_DIR:-$HOME/.cache/lrcp-bench/portkey-1.15.2}"
if [[ ! -d "$PK_DIR/node_modules/@portkey-ai/gateway" ]]; then
  mkdir -p "$PK_DIR"; cp "$HERE/portkey/package.json" "$HERE/portkey/package-lock.json" "$PK_DIR/"
  echo "installing @portkey-ai/gateway 1.15.2 into $PK_DIR ..."
  (cd "$PK_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# Processes.
node "$HERE/fake-upstream.mjs" --port="$UPSTREAM_PORT" > "$WORK/upstream.log" 2>&1 & UP_PID=$!; PIDS+=("$UP_PID")
node "$HERE/fake-dd-agent.mjs" --apm-port="$AGENT_PORT" --statsd-port="$STATSD_PORT" > "$WORK/agent.log" 2>&1 & DD_PID=$!; PIDS+=("$DD_PID")
wait_http "http://127.0.0.1:$UPSTREAM_PORT/v1/models" 10 "$UP_PID"
wait_http "http://127.0.0.1:$AGENT_PORT/counts" 10 "$DD_PID"
gateway() {  # name main-port data-plane-port [java options...]: the packaged jar at the fake upstream
  local name=$1 port=$2 dataplane=$3; shift 3
  (cd "$WORK" && LRCP_PROVIDER=openai LRCP_OPENAI_BASE_URL="http://127.0.0.1:$UPSTREAM_PORT/v1" \
     DD_AGENT_HOST=127.0.0.1 DD_TRACE_AGENT_PORT="$AGENT_PORT" DD_DOGSTATSD_PORT="$STATSD_PORT" \
     DD_SERVICE="lrcp-$name" DD_ENV=bench DD_LLMOBS_ENABLED=true DD_LLMOBS_ML_APP=lrcp-bench \
     DD_INSTRUMENTATION_TELEMETRY_ENABLED=false \
     exec "$JAVA_HOME/bin/java" "$@" -Xmx"${GATEWAY_XMX:-512m}" -jar "$JAR" \
       --server.port="$port" --server.address=127.0.0.1 --lrcp.storage.directory="$WORK/data-$name" \
       --lrcp.gateway.port="$dataplane" --lrcp.gateway.address=127.0.0.1) > "$WORK/$name.log" 2>&1 &
}
# Our gateway serves the bench's "Bearer sk-fake" as a static key (admission without budgets or
# limits) and, for the admission column, a virtual key with budgets and rate limits (created below).
LRCP_API_KEYS=sk-fake LRCP_ADMIN_KEY=bench-admin \
  gateway gateway "$GATEWAY_PORT" "$DATAPLANE_PORT" -javaagent:"$AGENT_JAR"; GW_PID=$!; PIDS+=("$GW_PID")
# The same jar without dd-java-agent (DogStatsD metrics, JSON logs, storage and scoring still on; no
# APM or LLM Observability spans): shows what the agent costs. Measured in the same run, not a target.
gateway bare "$BARE_PORT" "$BARE_DATAPLANE_PORT"; BARE_PID=$!; PIDS+=("$BARE_PID")
(cd "$PK_DIR" && NODE_ENV=production exec node node_modules/@portkey-ai/gateway/build/start-server.js \
   --port="$PORTKEY_PORT" --headless) > "$WORK/portkey.log" 2>&1 & PK_PID=$!; PIDS+=("$PK_PID")
wait_http "http://127.0.0.1:$PORTKEY_PORT/" 30 "$PK_PID"
wait_http "http://127.0.0.1:$DATAPLANE_PORT/v1/models" 180 "$GW_PID"
wait_http "http://127.0.0.1:$BARE_DATAPLANE_PORT/v1/models" 180 "$BARE_PID"

UP="http://127.0.0.1:$UPSTREAM_PORT/v1"
# A virtual key whose budgets (key and application, per day and month) and rate limits (requests
# and tokens per minute, key and application) are on but far from binding: every call reserves,
# settles and is counted against eight quotas.
curl -sf -X PUT "http://127.0.0.1:$GATEWAY_PORT/admin/applications/bench" -H 'Authorization: Bearer bench-admin' \
  -H 'Content-Type: application/json' -d '{"budget_usd_per_day":100000,"budget_usd_per_month":1000000,"rpm_limit":100000000,"tpm_limit":1000000000}' > /dev/null
VKEY=$(curl -sf "http://127.0.0.1:$GATEWAY_PORT/admin/keys" -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' \
  -d '{"name":"bench","application":"bench","budget_usd_per_day":100000,"budget_usd_per_month":1000000,"rpm_limit":100000000,"tpm_limit":1000000000}' \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).key))')
DIRECT="$UP/chat/completions"; OURS="http://127.0.0.1:$DATAPLANE_PORT/v1/chat/completions"
PORTKEY="http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions"; BARE="http://127.0.0.1:$BARE_DATAPLANE_PORT/v1/chat/completions"
T=(--target="direct=$DIRECT" --target="gateway=$OURS" --target="portkey=$PORTKEY" --target="bare=$BARE" --portkey=portkey --upstream="$UP")
declare -A URL=([gateway]="$OURS" [bare]="$BARE" [portkey]="$PORTKEY")
PK_HDRS="x-portkey-provider: openai|x-portkey-custom-host: $UP"
node "$HERE/interleaved-client.mjs" "${T[@]}" --n=1 --warmup=0 > "$WORK/smoke.json"
node "$HERE/interleaved-client.mjs" "${T[@]}" --n=1 --warmup=0 --stream >> "$WORK/smoke.json"
node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) { const bad=Object.entries(JSON.parse(l).targets).filter(([,t])=>t.errors); if (bad.length) { console.error("smoke failed:", bad.map(([n])=>n).join(",")); process.exit(1); } }' "$WORK/smoke.json"

{ echo "started=$(date -u +%FT%TZ) mode=$MODE nproc=$(nproc) loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) mem_total=$(grep MemTotal /proc/meminfo | awk '{print $2" kB"}')"
  echo "java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1) node=$(node --version) wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f2) gateway_xmx=${GATEWAY_XMX:-512m}"
  echo "dd_java_agent=$(basename "$AGENT_JAR") portkey=1.15.2 (@hono/node-server 1.13.8, hono 4.9.7)"; } > "$RAW/env.txt"
cat "$RAW/env.txt"

sample_rss() {  # pid file: VmRSS (kB) every 0.5 s until killed
  while kill -0 "$1" 2>/dev/null; do awk '/VmRSS/{print $2}' "/proc/$1/status" >> "$2" 2>/dev/null || true; sleep 0.5; done; }
run_sampled() {  # name pid phase -- command...: runs the command while sampling RSS (and Java heap)
  local name=$1 pid=$2 phase=$3; shift 4
  sample_rss "$pid" "$RAW/rss-$name-$phase.txt" & local s=$!; PIDS+=("$s")
  local j=""
  if [[ $name = gateway ]]; then "$JAVA_HOME/bin/jstat" -gc "$pid" 500 > "$RAW/heap-$name-$phase.txt" 2>/dev/null & j=$!; PIDS+=("$j"); fi
  "$@" || true
  kill "$s" 2>/dev/null || true; wait "$s" 2>/dev/null || true
  if [[ -n $j ]]; then kill "$j" 2>/dev/null || true; wait "$j" 2>/dev/null || true; fi
}

# Warm-up to steady state: 10 s wrk rounds at the throughput load until the last three rounds
# mean is within 5 % of the three before them (at least WARM_MIN rounds, at most WARM_MAX). A JVM
# on two shared cores keeps compiling for minutes, with plateaus on the way; V8 settles in
# seconds. Each round's req/s is kept for the results page.
warm_up() {  # name url [headers]
  local name=$1 url=$2 r rps
  : > "$RAW/warmup-$name.txt"
  for ((r=1; r<=WARM_MAX; r++)); do
    rps=$(WRK_HEADERS="${3:-}" wrk -t1 -c"$WRK_CONNS" -d10s -s "$HERE/chat.lua" "$url" 2>/dev/null \
          | awk '/Requests\/sec/ {print int($2)}')
    echo "${rps:-0}" >> "$RAW/warmup-$name.txt"
    (( r >= WARM_MIN )) && tail -6 "$RAW/warmup-$name.txt" \
      | awk '{x[NR]=$1} END {a=x[1]+x[2]+x[3]; b=x[4]+x[5]+x[6]; exit !(b <= a * 1.05)}' && break
  done
  echo "  $name: $(paste -sd' ' "$RAW/warmup-$name.txt") req/s"
}
echo "warm-up to steady state (JIT, connection pools): 10 s rounds of wrk -c$WRK_CONNS"
warm_up gateway "$OURS"
warm_up bare "$BARE"
warm_up portkey "$PORTKEY" "$PK_HDRS"
: > "$RAW/paired.jsonl"; : > "$RAW/paired-stream.jsonl"
# (a), (b): each gateway alternates with the direct call on its own (the others idle), then all four
# rotate in one loop, as in the shared kit. The rotation also measures what a gateway loses when
# three other servers ran on its cores between two of its calls; it is reported beside the pairs.
pairs() {  # n warmup file [--stream]
  local t; for t in gateway bare portkey; do
    node "$HERE/interleaved-client.mjs" --target="direct=$DIRECT" --target="$t=${URL[$t]}" --portkey=portkey \
      --upstream="$UP" --n="$1" --warmup="$2" ${4:-} >> "$RAW/$3"; done; }
: > "$RAW/rotation.jsonl"; : > "$RAW/rotation-stream.jsonl"
echo "(a) paired non-streaming, c=1, $N per target (each gateway with direct), then all four in rotation"
pairs "$N" "$WARM" paired.jsonl
node "$HERE/interleaved-client.mjs" "${T[@]}" --n="$N" --warmup="$((WARM / 4))" >> "$RAW/rotation.jsonl"
echo "(a') admission cost: the same gateway with budgets and limits on (virtual key) and off (static key), c=1"
node -e 'const [ours, up, key] = process.argv.slice(1); console.log(JSON.stringify([
  {name: "direct", url: up + "/chat/completions"}, {name: "gateway", url: ours},
  {name: "admit", url: ours, headers: {authorization: "Bearer " + key}, baseline: "gateway"}]))' \
  "$OURS" "$UP" "$VKEY" > "$WORK/admit-targets.json"
: > "$RAW/admission.jsonl"
node "$HERE/interleaved-client.mjs" --targets-file="$WORK/admit-targets.json" --n="$N" --warmup="$WARM" >> "$RAW/admission.jsonl"
echo "(b) paired streaming time to first token, c=1, $NS per target, then all four in rotation"
pairs "$NS" "$WARM_S" paired-stream.jsonl --stream
node "$HERE/interleaved-client.mjs" "${T[@]}" --n="$NS" --warmup="$((WARM_S / 4))" --stream >> "$RAW/rotation-stream.jsonl"
echo "(c, d) throughput: wrk -t1 -c$WRK_CONNS -d${WRK_SECS}s, RSS sampled"
wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$DIRECT" > "$RAW/wrk-direct.txt" 2>&1 || true
run_sampled gateway "$GW_PID" wrk -- wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$OURS" > "$RAW/wrk-gateway.txt" 2>&1
run_sampled bare "$BARE_PID" wrk -- wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$BARE" > "$RAW/wrk-bare.txt" 2>&1
run_sampled portkey "$PK_PID" wrk -- env WRK_HEADERS="$PK_HDRS" wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$PORTKEY" > "$RAW/wrk-portkey.txt" 2>&1
echo "(e) soak: $SOAK_N concurrent slow streams (20 deltas, 500 ms apart) per gateway"
# Live heap with every stream open: once the ramp is over, one full collection (jcmd GC.run), then
# the heap in use right after it. jstat's peak includes garbage G1 had not yet needed to collect.
( sleep $(( SOAK_N / SOAK_RAMP + 3 )); "$JAVA_HOME/bin/jcmd" "$GW_PID" GC.run > /dev/null 2>&1 \
  && "$JAVA_HOME/bin/jcmd" "$GW_PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?", "", v); print int(v/1024); exit}}' \
  > "$RAW/heap-live-gateway-soak.txt" ) & LIVE=$!; PIDS+=("$LIVE")
run_sampled gateway "$GW_PID" soak -- node "$HERE/soak.mjs" --target="gateway=$OURS" --n="$SOAK_N" --ramp-per-s="$SOAK_RAMP" > "$RAW/soak-gateway.json"
wait "$LIVE" 2>/dev/null || true
run_sampled portkey "$PK_PID" soak -- node "$HERE/soak.mjs" --target="portkey=$PORTKEY" --portkey=portkey --upstream="$UP" --n="$SOAK_N" --ramp-per-s="$SOAK_RAMP" > "$RAW/soak-portkey.json"
curl -s "http://127.0.0.1:$AGENT_PORT/counts" > "$RAW/agent-counts.json"
curl -s "http://127.0.0.1:$UPSTREAM_PORT/stats" > "$RAW/upstream-stats.json"
grep -c -E ' ERROR ' "$WORK/gateway.log" > "$RAW/gateway-error-lines.txt" || true
cp "$WORK/gateway.log" "$WORK/bare.log" "$WORK/portkey.log" "$RAW/"
echo "finished=$(date -u +%FT%TZ) loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/env.txt"

node "$HERE/report.mjs" "$RAW" "$MODE" > "$RESULTS/$DAY.md"
cat "$RESULTS/$DAY.md"
echo "results: bench/results/$DAY.md (raw data: $RAW; logs: $WORK)"
