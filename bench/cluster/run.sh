#!/usr/bin/env bash
# Figures of a cluster that scripts/run-cluster.sh started (run it first, in another terminal):
# resident memory of each replica idle and under load (wrk through nginx's data plane, 30 s, 64
# connections), then the lease hand-over: kill -9 the holder and time until another replica says it
# holds the lease, twice (leaving one replica). Needs wrk (installed from Debian's packages if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=target/cluster/started
[ -f "$started" ] || { echo "no cluster running: start scripts/run-cluster.sh first" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

rss() {
  awk '$1 == "replica" {print $2}' "$started" | while read -r pid; do
    kill -0 "$pid" 2>/dev/null && echo "  pid $pid: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
  done
}
echo "idle RSS:"; rss
body="$(mktemp)"
echo '{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Say hello"}]}' >"$body"
WRK_BODY_FILE="$body" wrk -t2 -c64 -d30s -s bench/chat.lua http://127.0.0.1:8181/v1/chat/completions \
  >target/cluster/wrk.txt &
wrk_pid=$!
sleep 25
echo "RSS under load:"; rss
wait "$wrk_pid"
grep -E "Requests/sec|Non-2xx|Socket" target/cluster/wrk.txt | sed 's/^/  /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

holds() { curl -s -m 1 "http://127.0.0.1:$1/cluster" | grep -q '"held":true'; }
successor() {
  for p in "${ports[@]}"; do [ "$p" != "$holder" ] && holds "$p" && return 0; done
  return 1
}
for _ in 1 2; do
  ports=()
  for p in 8182 8184 8186; do curl -s -m 1 -o /dev/null "http://127.0.0.1:$p/cluster" && ports+=("$p"); done
  holder=""
  for p in "${ports[@]}"; do holds "$p" && holder=$p; done
  pid=$(ss -ltnpH "sport = :$holder" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  start=$(date +%s%N)
  kill -9 "$pid"
  until successor; do sleep 0.05; done
  echo "hand-over: holder :$holder killed (-9); another replica held the lease $(( ($(date +%s%N) - start) / 1000000 )) ms later"
done
