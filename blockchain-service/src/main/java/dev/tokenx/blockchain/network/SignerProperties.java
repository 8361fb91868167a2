package dev.tokenx.blockchain.network;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who signs settlements and where the tokens come from ({@code blockchain.signer.*}).
 *
 * <p>The settlement agent's key has no default anywhere in the repository. It comes either raw from the environment
 * ({@code BLOCKCHAIN_SIGNER_PRIVATE_KEY}, or a secret store that sets it) or from an encrypted web3j / Ethereum V3
 * keystore file ({@code BLOCKCHAIN_SIGNER_KEYSTORE_FILE} with {@code BLOCKCHAIN_SIGNER_KEYSTORE_PASSWORD}): exactly one
 * of the two. The key's format is checked where it is read, not here, so that a malformed key never appears in a
 * binding error message; {@link #toString()} hides the key and the password too.
 *
 * @param privateKey the settlement agent's key (hex, 0x-prefixed or not), or empty when a keystore holds it
 * @param keystoreFile an encrypted keystore holding the key, or null
 * @param keystorePassword the keystore's password, with {@code keystoreFile} only
 * @param treasuryAddress the holder whose tokens are transferred to buyers ({@code BLOCKCHAIN_TREASURY_ADDRESS})
 */
@Validated
@ConfigurationProperties("blockchain.signer")
public record SignerProperties(
        String privateKey,
        Path keystoreFile,
        String keystorePassword,

        @NotBlank(message = "set BLOCKCHAIN_TREASURY_ADDRESS to the address that holds the tokens for sale")
        @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed 20-byte hex address")
        String treasuryAddress) {

    /** The raw key. */
    public static SignerProperties ofKey(String privateKey, String treasuryAddress) {
        return new SignerProperties(privateKey, null, null, treasuryAddress);
    }

    /** An encrypted keystore and its password. */
    public static SignerProperties ofKeystore(Path keystoreFile, String keystorePassword, String treasuryAddress) {
        return new SignerProperties(null, keystoreFile, keystorePassword, treasuryAddress);
    }

    public boolean fromKeystore() {
        return keystoreFile != null;
    }

    @AssertTrue(
            message = "set exactly one of BLOCKCHAIN_SIGNER_PRIVATE_KEY (the settlement agent's key) or"
                    + " BLOCKCHAIN_SIGNER_KEYSTORE_FILE (an encrypted keystore holding it)")
    public boolean isOneKeySource() {
        return hasText(privateKey) != fromKeystore();
    }

    @AssertTrue(message = "set BLOCKCHAIN_SIGNER_KEYSTORE_PASSWORD to the password of BLOCKCHAIN_SIGNER_KEYSTORE_FILE")
    public boolean isKeystorePasswordGiven() {
        return !fromKeystore() || keystorePassword != null;
    }

    @Override
    public String toString() {
        return "SignerProperties[privateKey=" + (hasText(privateKey) ? "<hidden>" : "<none>") + ", keystoreFile="
                + keystoreFile + ", keystorePassword=" + (keystorePassword == null ? "<none>" : "<hidden>")
                + ", treasuryAddress=" + treasuryAddress + "]";
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
