#!/usr/bin/env bash
# Three replicas on one PostgreSQL behind nginx, all on 127.0.0.1 (docs/scaling.md).
#   scripts/run-cluster.sh [args]   starts PostgreSQL (when it is not running), three replicas and
#                                   nginx, prints the URLs and waits; Ctrl-C stops what it started
#   scripts/run-cluster.sh stop     stops what a run started (from another terminal, or after a crash)
# nginx listens on 8180 (main API) and 8181 (data plane); replica i = 1..3 on 8180+2i and 8181+2i.
# Answers through nginx carry X-Upstream-Addr, the replica that served them. The replicas share the
# schema lrcp_cluster of the database that scripts/start-postgres.sh creates; logs, the nginx
# configuration and the list of started processes are in target/cluster. Extra arguments go to
# every replica (e.g. --lrcp.provider=gemini). Installs nginx from Debian's packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
run_dir="$PWD/target/cluster"
started="$run_dir/started" # one line per process this script started: kind and how to stop it
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

stop() {
  # taken first, so a second stop (Ctrl-C and 'stop' at once) finds nothing left to do
  mv "$started" "$started.stopping" 2>/dev/null || return 0
  tac "$started.stopping" | while read -r kind what; do
    case "$kind" in
      nginx) nginx -p "$run_dir" -c nginx.conf -s quit 2>/dev/null || true ;;
      replica)
        kill "$what" 2>/dev/null || continue # graceful shutdown; then at most 30 s
        for _ in $(seq 1 60); do kill -0 "$what" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$what" 2>/dev/null || true ;;
      postgres) $sudo_cmd pg_ctlcluster $what stop ;;
    esac
    echo "stopped $kind $what"
  done
  rm -f "$started.stopping"
}

if [ "${1:-}" = "stop" ]; then
  stop
  exit 0
fi
if [ -f "$started" ]; then
  echo "a cluster started earlier is still listed in $started: run '$0 stop' first" >&2
  exit 1
fi

scripts/setup.sh >/dev/null
if ! command -v nginx >/dev/null; then
  echo "installing nginx" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nginx
fi
source scripts/env.sh
jar=target/llm-reliability-control-plane.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src failure-theater/src -newer "$jar" 2>/dev/null | head -1)" ]; then
  mvn -B -q -DskipTests package
fi

service_command  # the service's JVM options and start-up form, as scripts/run.sh starts it
mkdir -p "$run_dir/tmp"
trap stop EXIT
trap 'exit 130' INT TERM

pg_online() { pg_lsclusters -h 2>/dev/null | awk '$4 == "online"' | grep -q .; }
pg_was_online=false
if pg_online; then pg_was_online=true; fi
pg_url="$(scripts/start-postgres.sh | tail -1)"
if [ "$pg_was_online" = false ]; then
  echo "postgres $(pg_lsclusters -h | awk '$4 == "online" {print $1, $2; exit}')" >>"$started"
fi

start_replica() {
  local i="$1" port=$((8180 + 2 * $1)) data=$((8181 + 2 * $1))
  SPRING_DATASOURCE_URL="$pg_url&currentSchema=lrcp_cluster" SPRING_FLYWAY_SCHEMAS=lrcp_cluster \
    SPRING_DATASOURCE_USERNAME=lrcp SPRING_DATASOURCE_PASSWORD=lrcp \
    "${SERVICE_COMMAND[@]}" --server.port="$port" --lrcp.gateway.port="$data" \
    --lrcp.storage.directory="$run_dir/replica-$i" --spring.application.name="lrcp-replica-$i" \
    "${@:2}" >"$run_dir/replica-$i.log" 2>&1 &
  echo "replica $!" >>"$started"
}

await_ready() {
  local port=$((8180 + 2 * $1))
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && return 0
    sleep 0.5
  done
  echo "replica $1 not ready after 120 s; see $run_dir/replica-$1.log" >&2
  exit 1
}

# The first replica migrates the schema alone; the other two then start side by side.
start_replica 1 "$@"
await_ready 1
start_replica 2 "$@"
start_replica 3 "$@"
await_ready 2
await_ready 3

upstream() {
  for i in 1 2 3; do echo "    server 127.0.0.1:$(($1 + 2 * i));"; done
}
server() {
  cat <<EOF
  server {
    listen 127.0.0.1:$1;
    location / {
      proxy_pass http://$2;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_buffering off;
      proxy_read_timeout 300s;
      add_header X-Upstream-Addr \$upstream_addr always;
    }
  }
EOF
}
{
  [ "$(id -u)" -ne 0 ] || echo "user root;"
  cat <<EOF
worker_processes 1;
pid $run_dir/nginx.pid;
error_log $run_dir/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log $run_dir/nginx-access.log;
  client_body_temp_path $run_dir/tmp;
  proxy_temp_path $run_dir/tmp;
  fastcgi_temp_path $run_dir/tmp;
  uwsgi_temp_path $run_dir/tmp;
  scgi_temp_path $run_dir/tmp;
  upstream lrcp_main {
$(upstream 8180)
    keepalive 64;
  }
  upstream lrcp_data {
$(upstream 8181)
    keepalive 64;
  }
$(server 8180 lrcp_main)
$(server 8181 lrcp_data)
}
EOF
} >"$run_dir/nginx.conf"
nginx -p "$run_dir" -c nginx.conf
echo "nginx $(cat "$run_dir/nginx.pid")" >>"$started"

cat <<EOF
cluster ready:
  main API    http://127.0.0.1:8180   (e.g. POST /qa, GET /cluster: which replica runs the cluster jobs)
  data plane  http://127.0.0.1:8181   (POST /v1/chat/completions)
  replicas    http://127.0.0.1:8182, :8184, :8186 (data planes :8183, :8185, :8187)
  logs        $run_dir
Ctrl-C (or '$0 stop') stops them.
EOF
wait
