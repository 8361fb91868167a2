package dev.tokenx.blockchain.settlement.web3j;

import dev.tokenx.blockchain.network.ChainProperties;
import dev.tokenx.blockchain.network.SignerProperties;
import dev.tokenx.blockchain.settlement.application.TransferSigner;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.contracts.ForcedTransfer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Signs transfers as EIP-1559 transactions for the configured chain: the AssetToken's {@code forcedTransfer} call for
 * one, {@code batchForcedTransfer} for several, with the contract's gas limits and the configured fee caps. Signatures are deterministic (RFC 6979), so the
 * same transfer under the same nonce always gives the same bytes and hash.
 */
@Component
class Web3jTransferSigner implements TransferSigner {

    private static final Logger log = LoggerFactory.getLogger(Web3jTransferSigner.class);

    private final Credentials agent;
    private final long chainId;
    private final BigInteger maxFeePerGas;
    private final BigInteger maxPriorityFeePerGas;

    Web3jTransferSigner(SignerProperties signer, ChainProperties chain) {
        this.agent = signer.fromKeystore() ? fromKeystore(signer) : credentials(signer.privateKey());
        log.info(
                "Signing settlements as {} with a key from {}",
                Keys.toChecksumAddress(agent.getAddress()),
                signer.fromKeystore() ? "the keystore " + signer.keystoreFile() : "BLOCKCHAIN_SIGNER_PRIVATE_KEY");
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

    /** Neither the password nor anything read from the file appears in the exception. */
    private static Credentials fromKeystore(SignerProperties signer) {
        try {
            return WalletUtils.loadCredentials(
                    signer.keystorePassword(), signer.keystoreFile().toFile());
        } catch (CipherException wrongPassword) {
            throw new IllegalStateException("Cannot decrypt the keystore " + signer.keystoreFile()
                    + " (BLOCKCHAIN_SIGNER_KEYSTORE_FILE) with BLOCKCHAIN_SIGNER_KEYSTORE_PASSWORD: wrong password");
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalStateException("Cannot read the keystore " + signer.keystoreFile()
                    + " (BLOCKCHAIN_SIGNER_KEYSTORE_FILE): missing, unreadable or not an Ethereum keystore ("
                    + unreadable.getClass().getSimpleName() + ")");
        }
    }

    private static BigInteger gwei(long amount) {
        return Convert.toWei(BigInteger.valueOf(amount).toString(), Convert.Unit.GWEI)
                .toBigIntegerExact();
    }
}
