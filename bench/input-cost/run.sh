#!/usr/bin/env bash
# CPU cost of one hostile request: a chat message made of a single 100 KB or 0.9 MB word (letters
# only, and letters joined by hyphens), on the main port and on the data plane, plus the largest
# /security/scan text. Starts the packaged jar
# on free loopback ports with a temporary storage directory, sends each body a few times, and
# prints the service's CPU time per request (user + system, read from /proc), counted until the
# process is quiet again so background answer scoring is included. Stops only what it started.
# Usage: bench/input-cost/run.sh [repeats=3]
#   JAR=... measures another build; UNITS="a a-" and SIZES="100000 900000" choose the bodies.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
repeats="${1:-3}"
jar="${JAR:-target/llm-reliability-control-plane.jar}"
[ -f "$jar" ] || mvn -B -q -DskipFrontend -DskipTests package
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
main="$(free_port)"
plane="$(free_port)"
java -Xmx512m -jar "$jar" --server.address=127.0.0.1 --server.port="$main" \
  --lrcp.gateway.address=127.0.0.1 --lrcp.gateway.port="$plane" \
  --lrcp.storage.directory="$work/data" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "localhost:$main/health" && break
  sleep 0.5
done
ticks_per_s="$(getconf CLK_TCK)"
cpu_ms() { awk -v hz="$ticks_per_s" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat"; }
# Waits until the service used less than 20 ms of CPU over half a second (at most 120 s).
quiet() {
  local deadline=$((SECONDS + 120)) before
  before="$(cpu_ms)"
  while [ $SECONDS -lt $deadline ]; do
    sleep 0.5
    local now
    now="$(cpu_ms)"
    [ $((now - before)) -lt 20 ] && return 0
    before="$now"
  done
}
body() { # $1 = kind (chat|scan), $2 = word length in bytes, $3 = the unit the word repeats
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
kind, n, unit = sys.argv[1], int(sys.argv[2]), sys.argv[3]
word = (unit * (n // len(unit) + 1))[:n]
if kind == "chat":
    print(json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": word}]}))
else:
    print(json.dumps({"text": word, "source": "prompt"}))
PY
}
measure() { # $1 = label, $2 = url, $3 = kind, $4 = bytes, $5 = unit
  body "$3" "$4" "$5" >"$work/body.json"
  # one unmeasured call first, so class loading and JIT of this path are not counted
  curl -s -o /dev/null "$2" -H 'Content-Type: application/json' --data-binary @"$work/body.json"
  quiet
  local total=0 status=""
  for _ in $(seq 1 "$repeats"); do
    local start end
    start="$(cpu_ms)"
    status="$(curl -s -o /dev/null -w '%{http_code}' "$2" -H 'Content-Type: application/json' \
      --data-binary @"$work/body.json")"
    quiet
    end="$(cpu_ms)"
    total=$((total + end - start))
  done
  printf '%-34s %-5s %7s %6s %10d\n' "$1" "$5" "$(($4 / 1000)) KB" "$status" $((total / repeats))
}
printf '%-34s %-5s %7s %6s %10s\n' "request" "word" "size" "status" "CPU ms"
for unit in ${UNITS:-a a-}; do
  for size in ${SIZES:-100000 900000}; do
    measure "POST /v1/chat/completions (main)" "localhost:$main/v1/chat/completions" chat "$size" "$unit"
    measure "POST /v1/chat/completions (data)" "localhost:$plane/v1/chat/completions" chat "$size" "$unit"
  done
  measure "POST /security/scan" "localhost:$main/security/scan" scan 100000 "$unit"
done
