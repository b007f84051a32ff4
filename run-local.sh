#!/usr/bin/env sh
# Runs the whole system locally with only a JDK 17: DynamoDB Local, tables, demo stock, processor on 8001 and
# gateway on 8000. `./run-local.sh --monolith` runs the gateway alone with the inventory in-process.
set -e
cd "$(dirname "$0")"
./mvnw -q -B install -DskipTests
exec ./mvnw -q -B -pl local-run exec:java -Dorderflow.root="$(pwd)" -Dexec.args="$*"
