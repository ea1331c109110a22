#!/usr/bin/env bash
# Installs what this project needs and a fresh machine may lack. Idempotent: installs only what is missing.
#   scripts/setup.sh          build tools (Maven, Node.js/npm)
#   scripts/setup.sh --test   plus what the tests use: Chromium + ChromeDriver, PostgreSQL
set -euo pipefail

need=()
command -v mvn >/dev/null || need+=(maven)
command -v npm >/dev/null || need+=(nodejs npm)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core) # readable screenshots
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

source "$(dirname "$0")/env.sh"
echo "JDK: $JAVA_HOME; Maven: $(mvn -v 2>/dev/null | head -1); Node: $(node --version)"
