#!/usr/bin/env bash
# Place-order, the platform beside the reference (a benchmark, not a test): seeds the benchmark investors into the
# running local platform, writes their tokens, and runs ../shared/bench/side-by-side.sh (one wrk script for both, in
# one run). Prints both results, the ratio, the CPU of every process during the platform's run and the CPU ms per
# accepted order; keeps the run's numbers in load-tests/results/<time>-side-by-side.json.
#
#   scripts/bench-side-by-side.sh [--placement-alone] [seconds=30] [connections=64] [warm-up runs of 20 s=3]
#
# --placement-alone pauses (SIGSTOP) blockchain-, notification-, realtime- and cache-service for the platform's run,
# as the reference does no settlement (they stay paused during the reference's run too, so that their catching up
# takes nothing from it), then resumes them and waits until every order has left ACCEPTED: the flow catching up.
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
# As order-service's own role, with the password the launcher generated into its data folder.
psql_orders() {
  local credentials="${TOKENX_DATA_DIR:-.local-platform}/credentials.properties"
  PGPASSWORD=$(sed -n 's/^postgres\.order_service=//p' "$credentials") \
    psql -h 127.0.0.1 -p "${POSTGRES_PORT:-15432}" -U order_service -d orders -tAc "$1"
}
shared=${BENCH_SHARED:-../shared/bench}
alone=
if [ "${1:-}" = --placement-alone ]; then alone=1; shift; fi
secs=${1:-30}; conns=${2:-64}; warm=${3:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

./mvnw -B -q -ntp -pl load-tests test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null
java -cp "load-tests/target/test-classes:$(cat "$work/cp")" -Dbench.investors="${BENCH_INVESTORS:-1000}" \
  dev.tokenx.loadtests.BenchTokensFile "$work/tokens"

paused=()
if [ -n "$alone" ]; then
  for port in "${BLOCKCHAIN_SERVICE_PORT:-8082}" "${NOTIFICATION_SERVICE_PORT:-8083}" "${REALTIME_SERVER_PORT:-8084}" \
      "${CACHE_SERVICE_PORT:-8085}"; do
    pid=$(pid_on_port "$port"); [ -n "$pid" ] && paused+=("$pid")
  done
  kill -STOP "${paused[@]}"
  trap 'kill -CONT "${paused[@]}" 2>/dev/null; rm -rf "$work"' EXIT
  echo "Paused for the platform's run: ${#paused[@]} processes (pids ${paused[*]})"
fi
"$shared/side-by-side.sh" "$work/tokens" "$gateway/api/trading/place-order" "$secs" "$conns" "$warm" | tee "$work/out"
if [ -n "$alone" ]; then
  kill -CONT "${paused[@]}" 2>/dev/null || true
  echo "Flow resumed; waiting for it to catch up (orders still ACCEPTED):"
  started=$(date +%s)
  while :; do
    left=$(psql_orders "SELECT count(*) FROM orders WHERE status = 'ACCEPTED'")
    echo "  $(( $(date +%s) - started )) s: $left"
    [ "$left" = 0 ] && break
    [ $(( $(date +%s) - started )) -gt 600 ] && { echo "  not caught up after 600 s"; break; }
    sleep 5
  done
fi
mkdir -p load-tests/results
python3 scripts/bench-results.py "$work/out" "$secs" "$conns" "$(git rev-parse --short HEAD)$(git diff --quiet || echo +)" \
  "${alone:+placement alone (blockchain, notification, realtime, cache paused)}" > "load-tests/results/$(date -u +%Y%m%dT%H%M%SZ)-side-by-side.json"
