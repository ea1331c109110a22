#!/usr/bin/env bash
# Runs every test: unit and Spring tests, Vitest, the agent and browser tests against the packaged jar,
# and the PostgreSQL suite. Installs what is missing (Chromium, ChromeDriver, PostgreSQL) and starts
# PostgreSQL on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

pg_url="$(scripts/start-postgres.sh | tail -1)"
mvn -B verify -Dlrcp.test.postgres.url="$pg_url" "$@"
