#!/usr/bin/env bash
# Overhead of the telemetry layer per model call (ns/call), telemetry decorator vs a bare client.
#   bench/telemetry/run.sh            no tracer attached (spans are no-ops; metrics and JSON log real)
#   bench/telemetry/run.sh --agent    with the real dd-java-agent attached (needs `mvn package` first;
#                                     traces go to 127.0.0.1:1, i.e. nowhere)
# Not a test: a number to compare runs on the same machine. Results vary with machine load.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
mvn -B -q -o -DskipFrontend test-compile
cp_file=target/bench-telemetry.classpath
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="target/test-classes:target/classes:$(cat "$cp_file")"
jvm=()
if [ "${1:-}" = "--agent" ]; then
  jvm=(-javaagent:target/agent/dd-java-agent.jar)
  export DD_TRACE_AGENT_URL=http://127.0.0.1:1 DD_LLMOBS_ENABLED=true DD_INSTRUMENTATION_TELEMETRY_ENABLED=false \
    DD_REMOTE_CONFIG_ENABLED=false DD_RUNTIME_METRICS_ENABLED=false DD_TRACE_HEALTH_METRICS_ENABLED=false
fi
exec java "${jvm[@]}" -cp "$cp" dev.lrcp.telemetry.TelemetryOverheadBenchmark
