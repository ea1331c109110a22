#!/usr/bin/env bash
# Drives realistic load at a running service with the traffic generator
# (traffic-generator/TrafficGenerator.java, a single source file run by the JDK), using a JDK 21 or
# newer found as the other scripts find one. Arguments go to the generator, e.g.
#   scripts/traffic.sh --scenario all --duration 10 --rate 4
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec java "$ROOT/traffic-generator/TrafficGenerator.java" "$@"
