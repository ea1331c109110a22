#!/usr/bin/env bash
# Memory (and warm-up) of the packaged service, with and without dd-java-agent, side by side in one
# run: started as scripts/run.sh starts it (scripts/env.sh's service_command), telemetry on and sent
# to the fake Datadog agent, LRCP_PROVIDER=openai pointed at the fake upstream, as bench/run.sh
# starts its gateway (docs/adr/0021-memory.md).
#
#   bench/memory.sh [--nmt] [variant ...]      default variants: jdk ours; ≈ 4 min per variant and form
#
# A variant is `jdk` (the JVM's own ergonomics: service_command --jdk-defaults), `ours` (the
# service's JVM options, what users get), or `label=options` (ours followed by those java options,
# which win, e.g. 'small=-Xmx200m'; a NAME=value word goes to the environment). Each variant starts
# once per form (agent, bare), the starts taking turns. Per start: VmRSS after the first answers and IDLE_S (30) s idle; then
# LOAD_ROUNDS (12) rounds of `wrk -t1 -c64 -d10s` on the data plane (the first three are the first
# 30 s of load, the last three the steady state), VmRSS sampled every 0.5 s (peak and median); VmRSS
# once IDLE_S s idle again after the load; the Java heap committed and used (jstat) at each point.
# --nmt adds -XX:NativeMemoryTracking=summary (which itself takes a few MB) and keeps
# `jcmd VM.native_memory summary` at idle and at the end of the load, to see where the RSS goes.
# Writes bench/results/<UTC date>-memory[-TAG].md and raw/<date>-memory[-TAG]/.
# Environment (optional): UPSTREAM_PORT=9131 AGENT_PORT=18336 STATSD_PORT=18335 PORT=18330 (and PORT+1
# for the data plane), FORMS="agent bare", IDLE_S=30, LOAD_ROUNDS=12, WRK_CONNS=64, TAG.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../scripts/env.sh" # JAVA_HOME, ROOT, service_command, jar_stale, aot_stale
cd "$ROOT"
NMT=""; [[ ${1:-} = --nmt ]] && { NMT=1; shift; }
VARIANTS=("$@"); [[ ${#VARIANTS[@]} = 0 ]] && VARIANTS=(jdk ours)
UPSTREAM_PORT="${UPSTREAM_PORT:-9131}" AGENT_PORT="${AGENT_PORT:-18336}" STATSD_PORT="${STATSD_PORT:-18335}"
PORT="${PORT:-18330}" IDLE_S="${IDLE_S:-30}" LOAD_ROUNDS="${LOAD_ROUNDS:-12}" WRK_CONNS="${WRK_CONNS:-64}"
read -r -a FORMS <<< "${FORMS:-agent bare}"
DAY="$(date -u +%F)-memory${TAG:+-$TAG}"; RAW="$HERE/results/raw/$DAY"; OUT="$HERE/results/$DAY.md"
WORK="$(mktemp -d -t lrcp-memory.XXXXXX)"; mkdir -p "$RAW"

PIDS=()
cleanup() {
  local i; for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for i in "${PIDS[@]}"; do wait "$i" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
for p in "$UPSTREAM_PORT" "$AGENT_PORT" "$PORT" "$((PORT + 1))"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p on 127.0.0.1 is in use" >&2; exit 1; fi
done
command -v wrk > /dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
if jar_stale || [[ ! -f target/agent/dd-java-agent.jar ]]; then mvn -B -q -DskipTests package
elif aot_stale; then java scripts/AotTraining.java target/llm-reliability-control-plane.jar target/aot; fi

node "$HERE/fake-upstream.mjs" --port="$UPSTREAM_PORT" > "$WORK/upstream.log" 2>&1 & PIDS+=($!)
node "$HERE/fake-dd-agent.mjs" --apm-port="$AGENT_PORT" --statsd-port="$STATSD_PORT" > "$WORK/agent.log" 2>&1 & PIDS+=($!)
wait_http() { # url seconds pid
  local i; for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$3" 2>/dev/null || { echo "process $3 exited; log in $WORK" >&2; return 1; }
    curl -s -o /dev/null --max-time 1 "$1" && return 0; sleep 0.1; done
  echo "not answering after $2 s: $1" >&2; return 1; }
wait_http "http://127.0.0.1:$UPSTREAM_PORT/v1/models" 10 "${PIDS[0]}"
wait_http "http://127.0.0.1:$AGENT_PORT/counts" 10 "${PIDS[1]}"
QA='{"question":"What is artificial intelligence?","document":"Artificial intelligence (AI) is intelligence demonstrated by machines, in contrast to the natural intelligence displayed by humans and animals."}'
CHAT='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}],"max_tokens":16}'

command_for() { # variant form: sets SERVICE_COMMAND
  local flags=() extra=()
  [[ $2 = agent ]] && flags+=(--agent)
  case $1 in
    jdk) flags+=(--jdk-defaults) ;;
    ours) ;;
    *=*) read -r -a extra <<< "${1#*=}" ;;
    *) echo "unknown variant $1 (jdk, ours or label=java options)" >&2; exit 2 ;;
  esac
  [[ -n $NMT ]] && extra+=(-XX:NativeMemoryTracking=summary)
  local opts=() vars=() x
  for x in "${extra[@]}"; do if [[ $x =~ ^[A-Z_]+= ]]; then vars+=("$x"); else opts+=("$x"); fi; done
  service_command "${flags[@]}" "${opts[@]}"
  [[ ${#vars[@]} = 0 ]] || SERVICE_COMMAND=(env "${vars[@]}" "${SERVICE_COMMAND[@]}")
}
rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo null; }
heap_mb() { # pid: "committed used" in MB, from jstat -gc (the same columns for every collector)
  "$JAVA_HOME/bin/jstat" -gc "$1" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i}
    NR == 2 {printf "%d %d", ($c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]) / 1024, ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024}'; }
gc_s() { "$JAVA_HOME/bin/jstat" -gc "$1" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i} NR == 2 {print $c["GCT"]}'; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo null; }
nmt() { [[ -z $NMT ]] || "$JAVA_HOME/bin/jcmd" "$1" VM.native_memory summary scale=MB > "$2" 2>&1 || true; }

{ echo "started=$(date -u +%FT%TZ) nproc=$(nproc) mem_total=$(awk '/MemTotal/ {print $2" kB"}' /proc/meminfo) loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1) wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f2) load=wrk -t1 -c$WRK_CONNS, $LOAD_ROUNDS × 10 s, idle=$IDLE_S s nmt=${NMT:-off}"
  for v in "${VARIANTS[@]}"; do for f in "${FORMS[@]}"; do
    command_for "$v" "$f"; echo "${v%%=*}/$f: ${SERVICE_COMMAND[*]#"$JAVA_HOME"/bin/}"; done; done; } > "$RAW/env.txt"
cat "$RAW/env.txt"
: > "$RAW/starts.jsonl"

measure() { # variant form
  local v=$1 f=$2 name="${1%%=*}-$2" pid s i rps
  command_for "$v" "$f"
  ( exec env LRCP_API_KEYS=sk-fake LRCP_PROVIDER=openai LRCP_OPENAI_BASE_URL="http://127.0.0.1:$UPSTREAM_PORT/v1" \
      DD_AGENT_HOST=127.0.0.1 DD_TRACE_AGENT_PORT="$AGENT_PORT" DD_DOGSTATSD_PORT="$STATSD_PORT" \
      DD_SERVICE="lrcp-$name" DD_ENV=bench DD_LLMOBS_ENABLED=true DD_LLMOBS_ML_APP=lrcp-bench \
      DD_INSTRUMENTATION_TELEMETRY_ENABLED=false "${SERVICE_COMMAND[@]}" --server.port="$PORT" \
      --server.address=127.0.0.1 --lrcp.gateway.port=$((PORT + 1)) --lrcp.gateway.address=127.0.0.1 \
      --lrcp.storage.directory="$WORK/data-$name" ) > "$WORK/$name.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_http "http://127.0.0.1:$PORT/health" 300 "$pid"
  wait_http "http://127.0.0.1:$((PORT + 1))/v1/models" 60 "$pid"
  curl -sf -o /dev/null http://127.0.0.1:$PORT/qa -H 'Authorization: Bearer sk-fake' -H 'Content-Type: application/json' -d "$QA" &&
    curl -sf -o /dev/null http://127.0.0.1:$((PORT + 1))/v1/chat/completions -H 'Authorization: Bearer sk-fake' \
      -H 'Content-Type: application/json' -d "$CHAT" ||
    { echo "$name: the first /qa or chat call failed; log in $WORK/$name.log" >&2; exit 1; }
  sleep "$IDLE_S" # a benchmark, not a test: idle means this long without a request
  local idle_rss; idle_rss=$(rss_mb "$pid"); local idle_heap; idle_heap=$(heap_mb "$pid")
  grep -E '^(Rss|Pss)_?(Anon|File|Shmem)?:' "/proc/$pid/smaps_rollup" > "$RAW/smaps-$name-idle.txt" 2>/dev/null || true
  nmt "$pid" "$RAW/nmt-$name-idle.txt"
  : > "$RAW/rss-$name-load.txt"
  ( while kill -0 "$pid" 2>/dev/null; do rss_mb "$pid" >> "$RAW/rss-$name-load.txt"; sleep 0.5; done ) & s=$!
  : > "$RAW/rounds-$name.txt"; : > "$RAW/requests-$name.txt"
  local cpu0 gc0; cpu0=$(cpu_s "$pid"); gc0=$(gc_s "$pid")
  for ((i = 1; i <= LOAD_ROUNDS; i++)); do
    wrk -t1 -c"$WRK_CONNS" -d10s -s "$HERE/chat.lua" "http://127.0.0.1:$((PORT + 1))/v1/chat/completions" > "$WORK/wrk.txt" 2>&1 || true
    awk '/Requests\/sec/ {print int($2)}' "$WORK/wrk.txt" >> "$RAW/rounds-$name.txt"
    awk '/requests in/ {print $1}' "$WORK/wrk.txt" >> "$RAW/requests-$name.txt"
  done
  local cpu gc; cpu=$(awk -v a="$cpu0" -v b="$(cpu_s "$pid")" 'BEGIN {printf "%.2f", b - a}')
  gc=$(awk -v a="$gc0" -v b="$(gc_s "$pid")" 'BEGIN {printf "%.3f", b - a}')
  local load_heap; load_heap=$(heap_mb "$pid"); local load_end; load_end=$(rss_mb "$pid")
  nmt "$pid" "$RAW/nmt-$name-load.txt"
  kill "$s" 2>/dev/null || true; wait "$s" 2>/dev/null || true
  sleep "$IDLE_S"
  local after; after=$(rss_mb "$pid"); local after_heap; after_heap=$(heap_mb "$pid")
  grep -E '^(Rss|Pss)_?(Anon|File|Shmem)?:' "/proc/$pid/smaps_rollup" > "$RAW/smaps-$name-after.txt" 2>/dev/null || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  cp "$WORK/$name.log" "$RAW/"
  echo "{\"variant\":\"${v%%=*}\",\"form\":\"$f\",\"idle_rss_mb\":$idle_rss,\"idle_heap_mb\":[${idle_heap// /,}],\"load_rss_mb\":[$(paste -sd, "$RAW/rss-$name-load.txt")],\"load_end_rss_mb\":$load_end,\"load_heap_mb\":[${load_heap// /,}],\"after_rss_mb\":$after,\"after_heap_mb\":[${after_heap// /,}],\"rounds_rps\":[$(paste -sd, "$RAW/rounds-$name.txt")],\"requests\":$(awk '{s += $1} END {print s + 0}' "$RAW/requests-$name.txt"),\"load_cpu_s\":$cpu,\"load_gc_s\":$gc}" \
    | tee -a "$RAW/starts.jsonl" | cut -c1-200
}
k=0
for v in "${VARIANTS[@]}"; do
  for ((j = 0; j < ${#FORMS[@]}; j++)); do
    measure "$v" "${FORMS[$(((j + k) % ${#FORMS[@]}))]}" # each variant starts with the other form
  done
  k=$((k + 1))
done
echo "finished=$(date -u +%FT%TZ) loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/env.txt"

node - "$RAW" "$NMT" > "$OUT" << 'EOF'
const fs = require('fs');
const [dir, nmt] = process.argv.slice(2);
const runs = fs.readFileSync(`${dir}/starts.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const heap = (h) => (h.length === 2 ? `${h[0]} / ${h[1]}` : 'n/a');
const cols = runs.map((r) => `${r.variant} ${r.form}`);
const rows = [
  ['RSS idle after start-up (MB)', (r) => r.idle_rss_mb, '≤ 300'],
  ['  heap committed / used (MB)', (r) => heap(r.idle_heap_mb), '–'],
  ['RSS under load, peak (MB)', (r) => Math.max(...r.load_rss_mb), '≤ 600'],
  ['RSS under load, median (MB)', (r) => median(r.load_rss_mb), '–'],
  ['  heap committed / used at the end of the load (MB)', (r) => heap(r.load_heap_mb), '–'],
  ['RSS idle after the load (MB)', (r) => r.after_rss_mb, '–'],
  ['  heap committed / used (MB)', (r) => heap(r.after_heap_mb), '–'],
  ['req/s, first 30 s of load', (r) => Math.round(mean(r.rounds_rps.slice(0, 3))), '–'],
  ['req/s, last 30 s (steady)', (r) => Math.round(mean(r.rounds_rps.slice(-3))), '–'],
  ['CPU of the service per 1,000 requests under load (s)', (r) => (r.requests ? ((1000 * r.load_cpu_s) / r.requests).toFixed(3) : 'n/a'), '–'],
  ['  of which the JVM was paused for GC (jstat GCT, s)', (r) => (r.requests ? ((1000 * r.load_gc_s) / r.requests).toFixed(3) : 'n/a'), '–'],
  ['first 30 s / steady', (r) => `${Math.round((100 * mean(r.rounds_rps.slice(0, 3))) / mean(r.rounds_rps.slice(-3)))} %`, '≥ 70 %'],
];
const env = fs.readFileSync(`${dir}/env.txt`, 'utf8').trim();
const out = ['# Memory of the packaged service (`bench/memory.sh`)', '',
  'One start per column, the columns taking turns on the same shared 2-core machine (load average in the ' +
  'environment below). `agent`: dd-java-agent attached (as `DD_AGENT_ENABLED=true scripts/run.sh`); `bare`: ' +
  'without it. Telemetry on in both (DogStatsD and spans to a fake Datadog agent, JSON logs, stored records). ' +
  'RSS is robust to the machine\'s load; the req/s rows are not (other builds share the two cores), the CPU ' +
  'per request less so (a busy machine still slows caches and the JIT).', '',
  `| | ${cols.join(' | ')} | target |`, `|---|${cols.map(() => '---').join('|')}|---|`,
  ...rows.map(([name, cell, target]) => `| ${name} | ${runs.map(cell).join(' | ')} | ${target} |`), '',
  'req/s of every 10 s round:', '', ...runs.map((r) => `- ${r.variant} ${r.form}: ${r.rounds_rps.join(' ')}`), ''];
if (nmt) {
  const cats = ['Java Heap', 'Class', 'Metaspace', 'Shared class space', 'Thread', 'Code', 'GC', 'Compiler',
    'Internal', 'Symbol', 'Arena Chunk', 'Native Memory Tracking', 'Other'];
  const parse = (file) => {
    if (!fs.existsSync(file)) return {};
    const text = fs.readFileSync(file, 'utf8'); const out = {};
    const total = text.match(/Total: reserved=\d+MB, committed=(\d+)MB/); if (total) out.Total = +total[1];
    const malloc = text.match(/malloc: (\d+)MB/); if (malloc) out.malloc = +malloc[1];
    for (const c of cats) { const m = text.match(new RegExp(`-\\s+${c} \\(reserved=\\d+MB, committed=(\\d+)MB`)); if (m) out[c] = +m[1]; }
    return out;
  };
  for (const phase of ['idle', 'load']) {
    const parsed = runs.map((r) => parse(`${dir}/nmt-${r.variant}-${r.form}-${phase}.txt`));
    out.push(`Native memory tracking, committed MB, ${phase === 'idle' ? 'idle after start-up' : 'at the end of the load'} ` +
      '(NMT counts what the JVM allocates; RSS minus its total is mostly malloc of native libraries — ONNX Runtime, ' +
      'the tokenizers — and glibc arena slack):', '',
      `| | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`,
      ...['Total', 'malloc', ...cats].map((c) => `| ${c} | ${parsed.map((p) => p[c] ?? '–').join(' | ')} |`),
      `| RSS − NMT total | ${runs.map((r, i) => (parsed[i].Total ? (phase === 'idle' ? r.idle_rss_mb : r.load_end_rss_mb) - parsed[i].Total : '–')).join(' | ')} |`, '');
  }
}
out.push('Environment and commands:', '', '```', env, '```', '');
process.stdout.write(out.join('\n'));
EOF
cat "$OUT"
