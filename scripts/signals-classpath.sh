#!/usr/bin/env bash
# Compiles main and test classes and prints a class path for running the signal tools with java.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mvn -B -o -q -DskipFrontend -Dspotless.check.skip test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/signals.classpath -Dmdep.includeScope=test >&2
echo "target/classes:target/test-classes:$(cat target/signals.classpath)"
