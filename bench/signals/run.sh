#!/usr/bin/env bash
# Scoring cost: grounding on a ~1,000-char document and scanning a ~500-char prompt (p50/p95 after warm-up).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
CP="$(scripts/signals-classpath.sh)"
java -cp "$CP" dev.lrcp.security.ScanBenchmark
java --enable-native-access=ALL-UNNAMED -DOPT_OUT_TRACKING=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.lrcp.quality.GroundingBenchmark
