#!/usr/bin/env bash
# The settlement benchmark (a benchmark, not a test): Gatling places orders through the gateway of the platform that
# ./run-local.sh runs on this machine, at a fixed rate by many investors, and watches each one settle on chain and
# complete. It reports settled orders per second and the accept-to-completed latency (p50, p95, p99).
#
#   scripts/bench-settlement.sh [-Dbench.<knob>=<value> ...]
#
# Knobs: -Dbench.rate (orders/s, default 250), -Dbench.duration (measured seconds, default 30), -Dbench.warmup
# (seconds at the same rate before, not measured, default 10), -Dbench.investors (default 1000),
# -Dbench.settleTimeout (seconds to wait for the last orders, default 120), -Dbench.token (default BLRTECH),
# -Dbench.gatewayUrl, -Dbench.jdbcUrl, -Dbench.kafka (127.0.0.1:9092), -Dbench.rpcUrl (http://127.0.0.1:8545).
# Only this machine is ever a target: the simulation refuses any other host.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
}

gateway=http://localhost:8080
defaults=(-Dbench.rate=250 -Dbench.duration=30 -Dbench.warmup=10)
for arg in "$@"; do
  case "$arg" in
    -h | --help | help) usage; exit 0 ;;
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
# Later -D options win: the command line's override the defaults.
./mvnw -B -ntp -pl load-tests gatling:test -Dgatling.simulationClass=dev.tokenx.loadtests.SettlementSimulation \
  "${defaults[@]}" "$@" | tee "$output"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '^==== ' "$output" || true)
generator_ticks "$output" > "$output.after"
after=$(cpu_snapshot; cat "$output.after")

echo
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews the numbers)"
completed=$(printf '%s\n' "$summary" | sed -nE 's/^==== settled: ([0-9]+) completed.*/\1/p')
report_cpu "$before" "$after" "${completed:-0}" "measured completed order"
printf '%s\n' "$summary"
if grep -q 'found 429' "$output"; then
  echo "Some orders were refused by the gateway's rate limits (429), and every request comes from 127.0.0.1: start the"
  echo "platform with the trading limits raised, e.g. RATE_LIMIT_MODERATE=100000000 RATE_LIMIT_MODERATE_IP=0 ./run-local.sh"
fi
echo "Gatling report: load-tests/target/gatling/ (newest folder, index.html)"
exit "$status"
