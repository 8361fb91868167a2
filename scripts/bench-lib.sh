# Shared by the benchmark scripts (sourced, not run): the loopback-only rule, the platform check, and where the CPU
# went during a run. Expects $gateway to be set and the repository root to be the working directory.

# The same rule the simulations enforce, checked before the first request leaves the script.
require_loopback_gateway() {
  local host
  host=$(printf '%s' "$gateway" | sed -E 's#^[a-zA-Z]+://([^/]*@)?(\[[^]]*\]|[^:/]*).*#\2#')
  if [[ ! "$host" =~ ^(localhost|127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|\[::1\])$ ]]; then
    echo "The benchmarks run against this machine only (localhost, 127.0.0.0/8, [::1]), not '$host'." >&2
    exit 2
  fi
}

require_running_platform() {
  if ! curl -fsS -m 5 -o /dev/null "$gateway/actuator/health" 2>/dev/null; then
    echo "The platform does not answer on $gateway: start it first with ./run-local.sh (in another terminal)," >&2
    echo "wait for its 'tokenx platform is up' banner, then run this again." >&2
    exit 1
  fi
}

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

# The load generator is the calling script's children: the Maven JVM and the Gatling JVM it forks. `times` must run
# in that shell (a subshell would see no children), so its lines go through the file $1.
generator_ticks() {
  times > "$1"
  tail -1 "$1" | awk -v hz="$(getconf CLK_TCK)" '{
    total = 0
    for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] }
    printf "load-generator %d\n", total * hz
  }'
}

# Prints the CPU each component used between two snapshots ($1, $2), and per unit of work ($3 units named $4).
report_cpu() {
  printf '%s\n%s\n' "$1" "$2" | awk -v hz="$(getconf CLK_TCK)" -v units="${3:-0}" -v unit="$4" '
    !($1 in start) { start[$1] = $2; names[++n] = $1; next }
    { used[$1] = ($2 - start[$1]) / hz }
    END {
      rest = used["machine"]
      printf "CPU seconds used during the run, and CPU ms per %s (warm-up included):\n", unit
      for (i = 2; i <= n; i++) {
        rest -= used[names[i]]
        if (names[i] == "load-generator") {
          printf "  %-16s %7.1f s  (Maven and Gatling, their start-up and the report included)\n", names[i], used[names[i]]
        } else {
          printf "  %-16s %7.1f s  %6.2f ms/%s\n", names[i], used[names[i]], units ? 1000 * used[names[i]] / units : 0, unit
        }
      }
      printf "  %-16s %7.1f s  (other work on the machine)\n", "everything else", rest
    }'
}
