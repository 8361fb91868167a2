package dev.tokenx.blockchain.network;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The AssetToken contract of each token symbol settlement may move ({@code blockchain.tokens.<SYMBOL>.contract-address},
 * e.g. {@code BLOCKCHAIN_TOKENS_BLRTECH_CONTRACT_ADDRESS}). None is needed to start: an order for a token that has no
 * contract here is not settled (it goes to the dead-letter topic for an operator).
 *
 * <p>Symbols are case-insensitive (environment variables bind map keys in lower case) and kept in upper case, sorted.
 */
@Validated
@ConfigurationProperties("blockchain")
public record TokenProperties(@DefaultValue Map<String, @Valid TokenContract> tokens) {

    public TokenProperties {
        SortedMap<String, TokenContract> bySymbol = new TreeMap<>();
        tokens.forEach((symbol, contract) -> {
            if (bySymbol.put(symbol.toUpperCase(Locale.ROOT), contract) != null) {
                throw new IllegalArgumentException("Token " + symbol + " is configured twice");
            }
        });
        tokens = Collections.unmodifiableSortedMap(bySymbol);
    }

    public Optional<String> contractOf(String symbol) {
        return Optional.ofNullable(tokens.get(symbol.toUpperCase(Locale.ROOT))).map(TokenContract::contractAddress);
    }

    /** @param contractAddress where the token's AssetToken contract is deployed */
    public record TokenContract(
            @NotBlank @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed 20-byte hex address")
            String contractAddress) {}
}
