#!/usr/bin/env bash
# What one view across replicas costs and gives, on a cluster that scripts/run-cluster.sh started (run
# it first, in another terminal). Under load (wrk through nginx's data plane, 64 connections, 30 s)
# it runs, once a second, the query each replica runs once a second to follow call_record
# (storage.CallRecordTail: rows written since the previous read's transaction horizon), and prints
# the rows per read and PostgreSQL's execution time of that query; then the health score each replica
# gives, read at the same moment. Needs wrk (installed from Debian's packages if missing).
#   bench/cluster/view.sh [schema]   the cluster's schema, lrcp_cluster unless run-cluster.sh was given
#                                    another (--spring.datasource.url=...currentSchema=...)
set -euo pipefail
schema="${1:-lrcp_cluster}"
cd "$(dirname "$0")/../.."
started=target/cluster/started
[ -f "$started" ] || { echo "no cluster running: start scripts/run-cluster.sh first" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
sql() { PGPASSWORD=lrcp psql -h 127.0.0.1 -U lrcp -d lrcp -qtA -c "SET search_path = $schema; $1"; }

body="$(mktemp)"
echo '{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Say hello"}]}' >"$body"
WRK_BODY_FILE="$body" wrk -t2 -c64 -d30s -s bench/chat.lua http://127.0.0.1:8181/v1/chat/completions \
  >target/cluster/wrk-view.txt &
wrk_pid=$!
sleep 5 # past wrk's ramp-up
out=target/cluster/tail-reads.txt
: >"$out"
horizon="$(sql "SELECT pg_snapshot_xmin(pg_current_snapshot())")"
for _ in $(seq 1 20); do
  sleep 1
  next="$(sql "SELECT pg_snapshot_xmin(pg_current_snapshot())")"
  floor=$(( ($(date +%s) - 35 * 60) * 1000 ))
  plan="$(sql "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM call_record
       WHERE at_ms >= $floor AND written_xid >= '$horizon'::xid8 ORDER BY at_ms" | tr -d '\n ')"
  rows="$(grep -o '"ActualRows":[0-9]*' <<<"$plan" | head -1 | cut -d: -f2)"
  ms="$(grep -o '"ExecutionTime":[0-9.]*' <<<"$plan" | cut -d: -f2)"
  echo "$rows $ms" >>"$out"
  horizon="$next"
done
wait "$wrk_pid"
grep -E "Requests/sec" target/cluster/wrk-view.txt | sed 's/^/  /'
n=$(wc -l <"$out")
printf "  tail reads: %d, %.0f rows per read, execution time median %s ms, max %s ms\n" "$n" \
  "$(awk '{ r += $1 } END { print r / NR }' "$out")" \
  "$(cut -d' ' -f2 "$out" | sort -g | sed -n "$(( (n + 1) / 2 ))p")" "$(cut -d' ' -f2 "$out" | sort -g | tail -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

sleep 2 # the last calls reach every replica's window
printf "health score (5 m window) per replica:"
for port in 8182 8184 8186; do
  curl -s "http://127.0.0.1:$port/insights/health-score" | grep -o '"health_score":[0-9.]*' |
    cut -d: -f2 | tr '\n' ' '
done
echo
