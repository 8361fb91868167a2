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
for arg in "$@"; do
  case "$arg" in
    -Dbench.gatewayUrl=*) gateway=${arg#*=} ;;
    -D*) ;;
    *) echo "Unexpected argument '$arg': pass options as -Dname=value." >&2; usage; exit 2 ;;
  esac
done

source scripts/bench-lib.sh
require_loopback_gateway
require_running_platform
source scripts/use-jdk.sh

echo "Machine: $(nproc) CPUs; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
output=$(mktemp)
trap 'rm -f "$output" "$output.before" "$output.after"' EXIT
generator_ticks "$output" > "$output.before"
before=$(cpu_snapshot; cat "$output.before")
set +e
./mvnw -B -ntp -pl load-tests gatling:test -Dgatling.simulationClass=dev.tokenx.loadtests.PlaceOrderSimulation \
  -Dbench.shape="$shape" "$@" | tee "$output"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '^==== ' "$output" || true)
generator_ticks "$output" > "$output.after"
after=$(cpu_snapshot; cat "$output.after")

echo
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews the numbers)"
orders=$(printf '%s\n' "$summary" | sed -nE 's/^==== all phases: ([0-9]+) orders accepted.*/\1/p')
report_cpu "$before" "$after" "${orders:-0}" "accepted order"
printf '%s\n' "$summary"
if grep -q 'found 429' "$output"; then
  echo "Some orders were refused by the gateway's rate limits (429), and every request comes from 127.0.0.1: start the"
  echo "platform with the trading limits raised, e.g. RATE_LIMIT_MODERATE=100000000 RATE_LIMIT_MODERATE_IP=0 ./run-local.sh"
fi
echo "Gatling report: load-tests/target/gatling/ (newest folder, index.html)"
exit "$status"
