#!/usr/bin/env bash
# One command, one run, loopback only: our gateway (the packaged service started as scripts/run.sh
# starts it, dd-java-agent attached, telemetry sent to a fake Datadog agent, LRCP_PROVIDER=openai
# pointed at a fake upstream) side by side with Portkey OSS 1.15.2 (npm) and nginx (Debian's
# nginx-light, the pure-proxy floor, from the shared kit's template), all compared to calling the
# fake upstream directly; the same service without the agent runs beside them to show what the
# agent costs.
#
#   bench/run.sh [full|quick]     full ≈ 25–35 min (10,000-stream soak), quick ≈ 8 min (2,000 streams)
#
# Measures, in this order: (1) start-up of scripts/run.sh as the README runs it (launch → /health,
# launch → first /qa, RSS once idle), and of every target; (2) each target cold: the first 1,000
# calls at c=1 paired with direct calls, then 10 s rounds of wrk until steady (the first three are
# the first 30 s of load); (3) steady state: added latency at c=1 and added time to first token,
# each target paired with the direct call alone, then direct, ours, Portkey and nginx in one
# rotation (the shared kit's protocol); throughput with wrk and RSS under it; (4) a soak of
# concurrent slow streams (errors, live heap). Writes bench/results/<UTC date>.md (quick:
# <UTC date>-quick.md) and raw/ data.
# Our gateway is measured on its data plane (lrcp.gateway.port, the Netty listener for /v1).
# Environment (optional): JAVA_HOME, UPSTREAM_PORT=9101 GATEWAY_PORT=18080 DATAPLANE_PORT=18081
# BARE_PORT=18082 BARE_DATAPLANE_PORT=18083 RUN_PORT=18084 PORTKEY_PORT=18790 NGINX_PORT=18088
# AGENT_PORT=18126 STATSD_PORT=18125, PORTKEY_DIR (reuse an install), GATEWAY_XMX (default: the service's
# own heap, scripts/jvm.options), SOAK_XMX=1g (the soak's restart: ~70 KB of heap per open stream), WRK_CONNS=64.
# Stops exactly the processes it started (by PID).
set -euo pipefail
MODE="${1:-full}"
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../scripts/env.sh"  # a JDK 21+ as JAVA_HOME, ROOT, service_command, jar_stale
cd "$ROOT"
UPSTREAM_PORT="${UPSTREAM_PORT:-9101}" GATEWAY_PORT="${GATEWAY_PORT:-18080}" PORTKEY_PORT="${PORTKEY_PORT:-18790}"
DATAPLANE_PORT="${DATAPLANE_PORT:-18081}" BARE_PORT="${BARE_PORT:-18082}" BARE_DATAPLANE_PORT="${BARE_DATAPLANE_PORT:-18083}"
RUN_PORT="${RUN_PORT:-18084}" NGINX_PORT="${NGINX_PORT:-18088}"
AGENT_PORT="${AGENT_PORT:-18126}" STATSD_PORT="${STATSD_PORT:-18125}" WRK_CONNS="${WRK_CONNS:-64}" XMX="${GATEWAY_XMX:-}"
SOAK_XMX="${SOAK_XMX:-1g}"
case "$MODE" in
  full)  N=2000 WARM=4000 NS=500 WARM_S=1000 WRK_SECS=20 SOAK_N=10000 SOAK_RAMP=1000 WARM_MIN=12 WARM_MAX=30 COLD=1000 STARTS=3 ;;
  quick) N=500 WARM=1000 NS=150 WARM_S=300 WRK_SECS=8 SOAK_N=2000 SOAK_RAMP=1000 WARM_MIN=6 WARM_MAX=12 COLD=1000 STARTS=1 ;;
  *) echo "usage: $0 [full|quick]" >&2; exit 2 ;;
esac
# A quick run checks the harness: its page never replaces the day's full run.
DAY="$(date -u +%F)"; [[ $MODE = quick ]] && DAY="$DAY-quick"
RESULTS="$HERE/results"; RAW="$RESULTS/raw/$DAY"; mkdir -p "$RAW"
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
stop() {  # pid: TERM, wait up to 20 s, then KILL
  local i; kill "$1" 2>/dev/null || true
  for ((i=0; i<100; i++)); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_http() {  # url seconds pid
  local i; for ((i=0; i<$2*5; i++)); do
    kill -0 "$3" 2>/dev/null || { echo "process $3 exited; logs in $WORK" >&2; return 1; }
    curl -s -o /dev/null --max-time 1 "$1" && return 0; sleep 0.2; done
  echo "not answering after $2 s: $1" >&2; return 1; }
for p in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$DATAPLANE_PORT" "$BARE_PORT" "$BARE_DATAPLANE_PORT" "$RUN_PORT" \
         "$((RUN_PORT + 1))" "$PORTKEY_PORT" "$NGINX_PORT" "$AGENT_PORT"; do
  port_free "$p" || { echo "port $p on 127.0.0.1 is in use" >&2; exit 1; }; done
apt_install() {  # command package
  command -v "$1" >/dev/null && return 0
  echo "installing $2 (apt) ..."; local sudo=""; [[ $(id -u) = 0 ]] || sudo=sudo
  $sudo apt-get install -y -qq "$2" >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null; }
}

# Tools: the jar as scripts/run.sh would build it (with its AOT cache), wrk and nginx (apt), Portkey (npm, pinned, cached).
if jar_stale || [[ ! -f target/agent/dd-java-agent.jar ]]; then mvn -B -q -DskipTests package; fi
apt_install wrk wrk
apt_install nginx nginx-light
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
PK_DIR="${PORTKEY_DIR:-$HOME/.cache/lrcp-bench/portkey-1.15.2}"
if [[ ! -d "$PK_DIR/node_modules/@portkey-ai/gateway" ]]; then
  mkdir -p "$PK_DIR"; cp "$HERE/portkey/package.json" "$HERE/portkey/package-lock.json" "$PK_DIR/"
  echo "installing @portkey-ai/gateway 1.15.2 into $PK_DIR ..."
  (cd "$PK_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

node "$HERE/fake-upstream.mjs" --port="$UPSTREAM_PORT" > "$WORK/upstream.log" 2>&1 & UP_PID=$!; PIDS+=("$UP_PID")
node "$HERE/fake-dd-agent.mjs" --apm-port="$AGENT_PORT" --statsd-port="$STATSD_PORT" > "$WORK/agent.log" 2>&1 & DD_PID=$!; PIDS+=("$DD_PID")
wait_http "http://127.0.0.1:$UPSTREAM_PORT/v1/models" 10 "$UP_PID"
wait_http "http://127.0.0.1:$AGENT_PORT/counts" 10 "$DD_PID"
UP="http://127.0.0.1:$UPSTREAM_PORT/v1"
DIRECT="$UP/chat/completions"; OURS="http://127.0.0.1:$DATAPLANE_PORT/v1/chat/completions"; OURS_READY="http://127.0.0.1:$DATAPLANE_PORT/v1/models"
PORTKEY="http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions"; BARE="http://127.0.0.1:$BARE_DATAPLANE_PORT/v1/chat/completions"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/v1/chat/completions"
declare -A URL=([gateway]="$OURS" [bare]="$BARE" [portkey]="$PORTKEY" [nginx]="$NGINX_URL")
PK_HDRS="x-portkey-provider: openai|x-portkey-custom-host: $UP"
CHAT='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}],"max_tokens":16}'
QA='{"question":"What is artificial intelligence?","document":"Artificial intelligence (AI) is intelligence demonstrated by machines, in contrast to the natural intelligence displayed by humans and animals."}'

service_command --agent ${XMX:+-Xmx$XMX}; GATEWAY_CMD=("${SERVICE_COMMAND[@]}")
service_command ${XMX:+-Xmx$XMX}; BARE_CMD=("${SERVICE_COMMAND[@]}")
{ echo "started=$(date -u +%FT%TZ) mode=$MODE nproc=$(nproc) loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) mem_total=$(grep MemTotal /proc/meminfo | awk '{print $2" kB"}') open_files_limit=$(ulimit -n)"
  echo "java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1) node=$(node --version) wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f2) $("$NGINX" -v 2>&1) gateway_xmx=${XMX:-default} soak_xmx=$SOAK_XMX"
  echo "dd_java_agent=dd-java-agent.jar portkey=1.15.2 (@hono/node-server 1.13.8, hono 4.9.7)"
  echo "gateway_command=${GATEWAY_CMD[*]#$JAVA_HOME/bin/}"
  echo "bare_command=${BARE_CMD[*]#$JAVA_HOME/bin/}"; } > "$RAW/env.txt"
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

# (1) Start-up of the README's command, alone on the machine but for the fake upstream and agent:
# launch → /health answered, launch → the README's first /qa answered, then RSS after 10 s idle.
echo "(1) start-up: scripts/run.sh, $STARTS time(s)"
: > "$RAW/startup-run.jsonl"
for ((i=1; i<=STARTS; i++)); do
  since=$(date +%s%N)
  ( exec env -u DD_AGENT_ENABLED -u LRCP_PROVIDER DD_AGENT_HOST=127.0.0.1 DD_DOGSTATSD_PORT="$STATSD_PORT" \
      scripts/run.sh --server.port="$RUN_PORT" --server.address=127.0.0.1 --lrcp.gateway.port=$((RUN_PORT + 1)) \
      --lrcp.gateway.address=127.0.0.1 --lrcp.storage.directory="$WORK/run-$i" ) > "$WORK/run-$i.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  t=$(node "$HERE/startup.mjs" --since="$since" --ready="http://127.0.0.1:$RUN_PORT/health" \
        --first="http://127.0.0.1:$RUN_PORT/qa" --body="$QA")
  sleep 10; rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo null)
  echo "${t%\}},\"idle_rss_mb\":$rss}" | tee -a "$RAW/startup-run.jsonl"
  stop "$pid"
done

# (2) Each target from a cold start, one at a time: launch → first answer, the first COLD calls
# at c=1 paired with direct calls, then 10 s rounds of wrk at the throughput load until the mean
# of the last three is within 5 % of the three before them (at least WARM_MIN rounds, at most
# WARM_MAX; nginx: three). The first three rounds are the first 30 s of load.
start_target() {  # name: launches it in the background, sets TPID
  case $1 in
    gateway|bare)
      local port=$GATEWAY_PORT dp=$DATAPLANE_PORT cmd=("${GATEWAY_CMD[@]}")
      # Our gateway serves the bench's "Bearer sk-fake" as a static key (admission without budgets or
      # limits) and, for the admission rows, a virtual key with budgets and rate limits (created below).
      local keys=(LRCP_API_KEYS=sk-fake LRCP_ADMIN_KEY=bench-admin)
      [[ $1 = bare ]] && { port=$BARE_PORT; dp=$BARE_DATAPLANE_PORT; cmd=("${BARE_CMD[@]}"); keys=(); }
      ( [[ ${#keys[@]} = 0 ]] || export "${keys[@]}"; LRCP_PROVIDER=openai LRCP_OPENAI_BASE_URL="$UP" \
        DD_AGENT_HOST=127.0.0.1 DD_TRACE_AGENT_PORT="$AGENT_PORT" DD_DOGSTATSD_PORT="$STATSD_PORT" \
        DD_SERVICE="lrcp-$1" DD_ENV=bench DD_LLMOBS_ENABLED=true DD_LLMOBS_ML_APP=lrcp-bench \
        DD_INSTRUMENTATION_TELEMETRY_ENABLED=false \
        exec "${cmd[@]}" --server.port="$port" --server.address=127.0.0.1 --lrcp.storage.directory="$WORK/data-$1" \
          --lrcp.gateway.port="$dp" --lrcp.gateway.address=127.0.0.1 ) > "$WORK/$1.log" 2>&1 & ;;
    portkey)
      (cd "$PK_DIR" && NODE_ENV=production exec node node_modules/@portkey-ai/gateway/build/start-server.js \
         --port="$PORTKEY_PORT" --headless) > "$WORK/portkey.log" 2>&1 & ;;
    nginx)
      mkdir -p "$WORK/nginx/tmp"; chmod 755 "$WORK" "$WORK/nginx"; chmod 777 "$WORK/nginx/tmp"
      sed -e "s/@NGINX_PORT@/$NGINX_PORT/" -e "s/@UPSTREAM_PORT@/$UPSTREAM_PORT/" \
        "$HERE/nginx.conf.template" > "$WORK/nginx/nginx.conf"
      "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' > "$WORK/nginx.log" 2>&1 & ;;
  esac
  TPID=$!; PIDS+=("$TPID")
}
warm_up() {  # name url min [headers]
  local name=$1 url=$2 min=$3 r rps
  : > "$RAW/warmup-$name.txt"
  for ((r=1; r<=WARM_MAX; r++)); do
    rps=$(WRK_HEADERS="${4:-}" wrk -t1 -c"$WRK_CONNS" -d10s -s "$HERE/chat.lua" "$url" 2>/dev/null \
          | awk '/Requests\/sec/ {print int($2)}')
    echo "${rps:-0}" >> "$RAW/warmup-$name.txt"
    (( r >= min )) && tail -6 "$RAW/warmup-$name.txt" \
      | awk '{x[NR]=$1} END {a=x[1]+x[2]+x[3]; b=x[4]+x[5]+x[6]; exit !(b <= a * 1.05)}' && break
  done
  echo "  $name: $(paste -sd' ' "$RAW/warmup-$name.txt") req/s"
}
declare -A TPIDS
: > "$RAW/startup-targets.jsonl"; : > "$RAW/cold.jsonl"
echo "(2) each target cold: start-up, the first $COLD calls paired with direct calls, then wrk rounds of 10 s until steady"
for name in gateway bare portkey nginx; do
  since=$(date +%s%N); start_target "$name"; TPIDS[$name]=$TPID
  hdrs='{"authorization":"Bearer sk-fake"}'; [[ $name = portkey ]] && hdrs="{\"x-portkey-provider\":\"openai\",\"x-portkey-custom-host\":\"$UP\"}"
  ready="${URL[$name]%/chat/completions}/models"; [[ $name = portkey ]] && ready="http://127.0.0.1:$PORTKEY_PORT/"
  t=$(node "$HERE/startup.mjs" --since="$since" --ready="$ready" --first="${URL[$name]}" --body="$CHAT" \
        --headers="$hdrs" --timeout-s=240)
  echo "{\"target\":\"$name\",${t#\{}" | tee -a "$RAW/startup-targets.jsonl"
  wait_http "$ready" 60 "$TPID"
  node "$HERE/interleaved-client.mjs" --target="direct=$DIRECT" --target="$name=${URL[$name]}" --portkey=portkey \
    --upstream="$UP" --n="$COLD" --warmup=0 >> "$RAW/cold.jsonl"
  min=$WARM_MIN; [[ $name = nginx ]] && min=3
  hw=""; [[ $name = portkey ]] && hw="$PK_HDRS"
  warm_up "$name" "${URL[$name]}" "$min" "$hw"
done
GW_PID=${TPIDS[gateway]} BARE_PID=${TPIDS[bare]} PK_PID=${TPIDS[portkey]} NG_PID=${TPIDS[nginx]}
# A virtual key whose budgets (key and application, per day and month) and rate limits (requests
# and tokens per minute, key and application) are on but far from binding: every call reserves,
# settles and is counted against eight quotas.
curl -sf -X PUT "http://127.0.0.1:$GATEWAY_PORT/admin/applications/bench" -H 'Authorization: Bearer bench-admin' \
  -H 'Content-Type: application/json' -d '{"budget_usd_per_day":100000,"budget_usd_per_month":1000000,"rpm_limit":100000000,"tpm_limit":1000000000}' > /dev/null
VKEY=$(curl -sf "http://127.0.0.1:$GATEWAY_PORT/admin/keys" -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' \
  -d '{"name":"bench","application":"bench","budget_usd_per_day":100000,"budget_usd_per_month":1000000,"rpm_limit":100000000,"tpm_limit":1000000000}' \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).key))')

# (3) Steady state. (a), (b): each target alternates with the direct call on its own (the others
# idle), then direct, ours, Portkey and nginx rotate in one loop, as in the shared kit: between two
# of its calls each server waits while three others run on the same two cores.
echo "(3a) paired non-streaming, c=1, $N per target (each with direct), then the four-way rotation"
pairs() {  # n warmup file [--stream]
  local t; for t in gateway bare portkey nginx; do
    node "$HERE/interleaved-client.mjs" --target="direct=$DIRECT" --target="$t=${URL[$t]}" --portkey=portkey \
      --upstream="$UP" --n="$1" --warmup="$2" ${4:-} >> "$RAW/$3"; done; }
ROT=(--target="direct=$DIRECT" --target="gateway=$OURS" --target="portkey=$PORTKEY" --target="nginx=$NGINX_URL" --portkey=portkey --upstream="$UP")
: > "$RAW/paired.jsonl"; : > "$RAW/paired-stream.jsonl"; : > "$RAW/rotation.jsonl"; : > "$RAW/rotation-stream.jsonl"
pairs "$N" "$WARM" paired.jsonl
node "$HERE/interleaved-client.mjs" "${ROT[@]}" --n="$N" --warmup="$((WARM / 4))" >> "$RAW/rotation.jsonl"
echo "(3a') admission cost: the same gateway with budgets and limits on (virtual key) and off (static key), c=1"
node -e 'const [ours, up, key] = process.argv.slice(1); console.log(JSON.stringify([
  {name: "direct", url: up + "/chat/completions"}, {name: "gateway", url: ours},
  {name: "admit", url: ours, headers: {authorization: "Bearer " + key}, baseline: "gateway"}]))' \
  "$OURS" "$UP" "$VKEY" > "$WORK/admit-targets.json"
: > "$RAW/admission.jsonl"
node "$HERE/interleaved-client.mjs" --targets-file="$WORK/admit-targets.json" --n="$N" --warmup="$WARM" >> "$RAW/admission.jsonl"
echo "(3b) paired streaming time to first token, c=1, $NS per target, then the four-way rotation"
pairs "$NS" "$WARM_S" paired-stream.jsonl --stream
node "$HERE/interleaved-client.mjs" "${ROT[@]}" --n="$NS" --warmup="$((WARM_S / 4))" --stream >> "$RAW/rotation-stream.jsonl"
echo "(3c) throughput: wrk -t1 -c$WRK_CONNS -d${WRK_SECS}s, RSS sampled"
wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$DIRECT" > "$RAW/wrk-direct.txt" 2>&1 || true
run_sampled gateway "$GW_PID" wrk -- wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$OURS" > "$RAW/wrk-gateway.txt" 2>&1
run_sampled bare "$BARE_PID" wrk -- wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$BARE" > "$RAW/wrk-bare.txt" 2>&1
run_sampled portkey "$PK_PID" wrk -- env WRK_HEADERS="$PK_HDRS" wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$PORTKEY" > "$RAW/wrk-portkey.txt" 2>&1
run_sampled nginx "$NG_PID" wrk -- wrk -t1 -c"$WRK_CONNS" -d"${WRK_SECS}s" --latency -s "$HERE/chat.lua" "$NGINX_URL" > "$RAW/wrk-nginx.txt" 2>&1

# (4) Soak: SOAK_N slow streams (20 deltas, 500 ms apart) opened at SOAK_RAMP/s, all open at once.
# Live heap with every stream open: once the ramp is over, one full collection (jcmd GC.run), then
# the heap in use right after it. jstat's peak includes garbage G1 had not yet needed to collect.
echo "(4) soak: $SOAK_N concurrent slow streams (20 deltas, 500 ms apart) per gateway"
# The default heap is sized for the throughput load, not thousands of open streams: the gateway
# restarts with SOAK_XMX for the soak.
stop "$GW_PID"; cp "$WORK/gateway.log" "$WORK/gateway-before-soak.log"
service_command --agent -Xmx"$SOAK_XMX"; GATEWAY_CMD=("${SERVICE_COMMAND[@]}")
start_target gateway; GW_PID=$TPID; wait_http "$OURS_READY" 240 "$GW_PID"
( sleep $(( SOAK_N / SOAK_RAMP + 3 )); "$JAVA_HOME/bin/jcmd" "$GW_PID" GC.run > /dev/null 2>&1 \
  && "$JAVA_HOME/bin/jcmd" "$GW_PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?", "", v); print int(v/1024); exit}}' \
  > "$RAW/heap-live-gateway-soak.txt"; ls "/proc/$GW_PID/fd" 2>/dev/null | wc -l > "$RAW/fds-gateway-soak.txt" ) & LIVE=$!; PIDS+=("$LIVE")
run_sampled gateway "$GW_PID" soak -- node "$HERE/soak.mjs" --target="gateway=$OURS" --n="$SOAK_N" --ramp-per-s="$SOAK_RAMP" > "$RAW/soak-gateway.json"
wait "$LIVE" 2>/dev/null || true
run_sampled portkey "$PK_PID" soak -- node "$HERE/soak.mjs" --target="portkey=$PORTKEY" --portkey=portkey --upstream="$UP" --n="$SOAK_N" --ramp-per-s="$SOAK_RAMP" > "$RAW/soak-portkey.json"
curl -s "http://127.0.0.1:$AGENT_PORT/counts" > "$RAW/agent-counts.json"
curl -s "http://127.0.0.1:$UPSTREAM_PORT/stats" > "$RAW/upstream-stats.json"
cat "$WORK/gateway-before-soak.log" "$WORK/gateway.log" | grep -c -E ' ERROR ' > "$RAW/gateway-error-lines.txt" || true
cp "$WORK/gateway-before-soak.log" "$WORK/gateway.log" "$WORK/bare.log" "$WORK/portkey.log" "$RAW/"
echo "finished=$(date -u +%FT%TZ) loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/env.txt"

node "$HERE/report.mjs" "$RAW" "$MODE" > "$RESULTS/$DAY.md"
cat "$RESULTS/$DAY.md"
echo "results: bench/results/$DAY.md (raw data: $RAW; logs: $WORK)"
