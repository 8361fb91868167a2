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

# The same rule the simulation enforces, checked before the first request leaves this script.
host=$(printf '%s' "$gateway" | sed -E 's#^[a-zA-Z]+://([^/]*@)?(\[[^]]*\]|[^:/]*).*#\2#')
if [[ ! "$host" =~ ^(localhost|127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|\[::1\])$ ]]; then
  echo "The benchmark runs against this machine only (localhost, 127.0.0.0/8, [::1]), not '$host'." >&2
  exit 2
fi

if ! curl -fsS -m 5 -o /dev/null "$gateway/actuator/health" 2>/dev/null; then
  echo "The platform does not answer on $gateway: start it first with ./run-local.sh (in another terminal)," >&2
  echo "wait for its 'tokenx platform is up' banner, then run this again." >&2
  exit 1
fi

source scripts/use-jdk.sh

# Where the CPU goes: ticks (1/CLK_TCK s) of each platform process, found by its port (the run-local.sh defaults,
# overridable by the same variables), read before and after the run. A process's own ticks count all its threads;
# the PostgreSQL postmaster adds its backends, live ones and the ones that ended (cutime, cstime).
components="gateway:${GATEWAY_PORT:-8080} order-service:${ORDER_SERVICE_PORT:-8081} PostgreSQL:${POSTGRES_PORT:-15432}
Kafka:${KAFKA_PORT:-9092} Redis:${REDIS_PORT:-16379} blockchain-svc:${BLOCKCHAIN_SERVICE_PORT:-8082}
notification-svc:${NOTIFICATION_SERVICE_PORT:-8083} realtime-server:${REALTIME_SERVER_PORT:-8084}
cache-service:${CACHE_SERVICE_PORT:-8085} anvil:${ANVIL_PORT:-8545}"

pid_on_port() {
  ss -ltnpH "sport = :$1" 2> /dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1
}

ticks_of() {
  local pid=$1 total=0 child
  [ -r "/proc/$pid/stat" ] || { echo 0; return; }
  total=$(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{print $12 + $13 + $14 + $15}')
  for child in $(ps -o pid= --ppid "$pid"); do
    if [ -r "/proc/$child/stat" ]; then
      total=$((total + $(sed -E 's/^.*\) //' "/proc/$child/stat" | awk '{print $12 + $13}')))
    fi
  done
  echo "$total"
}

cpu_snapshot() {
  local entry name pid
  awk '/^cpu /{print "machine", $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
  for entry in $components; do
    name=${entry%%:*}
    pid=$(pid_on_port "${entry##*:}")
    if [ -n "$pid" ]; then echo "$name $(ticks_of "$pid")"; fi
  done
}

echo "Machine: $(nproc) CPUs; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
output=$(mktemp)
trap 'rm -f "$output" "$output.before" "$output.after"' EXIT
# The load generator is this script's children: the Maven JVM and the Gatling JVM it forks. `times` must run in this
# shell (a subshell would see no children), so its lines go through a file.
generator_ticks() {
  times > "$output"
  tail -1 "$output" | awk -v hz="$(getconf CLK_TCK)" '{
    total = 0
    for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] }
    printf "load-generator %d\n", total * hz
  }'
}

generator_ticks > "$output.before"
before=$(cpu_snapshot; cat "$output.before")
set +e
./mvnw -B -ntp -pl load-tests gatling:test -Dbench.shape="$shape" "$@" | tee "$output"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '^==== ' "$output" || true)
generator_ticks > "$output.after"
after=$(cpu_snapshot; cat "$output.after")

echo
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews the numbers)"
orders=$(printf '%s\n' "$summary" | sed -nE 's/^==== all phases: ([0-9]+) orders accepted.*/\1/p')
printf '%s\n%s\n' "$before" "$after" | awk -v hz="$(getconf CLK_TCK)" -v orders="${orders:-0}" '
  !($1 in start) { start[$1] = $2; names[++n] = $1; next }
  { used[$1] = ($2 - start[$1]) / hz }
  END {
    rest = used["machine"]
    print "CPU seconds used during the run, and CPU ms per accepted order (warm-up included):"
    for (i = 2; i <= n; i++) {
      rest -= used[names[i]]
      if (names[i] == "load-generator") {
        printf "  %-16s %7.1f s  (Maven and Gatling, their start-up and the report included)\n", names[i], used[names[i]]
      } else {
        printf "  %-16s %7.1f s  %6.2f ms/order\n", names[i], used[names[i]], orders ? 1000 * used[names[i]] / orders : 0
      }
    }
    printf "  %-16s %7.1f s  (other work on the machine)\n", "everything else", rest
  }'
printf '%s\n' "$summary"
if grep -q 'found 429' "$output"; then
  echo "Some orders were refused by the gateway's rate limits (429), and every request comes from 127.0.0.1: start the"
  echo "platform with the trading limits raised, e.g. RATE_LIMIT_MODERATE=100000000 RATE_LIMIT_MODERATE_IP=0 ./run-local.sh"
fi
echo "Gatling report: load-tests/target/gatling/ (newest folder, index.html)"
exit "$status"
