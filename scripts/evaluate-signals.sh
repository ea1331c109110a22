#!/usr/bin/env bash
# Prints the detector figures on the development data (cross-validated; see docs/signals.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
CP="$(scripts/signals-classpath.sh)"
java -cp "$CP" dev.lrcp.security.InjectionEvaluation
java --enable-native-access=ALL-UNNAMED -DOPT_OUT_TRACKING=true -cp "$CP" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.lrcp.quality.GroundingEvaluation
