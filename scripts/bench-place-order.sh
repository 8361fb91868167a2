#!/usr/bin/env bash
# The place-order benchmark (a benchmark, not a test): Gatling sends POST /api/trading/place-order through the gateway
# of the platform that ./run-local.sh runs on this machine, after seeding benchmark investors into its PostgreSQL.
#
#   scripts/bench-place-order.sh [open|saturation] [-Dbench.<knob>=<value> ...]
#
#   open        a fixed rate (-Dbench.rate, default 500 orders/s) for -Dbench.duration seconds (default 60), after
#               -Dbench.warmup seconds (default 15) of ramp-up; checks p99 < 30 ms and no failure
#   saturation  -Dbench.concurrency users (default 64) sending back to back: the accepted orders/s is the capacity
#
# Other knobs: -Dbench.investors (default 1000), -Dbench.gatewayUrl (http://localhost:8080),
# -Dbench.jdbcUrl (jdbc:postgresql://127.0.0.1:15432/orders), -Dbench.dbUser, -Dbench.dbPassword.
# Only this machine is ever a target: the simulation refuses any other host.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
}

case "${1:-}" in
  -h | --help | help) usage; exit 0 ;;
esac
shape=open
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  shape=$1
  shift
fi
case "$shape" in
  open | saturation) ;;
  *) echo "Unknown shape '$shape'." >&2; usage; exit 2 ;;
esac

gateway=http://localhost:8080
source scripts/bench-lib.sh
parse_bench_options "$@"
require_loopback_gateway
require_running_platform
source scripts/use-jdk.sh

run_simulation PlaceOrderSimulation "accepted order" 's/^==== all phases: ([0-9]+) orders accepted.*/\1/p' \
  -Dbench.shape="$shape" "$@"
