/**
 * The AssetToken contract seen from Java: its compiled bytecode and ABI (generated from
 * {@code contracts/src/main/solidity/AssetToken.sol} by {@code scripts/compile-contracts.sh}), a typed
 * web3j facade ({@link dev.tokenx.contracts.AssetTokenContract}), its custom errors decoded into
 * {@link dev.tokenx.contracts.ContractRefusal}, its events ({@link dev.tokenx.contracts.AssetTokenEvent})
 * and a deployment helper for local chains ({@link dev.tokenx.contracts.AssetTokenDeployment}).
 */
package dev.tokenx.contracts;
