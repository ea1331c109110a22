#!/usr/bin/env bash
# Starts the control plane with its embedded defaults: simulated provider, H2 database under ./data,
# no keys, no network. Builds the jar first when it is missing or older than the sources.
# Extra arguments go to the service (e.g. --server.port=9090).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

jar="$(scripts/jar.sh)"

agent=()
if [ "${DD_AGENT_ENABLED:-false}" = "true" ]; then
  agent=(-javaagent:target/agent/dd-java-agent.jar)
fi
exec java "${agent[@]}" -jar "$jar" "$@"
