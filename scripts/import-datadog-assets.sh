#!/usr/bin/env bash
# Imports (creates or updates) the Datadog assets under datadog/ into your organisation.
#   DD_API_KEY=... DD_APP_KEY=... DD_SITE=datadoghq.eu scripts/import-datadog-assets.sh [--dry-run] [--only monitors,dashboards]
# Arguments are passed to `datadog import` (see datadog/README.md). Builds the jar when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
JAR=target/llm-reliability-control-plane.jar
if [[ ! -f "$JAR" ]]; then
  echo "building $JAR ..." >&2
  mvn -B -q -DskipTests -DskipFrontend package
fi
exec java -jar "$JAR" datadog import --assets datadog "$@"
