#!/usr/bin/env bash
# Replays a mixed workload (the /qa items of grounding-dev.jsonl, the GPTeacher instructions of
# prompt-injection-dev.jsonl on /reason) through the packaged service with static gemini-2.5-pro and
# with a gemini-2.5-flash > gemini-2.5-pro cascade, and prints cost, mean grounding, escalation rate
# and savings side by side (docs/routing.md). Offline: simulated provider, no keys.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh
jar="$(scripts/jar.sh)"

data_dir="$(scripts/data-dir.sh)"
if [[ -z "$data_dir" ]]; then
  echo "development data not found: expected ../shared/data beside the clone" >&2
  exit 1
fi

CP="$(scripts/signals-classpath.sh)"
exec "${JAVA_HOME:-/usr}/bin/java" -cp "$CP" -Dlrcp.data.dir="$data_dir" \
  dev.lrcp.routing.RoutingEvaluation "$jar"
