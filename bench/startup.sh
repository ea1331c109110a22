#!/usr/bin/env bash
# Start-up and memory of the packaged service, side by side in one run, in the forms that lead to
# what scripts/run.sh starts (docs/adr/0015-start-up-and-memory.md):
#   jar          java -jar target/llm-reliability-control-plane.jar (the jar as built)
#   extracted    the same classes as a plain class path (target/aot/app, `-Djarmode=tools extract`)
#   spring-aot   extracted, with the bean definitions Spring generated at build time
#   aot-cache    spring-aot with the JDK's AOT cache trained at packaging: scripts/run.sh's command
#
#   bench/startup.sh [rounds]      default 5 rounds; one round starts every form once, in turn
#
# Each start is a new user's: the README's defaults (simulated provider, no keys, no Datadog agent),
# a fresh storage directory, loopback ports. Measured per start: launch → /health answered, launch →
# the README's /qa example answered, the CPU seconds the JVM used until then (user + system: less
# sensitive than wall time to what else runs on the machine), and RSS right after that answer and
# after IDLE_S (10) seconds idle. Prints medians per form and writes bench/results/<UTC date>-startup.md
# (+ raw/<date>-startup/). Builds the jar and its AOT forms first when they are missing or stale.
# Environment (optional): PORT=18090 (and PORT+1 for the gateway), IDLE_S=10, TIMEOUT_S=600 (a start
# not answering by then is n/a and left out of its median).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../scripts/env.sh"  # JAVA_HOME, ROOT, service_command, jar_stale, aot_stale
cd "$ROOT"
ROUNDS="${1:-5}" PORT="${PORT:-18090}" IDLE_S="${IDLE_S:-10}" TIMEOUT_S="${TIMEOUT_S:-600}"
DAY="$(date -u +%F)"; RAW="$HERE/results/raw/$DAY-startup"; OUT="$HERE/results/$DAY-startup.md"
WORK="$(mktemp -d -t lrcp-startup.XXXXXX)"; mkdir -p "$RAW"
QA='{"question":"What is artificial intelligence?","document":"Artificial intelligence (AI) is intelligence demonstrated by machines, in contrast to the natural intelligence displayed by humans and animals."}'

PID=""
cleanup() { if [[ -n $PID ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
for p in "$PORT" "$((PORT + 1))"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p on 127.0.0.1 is in use" >&2; exit 1; fi
done

if jar_stale; then mvn -B -q -DskipTests package
elif aot_stale; then java scripts/AotTraining.java target/llm-reliability-control-plane.jar target/aot; fi
service_command
if [[ " ${SERVICE_COMMAND[*]} " != *" -XX:AOTCache="* ]]; then
  echo "no usable AOT cache under target/aot (see target/aot/training.log); the table would miss a column" >&2; exit 1
fi
declare -A CMD
CMD[aot-cache]="${SERVICE_COMMAND[*]}"
# every form with the service's memory settings (docs/adr/0021-memory.md), as the aot-cache form has them
JAVA="env MALLOC_ARENA_MAX=2 $JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED $(jvm_options scripts/jvm.options | paste -sd' ')"
CMD[jar]="$JAVA -jar target/llm-reliability-control-plane.jar"
CMD[extracted]="$JAVA -jar target/aot/app/llm-reliability-control-plane.jar"
CMD[spring-aot]="$JAVA -Dspring.aot.enabled=true -jar target/aot/app/llm-reliability-control-plane.jar"
FORMS=(jar extracted spring-aot aot-cache)

{ echo "started=$(date -u +%FT%TZ) rounds=$ROUNDS nproc=$(nproc) loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1) node=$(node --version)"
  echo "jar=$(du -m target/llm-reliability-control-plane.jar | cut -f1) MB aot_cache=$(du -m target/aot/app.aot | cut -f1) MB"
  for f in "${FORMS[@]}"; do echo "$f: ${CMD[$f]#$JAVA_HOME/bin/}"; done; } > "$RAW/env.txt"
cat "$RAW/env.txt"

rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo null; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo null; }
: > "$RAW/starts.jsonl"
for ((r = 1; r <= ROUNDS; r++)); do
  for ((k = 0; k < ${#FORMS[@]}; k++)); do
    f=${FORMS[$(( (k + r - 1) % ${#FORMS[@]} ))]}  # each round starts with the next form
    data="$WORK/data-$r-$f"
    since=$(date +%s%N)
    # shellcheck disable=SC2086 # CMD holds a java command line without spaces inside arguments
    ( exec env $(env | sed -n 's/^\(\(DD\|LRCP\)_[A-Z0-9_]*\)=.*/-u \1/p') ${CMD[$f]} \
        --server.port="$PORT" --server.address=127.0.0.1 --lrcp.gateway.port=$((PORT + 1)) \
        --lrcp.gateway.address=127.0.0.1 --lrcp.storage.directory="$data" ) > "$WORK/$r-$f.log" 2>&1 &
    PID=$!
    t=$(node "$HERE/startup.mjs" --since="$since" --ready="http://127.0.0.1:$PORT/health" \
          --first="http://127.0.0.1:$PORT/qa" --body="$QA" --timeout-s="$TIMEOUT_S")
    cpu=$(cpu_s "$PID"); rss_first=$(rss_mb "$PID")
    sleep "$IDLE_S"  # a benchmark, not a test: the idle figure is RSS after this long
    # Spring's own count: "Started … in X seconds (process running for Y)"
    started=$(sed -n 's/.*Started [^ ]* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1,\2/p' "$WORK/$r-$f.log" | head -1)
    echo "{\"form\":\"$f\",\"round\":$r,${t#\{}" | sed "s/}\$/,\"cpu_s\":$cpu,\"rss_first_mb\":$rss_first,\"rss_idle_mb\":$(rss_mb "$PID"),\"spring_s\":[${started:-null}]}/" \
      | tee -a "$RAW/starts.jsonl"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    cp "$WORK/$r-$f.log" "$RAW/"
  done
done
echo "finished=$(date -u +%FT%TZ) loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/env.txt"

node - "$RAW" "${FORMS[@]}" > "$OUT" <<'EOF'
const fs = require('fs');
const [dir, ...forms] = process.argv.slice(2);
const runs = fs.readFileSync(`${dir}/starts.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const col = (f, k, i) => median(runs.filter((r) => r.form === f).map((r) => (i === undefined ? r[k] : r[k]?.[i] ?? null)));
const num = (x) => (x === null ? 'n/a' : x.toFixed(2));
const sec = (ms) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const rows = [
  ['launch → `/health` answered', (f) => sec(col(f, 'ready_ms')), '≤ 2 s'],
  ['launch → first `/qa` answered', (f) => sec(col(f, 'first_ms')), '≤ 4 s'],
  ['Spring\'s "Started … in" (the context; the JVM had run for)', (f) => `${num(col(f, 'spring_s', 0))} s (${num(col(f, 'spring_s', 1))} s)`, '–'],
  ['CPU used until that answer', (f) => (col(f, 'cpu_s') === null ? 'n/a' : `${col(f, 'cpu_s').toFixed(1)} s`), '–'],
  ['RSS right after it', (f) => `${col(f, 'rss_first_mb')} MB`, '–'],
  ['RSS after 10 s idle', (f) => `${col(f, 'rss_idle_mb')} MB`, '≤ 300 MB'],
];
const env = fs.readFileSync(`${dir}/env.txt`, 'utf8').trim();
const n = runs.filter((r) => r.form === forms[0]).length;
const out = [`# Start-up and memory of the packaged service (\`bench/startup.sh ${n}\`)`, '',
  `Medians of ${n} starts per form, the forms taking turns within each round on the same loaded 2-core machine ` +
  '(load average in the environment below). Every start is a new user\'s: the README\'s defaults, a fresh storage ' +
  'directory, the README\'s `/qa` example as the first request. `aot-cache` is what `scripts/run.sh` starts. ' +
  'A start that did not answer within the timeout shows n/a below and is left out of its form\'s median.', '',
  `| median of ${n} | ${forms.join(' | ')} | target (issue #24) |`, `|---|${forms.map(() => '---').join('|')}|---|`,
  ...rows.map(([name, cell, target]) => `| ${name} | ${forms.map(cell).join(' | ')} | ${target} |`), '',
  'Every start (launch → `/health` / → first `/qa`, s):', '',
  ...forms.map((f) => `- ${f}: ${runs.filter((r) => r.form === f).map((r) => `${sec(r.ready_ms)} / ${sec(r.first_ms)}`).join('; ')}`), '',
  'Environment and commands:', '', '```', env, '```', ''];
process.stdout.write(out.join('\n'));
EOF
cat "$OUT"
