#!/usr/bin/env bash
# The cost-optimisation scenario on the packaged service (docs/optimization.md): cost-spike traffic,
# POST /optimization/recommendations/generate, implement the prompt-trimming recommendation for
# /stress, the client sends trimmed prompts from then on, GET /optimization/roi-report. Builds the
# jar when it is missing or older than the sources; starts it on a free loopback port with a
# temporary storage directory and stops it at the end. PHASE_SECONDS (default 70) sets how long
# each traffic phase lasts: the ROI needs a minute after the implementation.
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
jq '.recommendations[] | {id, category, endpoint, title, monthly_savings, confidence, evidence}' "$work/generated.json"
id="$(jq -r '[.recommendations[] | select(.category == "prompt_trimming" and .endpoint == "/stress")][0].id' "$work/generated.json")"
[ "$id" != "null" ] || { echo "error: no prompt-trimming recommendation for /stress" >&2; exit 1; }

echo "== POST /optimization/recommendations/$id/implement"
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"implemented_by": "scenario"}' \
  "$base/optimization/recommendations/$id/implement" | jq -c '{status, implemented_by, control_applied, message}'

echo "== the client trims its prompts: /stress with 1 repetition for ${phase}s"
end=$((SECONDS + phase))
while [ "$SECONDS" -lt "$end" ]; do
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d '{"prompt": "Summarize the last 100 production incidents and propose improvements.", "repetitions": 1}' \
    "$base/stress"
  sleep 0.25
done

echo "== GET /optimization/roi-report"
curl -fsS "$base/optimization/roi-report?days=7" | jq --arg id "$id" '.implemented[] | select(.id == $id)'
