#!/usr/bin/env bash
# The cost-optimisation scenario on the packaged service (docs/optimization.md): cost-spike traffic,
# POST /optimization/recommendations/generate; then
#   1. implement the thinking-budget recommendation for /stress (the service applies it), the same
#      cost-spike traffic continues, GET /optimization/roi-report;
#   2. implement the prompt-trimming recommendation for /stress (the caller's change), the client
#      sends trimmed prompts from then on, GET /optimization/roi-report.
# Builds the jar when it is missing or older than the sources; starts it on a free loopback port
# with a temporary storage directory and stops it at the end. PHASE_SECONDS (default 70) sets how
# long each traffic phase lasts: the ROI needs a minute after the implementation.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
phase="${PHASE_SECONDS:-70}"

jar=target/llm-reliability-control-plane.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" 2>/dev/null | head -1)" ]; then
  mvn -B -q -DskipTests -DskipFrontend package
fi

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
LRCP_STORAGE_DIRECTORY="$work/storage" LRCP_GATEWAY_PORT=-1 \
  java -DOPT_OUT_TRACKING=true -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
  >"$work/service.log" 2>&1 &
service=$!
trap 'status=$?; kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT
for _ in $(seq 1 360); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.5
done

echo "== cost-spike traffic for ${phase}s"
scripts/traffic.sh --scenario cost-spike --duration "$phase" --rate 4 --base-url "$base" | tail -4

echo "== POST /optimization/recommendations/generate"
curl -fsS -X POST "$base/optimization/recommendations/generate" >"$work/generated.json"
jq '.recommendations[] | {id, category, endpoint, title, monthly_savings, confidence, evidence, control}' "$work/generated.json"

# the id of the generated recommendation of category $1 for /stress
recommendation() {
  local id
  id="$(jq -r --arg c "$1" '[.recommendations[] | select(.category == $c and .endpoint == "/stress")][0].id' "$work/generated.json")"
  [ "$id" != "null" ] || { echo "error: no $1 recommendation for /stress" >&2; exit 1; }
  echo "$id"
}

implement() {
  echo "== POST /optimization/recommendations/$1/implement"
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"implemented_by": "scenario"}' \
    "$base/optimization/recommendations/$1/implement" | jq -c '{status, implemented_by, control, control_applied, message}'
}

roi() {
  echo "== GET /optimization/roi-report: $2"
  curl -fsS "$base/optimization/roi-report?days=7" | jq --arg id "$1" '.implemented[] | select(.id == $id)'
}

budget="$(recommendation thinking_budget)"
implement "$budget"
curl -fsS "$base/optimization/controls" | jq -c '{thinking_budgets}'
echo "== the same cost-spike traffic for ${phase}s"
scripts/traffic.sh --scenario cost-spike --duration "$phase" --rate 4 --base-url "$base" | tail -4
roi "$budget" "thinking budget, applied by the service"

trim="$(recommendation prompt_trimming)"
implement "$trim"
echo "== the client trims its prompts: /stress with 1 repetition for ${phase}s"
end=$((SECONDS + phase))
while [ "$SECONDS" -lt "$end" ]; do
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d '{"prompt": "Summarize the last 100 production incidents and propose improvements.", "repetitions": 1}' \
    "$base/stress"
  sleep 0.25
done
roi "$trim" "prompt trimming, done by the caller"
