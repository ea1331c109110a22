#!/usr/bin/env bash
# Builds the service jar when it is missing or older than the sources, and prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
jar=target/llm-reliability-control-plane.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src failure-theater/src failure-theater/package.json -newer "$jar" 2>/dev/null | head -1)" ]; then
  mvn -B -q -DskipTests package >&2
fi
echo "$jar"
