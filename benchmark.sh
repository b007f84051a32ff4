#!/usr/bin/env sh
# The benchmark: DynamoDB Local, both modes of the services and wrk load in one run (about 4 minutes); writes
# docs/performance.md and docs/performance/*.png. Needs wrk (Debian: apt-get install -y wrk).
set -e
cd "$(dirname "$0")"
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq wrk
  else
    echo "wrk is needed: sudo apt-get install -y wrk" >&2
    exit 1
  fi
fi
./mvnw -q -B install -DskipTests
exec ./mvnw -q -B -pl benchmark exec:java -Dorderflow.root="$(pwd)" "$@"
