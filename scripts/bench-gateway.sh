#!/usr/bin/env bash
# The gateway benchmark (a benchmark, not a test): what the edge costs. It starts the local platform itself, twice
# (a fresh data folder each time), and sends one authenticated read, GET /api/accounts/me, with Gatling
# (load-tests: EdgeSimulation):
#
#   1. rate limiter on (limits raised out of reach): straight to order-service, then through the gateway;
#   2. rate limiter off (RATE_LIMIT_ENABLED=false): through the gateway.
#
# Each target gets a saturation run (BENCH_CONCURRENCY users back to back: the throughput) and an open run at
# BENCH_RATE requests/s (the latency at a load every configuration carries). The comparison at the end: gateway
# throughput as a share of direct, added latency (gateway minus direct), and the limiter's cost (on minus off).
#
#   scripts/bench-gateway.sh            # BENCH_CONCURRENCY=32 BENCH_RATE=150 BENCH_DURATION=30 BENCH_WARMUP=15
#
# Stop any ./run-local.sh first: this script needs the platform's ports.
set -euo pipefail
cd "$(dirname "$0")/.."

concurrency=${BENCH_CONCURRENCY:-32}
rate=${BENCH_RATE:-150}
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-15}
gateway=http://localhost:${GATEWAY_PORT:-8080}
direct=http://localhost:${ORDER_SERVICE_PORT:-8081}

source scripts/bench-lib.sh
require_loopback_gateway
if curl -fsS -m 2 -o /dev/null "$gateway/actuator/health" 2>/dev/null; then
  echo "A platform already answers on $gateway: stop it (Ctrl-C in its terminal); this benchmark starts its own." >&2
  exit 1
fi
source scripts/use-jdk.sh

results=$(mktemp)
platform_log=$(mktemp)
data_dir=""
platform_pid=""

stop_platform() {
  if [ -n "$platform_pid" ]; then
    kill -TERM -- "-$platform_pid" 2> /dev/null || true
    wait "$platform_pid" 2> /dev/null || true
    platform_pid=""
  fi
  if [ -n "$data_dir" ]; then
    rm -rf "$data_dir"
    data_dir=""
  fi
}
trap 'stop_platform; rm -f "$results" "$platform_log"' EXIT

# $1: extra environment (NAME=value ...) for the platform.
start_platform() {
  data_dir=$(mktemp -d)
  echo "Starting the platform ($*), logs in $data_dir/logs ..."
  setsid env TOKENX_DATA_DIR="$data_dir" RATE_LIMIT_MODERATE=100000000 RATE_LIMIT_MODERATE_IP=0 "$@" \
    ./run-local.sh > "$platform_log" 2>&1 &
  platform_pid=$!
  for _ in $(seq 1 120); do
    if grep -q "platform is up" "$platform_log"; then
      return 0
    fi
    if ! kill -0 "$platform_pid" 2> /dev/null; then
      break
    fi
    sleep 5
  done
  echo "The platform did not come up; its output:" >&2
  tail -40 "$platform_log" >&2
  exit 1
}

# $1: label, $2: URL, $3: shape
run() {
  ./mvnw -B -ntp -pl load-tests gatling:test -Dgatling.simulationClass=dev.tokenx.loadtests.EdgeSimulation \
    -Dbench.label="$1" -Dbench.gatewayUrl="$2" -Dbench.shape="$3" -Dbench.rate="$rate" \
    -Dbench.concurrency="$concurrency" -Dbench.duration="$duration" -Dbench.warmup="$warmup" \
    | grep -E '^==== edge ' | tee -a "$results"
}

echo "Machine: $(nproc) CPUs; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
start_platform RATE_LIMIT_ENABLED=true
for shape in saturation open; do
  run direct "$direct" "$shape"
  run gateway-limiter-on "$gateway" "$shape"
done
stop_platform
start_platform RATE_LIMIT_ENABLED=false
for shape in saturation open; do
  run gateway-limiter-off "$gateway" "$shape"
done
stop_platform
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

# ==== edge <label> <shape>: <ok> ok, <failed> failed, <x> requests/s, p50 <a> ms, p95 <b> ms, p99 <c> ms, max <d> ms
awk -v concurrency="$concurrency" -v rate="$rate" '
  {
    key = $3 " " substr($4, 1, length($4) - 1)
    ok[key] = $5; failed[key] = $7; rps[key] = $9; p50[key] = $12; p95[key] = $15; p99[key] = $18
  }
  END {
    printf "\n%-22s %-10s %10s %8s %8s %8s %8s\n", "target", "shape", "req/s", "p50 ms", "p95 ms", "p99 ms", "failed"
    n = split("direct gateway-limiter-off gateway-limiter-on", targets, " ")
    for (s = 1; s <= 2; s++) {
      shape = s == 1 ? "saturation" : "open"
      for (t = 1; t <= n; t++) {
        key = targets[t] " " shape
        printf "%-22s %-10s %10s %8s %8s %8s %8s\n", targets[t], shape, rps[key], p50[key], p95[key], p99[key], failed[key]
      }
    }
    d = "direct saturation"; off = "gateway-limiter-off saturation"; on = "gateway-limiter-on saturation"
    printf "\nthroughput through the gateway (saturation, %d users): %.0f%% of direct with the limiter on, %.0f%% with it off (aim: at least 60%%)\n", concurrency, 100 * rps[on] / rps[d], 100 * rps[off] / rps[d]
    d = "direct open"; off = "gateway-limiter-off open"; on = "gateway-limiter-on open"
    printf "added latency at %d requests/s (gateway minus direct, limiter on): p50 %+d ms, p99 %+d ms (aim: at most 2 ms at p99)\n", rate, p50[on] - p50[d], p99[on] - p99[d]
    printf "the limiter'"'"'s cost at %d requests/s (on minus off): p50 %+d ms, p99 %+d ms\n", rate, p50[on] - p50[off], p99[on] - p99[off]
  }' "$results"
