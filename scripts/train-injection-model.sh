#!/usr/bin/env bash
# Retrains src/main/resources/security/injection-model.bin.gz from ../shared/data (deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
CP="$(scripts/signals-classpath.sh)"
exec java -cp "$CP" dev.lrcp.security.InjectionModelTraining "$@"
