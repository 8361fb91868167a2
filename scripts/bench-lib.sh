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

# Runs a Gatling simulation of load-tests ($1: its class name) with the remaining arguments as -D options, then
# reports where the CPU went per unit of work: $2 names the unit, $3 is a sed -E expression that prints the unit count
# from the simulation's "==== " summary lines. Returns the simulation's exit status.
run_simulation() {
  local simulation=$1 unit=$2 count_expression=$3 output before after summary status units
  shift 3
  echo "Machine: $(nproc) CPUs; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  output=$(mktemp)
  generator_ticks "$output" > "$output.before"
  before=$(cpu_snapshot; cat "$output.before")
  set +e
  ./mvnw -B -ntp -pl load-tests gatling:test -Dgatling.simulationClass="dev.tokenx.loadtests.$simulation" "$@" \
    | tee "$output"
  status=${PIPESTATUS[0]}
  set -e
  summary=$(grep -E '^==== ' "$output" || true)
  generator_ticks "$output" > "$output.after"
  after=$(cpu_snapshot; cat "$output.after")

  echo
  echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews the numbers)"
  units=$(printf '%s\n' "$summary" | sed -nE "$count_expression")
  report_cpu "$before" "$after" "$units" "$unit" | tee "$output.cpu"
  printf '%s\n' "$summary"
  record_results "$simulation" "$output.cpu" "$units" "$unit" "$summary" "$@"
  if grep -q 'found 429' "$output"; then
    echo "Some orders were refused by the gateway's rate limits (429), and every request comes from 127.0.0.1: start the"
    echo "platform with the trading limits raised, e.g. RATE_LIMIT_MODERATE=100000000 RATE_LIMIT_MODERATE_IP=0 ./run-local.sh"
  fi
  echo "Gatling report: load-tests/target/gatling/ (newest folder, index.html)"
  rm -f "$output" "$output.before" "$output.after" "$output.cpu"
  return "$status"
}

# The gateway URL among -D options ($gateway keeps its default otherwise); anything but -D options is refused.
parse_bench_options() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -Dbench.gatewayUrl=*) gateway=${arg#*=} ;;
      -D*) ;;
      *) echo "Unexpected argument '$arg': pass options as -Dname=value." >&2; usage; exit 2 ;;
    esac
  done
}

# Keeps a run's numbers as one JSON file under load-tests/results/ (time, commit, options, the summary lines, CPU
# seconds and CPU ms per unit of each process), so that runs can be compared without scraping consoles.
record_results() {
  local simulation=$1 cpu=$2 units=$3 unit=$4 summary=$5 file
  shift 5
  mkdir -p load-tests/results
  file="load-tests/results/$(date -u +%Y%m%dT%H%M%SZ)-$simulation.json"
  python3 - "$simulation" "$cpu" "${units:-0}" "$unit" "$summary" "$(git rev-parse --short HEAD)$(git diff --quiet || echo +)" "$@" \
    > "$file" <<'PY'
import json, re, sys, datetime
simulation, cpu_file, units, unit, summary, commit, *options = sys.argv[1:]
cpu = {}
for name, seconds, per_unit in re.findall(r"^  (\S+)\s+([\d.]+) s\s+([\d.]+) ms/", open(cpu_file).read(), re.M):
    cpu[name] = {"cpu_s": float(seconds), "cpu_ms_per_unit": float(per_unit)}
print(json.dumps({
    "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "commit": commit,
    "simulation": simulation, "options": options, "unit": unit, "units": int(units),
    "summary": [line[5:] for line in summary.splitlines()], "cpu": cpu}, indent=2))
PY
  echo "Results kept in $file"
}
