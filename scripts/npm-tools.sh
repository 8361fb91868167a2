# Sourced by the run scripts: installs the pinned Node tools (anvil, solc) from package-lock.json when missing.
if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20+ and npm are needed for the anvil chain and the Solidity compiler." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
