package dev.tokenx.blockchain.settlement.web3j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.blockchain.network.ChainProperties;
import dev.tokenx.blockchain.network.SignerProperties;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.contracts.ForcedTransfer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

class Web3jTransferSignerTest {

    /** anvil's public dev account 9: known to everyone, worthless outside a local chain. */
    private static final String DEV_KEY = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private static final String DEV_ADDRESS = "0xa0ee7a142d267c1f36714e4a8f75612f20a79720";
    private static final String TREASURY = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
    private static final ChainProperties CHAIN = new ChainProperties(
            URI.create("http://127.0.0.1:8545"), 31337, Duration.ofSeconds(1), Duration.ofSeconds(1), 20, 1);
    private static final Transfer TRANSFER = new Transfer(
            "BLRTECH",
            "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            TREASURY,
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            10);

    private final Web3jTransferSigner signer =
            new Web3jTransferSigner(SignerProperties.ofKey(DEV_KEY, TREASURY), CHAIN);

    @Test
    void signs_the_forced_transfer_for_the_configured_chain_under_the_given_nonce() throws SignatureException {
        SignedTransfer signed = signer.sign(List.of(TRANSFER), 42);

        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.rawTransaction());
        Transaction1559 transaction = (Transaction1559) decoded.getTransaction();
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(DEV_ADDRESS);
        assertThat(transaction.getChainId()).isEqualTo(31337);
        assertThat(decoded.getNonce()).isEqualTo(BigInteger.valueOf(42));
        assertThat(decoded.getTo()).isEqualToIgnoringCase(TRANSFER.contract());
        assertThat("0x" + decoded.getData())
                .isEqualToIgnoringCase(
                        AssetTokenContract.encodeForcedTransfer(TRANSFER.from(), TRANSFER.to(), BigInteger.TEN));
        assertThat(decoded.getGasLimit()).isEqualTo(AssetTokenGasProvider.CALL_GAS_LIMIT);
        assertThat(transaction.getMaxFeePerGas()).isEqualTo(BigInteger.valueOf(20_000_000_000L));
        assertThat(signed.sender()).isEqualTo(DEV_ADDRESS);
        assertThat(signed.nonce()).isEqualTo(42);
    }

    @Test
    void gives_the_same_bytes_and_hash_for_the_same_transfer_and_nonce() {
        assertThat(signer.sign(List.of(TRANSFER), 7)).isEqualTo(signer.sign(List.of(TRANSFER), 7));
        assertThat(signer.sign(List.of(TRANSFER), 8).txHash())
                .isNotEqualTo(signer.sign(List.of(TRANSFER), 7).txHash());
    }

    @Test
    void signs_several_transfers_as_one_batch_forced_transfer_with_gas_for_each() throws SignatureException {
        Transfer other = new Transfer("BLRTECH", TRANSFER.contract(), TREASURY, DEV_ADDRESS, 3);

        SignedTransfer signed = signer.sign(List.of(TRANSFER, other), 43);

        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.rawTransaction());
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(DEV_ADDRESS);
        assertThat(decoded.getNonce()).isEqualTo(BigInteger.valueOf(43));
        assertThat("0x" + decoded.getData())
                .isEqualToIgnoringCase(AssetTokenContract.encodeBatchForcedTransfer(List.of(
                        new ForcedTransfer(TREASURY, TRANSFER.to(), BigInteger.TEN),
                        new ForcedTransfer(TREASURY, DEV_ADDRESS, BigInteger.valueOf(3)))));
        assertThat(decoded.getGasLimit()).isEqualTo(AssetTokenGasProvider.batchGasLimit(2));
    }

    @Test
    void refuses_to_put_two_token_contracts_in_one_transaction() {
        Transfer elsewhere = new Transfer("OTHER", "0x" + "11".repeat(20), TREASURY, DEV_ADDRESS, 1);

        assertThatThrownBy(() -> signer.sign(List.of(TRANSFER, elsewhere), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class From_an_encrypted_keystore {

        @TempDir
        private Path directory;

        @Test
        void signs_as_the_account_the_keystore_holds() throws Exception {
            Path keystore = keystore("keystore-password");

            Web3jTransferSigner fromKeystore = new Web3jTransferSigner(
                    SignerProperties.ofKeystore(keystore, "keystore-password", TREASURY), CHAIN);

            assertThat(fromKeystore.sender()).isEqualTo(DEV_ADDRESS);
            assertThat(fromKeystore.sign(List.of(TRANSFER), 7)).isEqualTo(signer.sign(List.of(TRANSFER), 7));
        }

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void logs_the_signers_address_and_neither_the_key_nor_the_password(CapturedOutput output) throws Exception {
            Path keystore = keystore("keystore-password");

            new Web3jTransferSigner(SignerProperties.ofKeystore(keystore, "keystore-password", TREASURY), CHAIN);
            new Web3jTransferSigner(SignerProperties.ofKey(DEV_KEY, TREASURY), CHAIN);

            assertThat(output.getAll())
                    .containsIgnoringCase("Signing settlements as " + DEV_ADDRESS)
                    .doesNotContain(Numeric.cleanHexPrefix(DEV_KEY))
                    .doesNotContain("keystore-password");
        }

        @Test
        void refuses_a_wrong_password_without_repeating_it() throws Exception {
            Path keystore = keystore("keystore-password");

            assertThatThrownBy(() -> new Web3jTransferSigner(
                            SignerProperties.ofKeystore(keystore, "guessed-password", TREASURY), CHAIN))
                    .hasMessageContaining("wrong password")
                    .hasMessageContaining("BLOCKCHAIN_SIGNER_KEYSTORE_PASSWORD")
                    .hasMessageNotContaining("guessed-password")
                    .hasMessageNotContaining("keystore-password");
        }

        @Test
        void refuses_a_file_that_is_not_a_keystore_naming_the_variable() throws Exception {
            Path notAKeystore = Files.writeString(directory.resolve("key.txt"), DEV_KEY);

            assertThatThrownBy(() ->
                            new Web3jTransferSigner(SignerProperties.ofKeystore(notAKeystore, "pw", TREASURY), CHAIN))
                    .hasMessageContaining("BLOCKCHAIN_SIGNER_KEYSTORE_FILE")
                    .hasMessageNotContaining(Numeric.cleanHexPrefix(DEV_KEY));
        }

        /** A light-scrypt keystore of dev account 9, as {@code WalletUtils} writes one (geth's format). */
        private Path keystore(String password) throws Exception {
            String file = WalletUtils.generateWalletFile(
                    password, Credentials.create(DEV_KEY).getEcKeyPair(), directory.toFile(), false);
            return directory.resolve(file);
        }
    }

    @Test
    void refuses_a_malformed_key_without_repeating_it() {
        String malformed = "0xnot-a-key-but-maybe-half-of-a-real-one";

        assertThatThrownBy(() -> new Web3jTransferSigner(SignerProperties.ofKey(malformed, TREASURY), CHAIN))
                .hasMessageContaining("BLOCKCHAIN_SIGNER_PRIVATE_KEY")
                .hasMessageNotContaining("half-of-a-real-one");
    }
}
