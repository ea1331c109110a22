#!/usr/bin/env bash
# Storage write throughput: queue N call records, let the batched writer drain them, print records/s
# on an H2 file and (when a URL is given or scripts/start-postgres.sh works) on PostgreSQL.
# Usage: bench/storage/run.sh [records=200000] [postgres-jdbc-url]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
n="${1:-200000}"
pg="${2:-}"
if [ -z "$pg" ] && [ -x scripts/start-postgres.sh ]; then
  pg="$(scripts/start-postgres.sh 2>/dev/null | tail -1 || true)"
fi
mvn -B -q -o -DskipFrontend -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.lrcp.storage.StorageWriteBenchmark "$n" "$pg"
