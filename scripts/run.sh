#!/usr/bin/env bash
# Starts the control plane with its embedded defaults: simulated provider, H2 database under ./data,
# no keys, no network. Builds the jar first when it is missing or older than the sources; the build
# also extracts it and trains the JDK's AOT cache, which this command then uses (docs/adr/0015). A
# jar built without them (scripts/test.sh skips the training) gets them here, once.
# Extra arguments go to the service (e.g. --server.port=9090).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/env.sh
if jar_stale; then
  scripts/setup.sh
  mvn -B -q -DskipTests package
elif aot_stale; then
  java scripts/AotTraining.java target/llm-reliability-control-plane.jar target/aot
fi

if [ "${DD_AGENT_ENABLED:-false}" = "true" ]; then
  service_command --agent
else
  service_command
fi
exec "${SERVICE_COMMAND[@]}" "$@"
