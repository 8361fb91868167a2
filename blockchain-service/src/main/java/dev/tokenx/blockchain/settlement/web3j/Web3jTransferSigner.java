package dev.tokenx.blockchain.settlement.web3j;

import dev.tokenx.blockchain.network.ChainProperties;
import dev.tokenx.blockchain.network.SignerProperties;
import dev.tokenx.blockchain.settlement.application.TransferSigner;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.contracts.ForcedTransfer;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Signs transfers as EIP-1559 transactions for the configured chain: the AssetToken's {@code forcedTransfer} call for
 * one, {@code batchForcedTransfer} for several, with the contract's gas limits and the configured fee caps. Signatures are deterministic (RFC 6979), so the
 * same transfer under the same nonce always gives the same bytes and hash.
 */
@Component
class Web3jTransferSigner implements TransferSigner {

    private final Credentials agent;
    private final long chainId;
    private final BigInteger maxFeePerGas;
    private final BigInteger maxPriorityFeePerGas;

    Web3jTransferSigner(SignerProperties signer, ChainProperties chain) {
        this.agent = credentials(signer.privateKey());
        this.chainId = chain.chainId();
        this.maxFeePerGas = gwei(chain.maxFeePerGasGwei());
        this.maxPriorityFeePerGas = gwei(chain.maxPriorityFeePerGasGwei());
    }

    @Override
    public String sender() {
        return agent.getAddress().toLowerCase(Locale.ROOT);
    }

    @Override
    public SignedTransfer sign(List<Transfer> transfers, long nonce) {
        String contract = transfers.getFirst().contract();
        if (transfers.stream().anyMatch(transfer -> !transfer.contract().equals(contract))) {
            throw new IllegalArgumentException("One transaction calls one token contract: " + transfers);
        }
        RawTransaction transaction = RawTransaction.createTransaction(
                chainId,
                BigInteger.valueOf(nonce),
                gasLimit(transfers),
                contract,
                BigInteger.ZERO,
                callData(transfers),
                maxPriorityFeePerGas,
                maxFeePerGas);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(transaction, agent));
        return new SignedTransfer(sender(), nonce, Hash.sha3(signed), signed);
    }

    /** A lone transfer is the plain forced transfer, as before batches: the cheapest call for one order. */
    private static String callData(List<Transfer> transfers) {
        if (transfers.size() == 1) {
            Transfer transfer = transfers.getFirst();
            return AssetTokenContract.encodeForcedTransfer(
                    transfer.from(), transfer.to(), BigInteger.valueOf(transfer.quantity()));
        }
        return AssetTokenContract.encodeBatchForcedTransfer(transfers.stream()
                .map(transfer ->
                        new ForcedTransfer(transfer.from(), transfer.to(), BigInteger.valueOf(transfer.quantity())))
                .toList());
    }

    private static BigInteger gasLimit(List<Transfer> transfers) {
        return transfers.size() == 1
                ? AssetTokenGasProvider.CALL_GAS_LIMIT
                : AssetTokenGasProvider.batchGasLimit(transfers.size());
    }

    /** The key's value never appears in an exception: it would end up in logs. */
    private static Credentials credentials(String privateKey) {
        String hex = Numeric.cleanHexPrefix(privateKey.strip());
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(
                    "blockchain.signer.private-key (BLOCKCHAIN_SIGNER_PRIVATE_KEY) must be 32 bytes of hex");
        }
        return Credentials.create(hex);
    }

    private static BigInteger gwei(long amount) {
        return Convert.toWei(BigInteger.valueOf(amount).toString(), Convert.Unit.GWEI)
                .toBigIntegerExact();
    }
}
