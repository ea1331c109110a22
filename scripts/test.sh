#!/usr/bin/env bash
# Runs every test: unit and Spring tests, Vitest, the agent and browser tests against the packaged jar,
# and the PostgreSQL suite. Installs what is missing (Chromium, ChromeDriver, PostgreSQL) and starts
# PostgreSQL on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

pg_url="$(scripts/start-postgres.sh | tail -1)"
# The detector evaluation tests fail, never skip, when the development data is not found.
data_dir="$(scripts/data-dir.sh)"
mvn -B verify -Dlrcp.test.postgres.url="$pg_url" ${data_dir:+-Dlrcp.data.dir="$data_dir"} "$@"
