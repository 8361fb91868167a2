#!/usr/bin/env bash
# Runs the whole platform locally on real infrastructure, without Docker: Kafka (KRaft), PostgreSQL, Redis, an anvil
# chain, demo data and every service. Ctrl-C stops it all; data stays in .local-platform/ (--clean starts afresh).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/use-jdk.sh
source scripts/npm-tools.sh
./mvnw -B -q -ntp install -DskipTests
exec java -cp "local-platform/target/local-platform.jar:local-platform/target/lib/*" dev.tokenx.platform.LocalPlatform "$@"
