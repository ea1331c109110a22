#!/usr/bin/env bash
# Retrains src/main/resources/security/injection-model.bin.gz from ../shared/data (deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."
CP="$(scripts/signals-classpath.sh)"
exec "${JAVA_HOME:-/usr}/bin/java" -cp "$CP" dev.lrcp.security.InjectionModelTraining "$@"
