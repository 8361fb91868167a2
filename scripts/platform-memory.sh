#!/usr/bin/env bash
# The memory the running local platform uses: the proportional set size (PSS, shared pages split between the
# processes that share them) of every platform process, found by its port as the benchmarks find them, the
# PostgreSQL postmaster with its backends, and the launcher; then the sum, to compare with the 3 GB budget.
#
#   scripts/platform-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
gateway="http://localhost:${GATEWAY_PORT:-8080}"
source scripts/bench-lib.sh
require_running_platform

pss_kb() {
  awk '/^Pss:/ {sum += $2} END {print sum + 0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0
}

total=0
for entry in $components; do
  name=${entry%%:*}
  pid=$(pid_on_port "${entry##*:}")
  [ -n "$pid" ] || continue
  kb=$(pss_kb "$pid")
  for child in $(ps -o pid= --ppid "$pid"); do kb=$((kb + $(pss_kb "$child"))); done
  printf '  %-16s %7d MB\n' "$name" $((kb / 1024))
  total=$((total + kb))
done
launcher=$(pgrep -f dev.tokenx.platform.LocalPlatform | head -1 || true)
if [ -n "$launcher" ]; then
  kb=$(pss_kb "$launcher")
  printf '  %-16s %7d MB\n' launcher $((kb / 1024))
  total=$((total + kb))
fi
printf '  %-16s %7d MB (budget 3072 MB)\n' total $((total / 1024))
