#!/usr/bin/env bash
# Installs (if missing) and starts Debian's PostgreSQL on 127.0.0.1:5432, creates role and database
# "lrcp" (password "lrcp") if absent, and prints the JDBC URL on the last line. Idempotent.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "installing postgresql" >&2
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  $SUDO pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  $SUDO pg_ctlcluster "$version" main start >&2
fi

port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
psql_as_postgres() { $SUDO -u postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  psql_as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $(printf '%q ' "$@")"; }
fi

for _ in $(seq 1 30); do
  if psql_as_postgres -c "SELECT 1" >/dev/null 2>&1; then break; fi
  sleep 1
done

if [ "$(psql_as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'lrcp'")" != "1" ]; then
  psql_as_postgres -c "CREATE ROLE lrcp LOGIN PASSWORD 'lrcp'" >&2
fi
if [ "$(psql_as_postgres -c "SELECT 1 FROM pg_database WHERE datname = 'lrcp'")" != "1" ]; then
  psql_as_postgres -c "CREATE DATABASE lrcp OWNER lrcp" >&2
fi

echo "jdbc:postgresql://127.0.0.1:${port}/lrcp?user=lrcp&password=lrcp"
