#!/usr/bin/env bash
# Prints the figures of docs/insights.md through the packaged service's evaluation APIs: NAB dev
# scores of POST /insights/anomalies, rolling-origin forecasts of POST /insights/forecast, and
# drift warnings of POST /quality/drift. Builds the jar when it is missing or older than the
# sources, starts it on a free loopback port with a temporary storage directory, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

data_dir="${LRCP_DATA_DIR:-}"
if [[ -z "$data_dir" ]]; then
  for base in .. "$(git config --get remote.origin.url 2>/dev/null || true)/.."; do
    if [[ -d "$base/shared/data/nab-dev" ]]; then data_dir="$(cd "$base/shared/data" && pwd)"; break; fi
  done
fi
nabscore="$(cd "$data_dir/.." && pwd)/tools/nabscore.py"
if [[ ! -d "$data_dir/nab-dev" || ! -f "$nabscore" ]]; then
  echo "error: need shared/data/nab-dev and shared/tools/nabscore.py beside the clone (or LRCP_DATA_DIR)" >&2
  exit 1
fi

jar=target/llm-reliability-control-plane.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" 2>/dev/null | head -1)" ]; then
  mvn -B -q -DskipTests package
fi

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
LRCP_STORAGE_DIRECTORY="$work/storage" LRCP_GATEWAY_PORT=-1 \
  java --enable-native-access=ALL-UNNAMED -DOPT_OUT_TRACKING=true -jar "$jar" \
  --server.port="$port" --server.address=127.0.0.1 >"$work/service.log" 2>&1 &
service=$!
# a stopped JVM exits with 143; under set -e that must not become the script's status
trap 'status=$?; kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT

python3 - "$port" "$service" <<'PY'
import os, sys, time, urllib.request
port, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 180
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("error: the service exited during start-up")
    try:
        with urllib.request.urlopen("http://127.0.0.1:%s/health" % port, timeout=2):
            sys.exit(0)
    except OSError:
        time.sleep(0.5)
sys.exit("error: the service did not answer within 180 s")
PY

python3 scripts/evaluate_insights.py "http://127.0.0.1:$port" "$data_dir" "$nabscore" "$work"
