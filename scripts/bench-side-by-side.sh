#!/usr/bin/env bash
# Place-order, the platform beside the reference (a benchmark, not a test): seeds the benchmark investors into the
# running local platform, writes their tokens, and runs ../shared/bench/side-by-side.sh (one wrk script for both, in
# one run). Prints both results, the ratio, the CPU of every process during the platform's run and the CPU ms per
# accepted order; keeps the run's numbers in load-tests/results/<time>-side-by-side.json.
#
#   scripts/bench-side-by-side.sh [seconds=30] [connections=64] [warm-up runs of 20 s=3]
#
# Start the platform first with the trading limits lifted:
#   RATE_LIMIT_MODERATE=100000000 RATE_LIMIT_MODERATE_IP=0 ./run-local.sh
# Environment: BENCH_SHARED (default ../shared/bench), BENCH_INVESTORS (1000), GATEWAY_PORT (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-jdk.sh
gateway="http://localhost:${GATEWAY_PORT:-8080}"
source scripts/bench-lib.sh
require_running_platform
shared=${BENCH_SHARED:-../shared/bench}
secs=${1:-30}; conns=${2:-64}; warm=${3:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

./mvnw -B -q -ntp -pl load-tests test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null
java -cp "load-tests/target/test-classes:$(cat "$work/cp")" -Dbench.investors="${BENCH_INVESTORS:-1000}" \
  dev.tokenx.loadtests.BenchTokensFile "$work/tokens"

"$shared/side-by-side.sh" "$work/tokens" "$gateway/api/trading/place-order" "$secs" "$conns" "$warm" | tee "$work/out"
mkdir -p load-tests/results
python3 scripts/bench-results.py "$work/out" "$secs" "$conns" "$(git rev-parse --short HEAD)$(git diff --quiet || echo +)" \
  > "load-tests/results/$(date -u +%Y%m%dT%H%M%SZ)-side-by-side.json"
