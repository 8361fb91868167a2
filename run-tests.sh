#!/usr/bin/env bash
# Runs every test of every module on real infrastructure started by the tests themselves (see test-kit).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/use-jdk.sh
source scripts/npm-tools.sh
exec ./mvnw -B -ntp verify "$@"
