package dev.tokenx.blockchain.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who signs settlements and where the tokens come from ({@code blockchain.signer.*}).
 *
 * <p>The private key has no default anywhere in the repository: it comes from the environment
 * ({@code BLOCKCHAIN_SIGNER_PRIVATE_KEY}) or a secret store. Its format is checked where the key is read, not here,
 * so that a malformed key never appears in a binding error message; {@link #toString()} hides it too.
 *
 * @param privateKey the agent's key (hex, 0x-prefixed or not): an agent of every token contract it settles on
 * @param treasuryAddress the holder whose tokens are transferred to buyers ({@code BLOCKCHAIN_TREASURY_ADDRESS})
 */
@Validated
@ConfigurationProperties("blockchain.signer")
public record SignerProperties(
        @NotBlank(message = "set BLOCKCHAIN_SIGNER_PRIVATE_KEY to the settlement agent's private key")
        String privateKey,

        @NotBlank(message = "set BLOCKCHAIN_TREASURY_ADDRESS to the address that holds the tokens for sale")
        @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed 20-byte hex address")
        String treasuryAddress) {

    @Override
    public String toString() {
        return "SignerProperties[privateKey=<hidden>, treasuryAddress=" + treasuryAddress + "]";
    }
}
