#!/usr/bin/env bash
# Prints the development data folder (shared/data), or nothing. It is not in the repository (part of
# it is CC BY-SA): it sits beside the clone, or beside the repository a local clone was made from (a
# fresh clone in a temp directory).
cd "$(dirname "$0")/.."
for base in .. "$(git config --get remote.origin.url 2>/dev/null || true)/.."; do
  if [[ -d "$base/shared/data" ]]; then (cd "$base/shared/data" && pwd); exit 0; fi
done
