#!/usr/bin/env bash
# The settlement benchmark (a benchmark, not a test): Gatling places orders through the gateway of the platform that
# ./run-local.sh runs on this machine, at a fixed rate by many investors, and watches each one settle on chain and
# complete. It reports settled orders per second and the accept-to-completed latency (p50, p95, p99).
#
#   scripts/bench-settlement.sh [-Dbench.<knob>=<value> ...]
#
# Knobs: -Dbench.rate (orders/s, default 30), -Dbench.duration (measured seconds, default 30), -Dbench.warmup
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
case "${1:-}" in
  -h | --help | help) usage; exit 0 ;;
esac
source scripts/bench-lib.sh
parse_bench_options "$@"
require_loopback_gateway
require_running_platform
source scripts/use-jdk.sh

# Later -D options win: the command line's override these defaults.
run_simulation SettlementSimulation "measured completed order" 's/^==== settled: ([0-9]+) completed.*/\1/p' \
  -Dbench.rate=30 -Dbench.duration=30 -Dbench.warmup=10 "$@"
