#!/usr/bin/env bash
# Regenerates the committed ABI and bytecode of the Solidity contracts with the pinned solcjs (root package.json),
# offline. Run it after any change to contracts/src/main/solidity; the contracts build fails until you do
# (contracts: CompiledArtifactsTest compiles the same way and compares bytes).
#
# The source path is given relative to the repository root on purpose: solc hashes it into the metadata at the end
# of the bytecode, so the test must pass the very same path and flags to reproduce these files byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/npm-tools.sh

source_dir=contracts/src/main/solidity
resource_dir=contracts/src/main/resources/dev/tokenx/contracts
out_dir=$(mktemp -d)
trap 'rm -rf "$out_dir"' EXIT

for source in "$source_dir"/*.sol; do
  contract=$(basename "$source" .sol)
  node_modules/.bin/solcjs --bin --abi --optimize -o "$out_dir" "$source"
  # solcjs names its output after the source path: contracts/src/main/solidity/X.sol -> contracts_src_main_solidity_X_sol_X.*
  prefix=$(echo "$source" | tr '/.' '__')_"$contract"
  cp "$out_dir/$prefix.abi" "$resource_dir/$contract.abi"
  cp "$out_dir/$prefix.bin" "$resource_dir/$contract.bin"
  echo "compile-contracts: $source -> $resource_dir/$contract.{abi,bin} ($(node_modules/.bin/solcjs --version))"
done
