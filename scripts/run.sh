#!/usr/bin/env bash
# Starts the control plane with its embedded defaults: simulated provider, H2 database under ./data,
# no keys, no network. Builds the jar first when it is missing or older than the sources; the build
# also extracts it and trains the JDK's AOT cache, which this command then uses (docs/adr/0015).
# Extra arguments go to the service (e.g. --server.port=9090).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/llm-reliability-control-plane.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src failure-theater/src failure-theater/package.json -newer "$jar" 2>/dev/null | head -1)" ]; then
  scripts/setup.sh
  source scripts/env.sh
  mvn -B -q -DskipTests package
fi
source scripts/env.sh

if [ "${DD_AGENT_ENABLED:-false}" = "true" ]; then
  service_command --agent
else
  service_command
fi
exec "${SERVICE_COMMAND[@]}" "$@"
