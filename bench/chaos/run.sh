#!/usr/bin/env bash
# The chaos run: upstream faults, dependency faults (Datadog agent and API, PostgreSQL, MiniLM), process faults
# (kill -9, graceful shutdown), bad input on both ports, a soak and a scan for planted secrets, all
# against the packaged jar with dd-java-agent on 127.0.0.1. Prints one row per scenario and writes
# bench/results/<UTC date>-chaos.md. See docs/reliability.md for what the rows mean.
#
#   bench/chaos/run.sh [quick|full]   quick ≈ 15 min (20 calls per fault, 1,000 inputs per endpoint,
#                                     2-min soak); full ≈ 85 min (100 calls, 10,000 inputs, 60-min soak)
#
# PostgreSQL: a private cluster (initdb) on a free port in the run's temporary directory, stopped and
# started by the run; never the shared one. Without PostgreSQL's binaries that scenario is skipped.
# Stops exactly the processes it started (by PID) and removes its temporary directory.
set -euo pipefail
MODE="${1:-quick}"
case "$MODE" in quick|full) ;; *) echo "usage: $0 [quick|full] [--only=step,...]" >&2; exit 2 ;; esac
shift || true
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../../scripts/env.sh"  # JAVA_HOME and ROOT
JAR="$ROOT/target/llm-reliability-control-plane.jar"; AGENT_JAR="$ROOT/target/agent/dd-java-agent.jar"
if [[ ! -f "$JAR" || ! -f "$AGENT_JAR" || -n "$(find "$ROOT/src/main" -newer "$JAR" -print -quit)" ]]; then
  (cd "$ROOT" && mvn -B -q -o -DskipFrontend -DskipTests package)
fi
H2_VERSION="$(unzip -l "$JAR" | grep -o 'h2-[0-9.]*\.jar' | head -1 | sed 's/^h2-//; s/\.jar$//')"
H2_JAR="$HOME/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar"
[[ -f "$H2_JAR" ]] || (cd "$ROOT" && mvn -B -q dependency:get -Dartifact="com.h2database:h2:$H2_VERSION" >/dev/null)
WORK="$(mktemp -d -t lrcp-chaos.XXXXXX)"; chmod 755 "$WORK"
OUT="$HERE/../results/$(date -u +%F)-chaos.md"

PG_ARGS=()
PGBIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)/bin"
as_pg() { if [[ $(id -u) = 0 ]]; then su postgres -c "$*"; else sh -c "$*"; fi; }
cleanup() {
  [[ -f "$WORK/pg/PG_VERSION" ]] && as_pg "$PGBIN/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null 2>&1 || true
  chattr -R -i "$WORK" 2>/dev/null || true  # the H2 scenario's immutable files, if it was cut short
  rm -rf "$WORK"
}
trap cleanup EXIT
if [[ -x "$PGBIN/initdb" ]]; then
  PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  mkdir -p "$WORK/pg"; [[ $(id -u) = 0 ]] && chown postgres "$WORK/pg"
  as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
  PG_START="$PGBIN/pg_ctl -D $WORK/pg -o '-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1' -l $WORK/pg/log -w start"
  PG_STOP="$PGBIN/pg_ctl -D $WORK/pg -m fast -w stop"
  as_pg "$PG_START" >/dev/null
  psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE ROLE lrcp LOGIN PASSWORD 'lrcp'" -c "CREATE DATABASE lrcp OWNER lrcp" >/dev/null
  if [[ $(id -u) = 0 ]]; then PG_START="su postgres -c \"$PG_START\""; PG_STOP="su postgres -c \"$PG_STOP\""; fi
  PG_ARGS=("--pg-url=jdbc:postgresql://127.0.0.1:$PGPORT/lrcp" "--pg-psql=postgresql://lrcp:lrcp@127.0.0.1:$PGPORT/lrcp"
    "--pg-stop=$PG_STOP" "--pg-start=$PG_START")
fi

node "$HERE/chaos.mjs" --mode="$MODE" --work="$WORK" --jar="$JAR" --agent-jar="$AGENT_JAR" \
  --java="$JAVA_HOME/bin/java" --h2-jar="$H2_JAR" --out="$OUT" "${PG_ARGS[@]}" "$@"
