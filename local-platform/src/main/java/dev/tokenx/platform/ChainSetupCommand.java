package dev.tokenx.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The demo tokens on any chain, for docker-compose.yml's one-shot {@code chain-setup} job (and any environment that
 * wants the demo listings): {@link ChainSetup} with the accounts from environment variables. It leaves, in {@code
 * CHAIN_SETUP_DIR}, its registry of deployments ({@code contracts.properties}, so that a rerun deploys nothing new)
 * and {@code blockchain-tokens.properties}, which blockchain-service imports ({@code SPRING_CONFIG_IMPORT}) to learn
 * each token's contract.
 *
 * <p>Variables: {@code CHAIN_RPC_URL}, {@code CHAIN_OWNER_PRIVATE_KEY} (deploys, appoints, mints: the cold key, used
 * by this job only), {@code CHAIN_SETTLEMENT_AGENT_ADDRESS} (the address of blockchain-service's signer; its key is not
 * needed here), {@code CHAIN_COMPLIANCE_AGENT_PRIVATE_KEY} (whitelists the treasury and the verified addresses), {@code
 * CHAIN_TREASURY_ADDRESS}, {@code CHAIN_VERIFIED_ADDRESSES} (comma separated, may be empty), {@code CHAIN_SETUP_DIR}
 * (default {@code /chain}). Keys are never printed: the job prints each token's symbol and contract only.
 */
public final class ChainSetupCommand {

    public static final String TOKENS_FILE = "blockchain-tokens.properties";
    static final String REGISTRY_FILE = "contracts.properties";

    private ChainSetupCommand() {}

    public static void main(String[] args) {
        try {
            Map<String, String> contracts = run(System.getenv());
            contracts.forEach((symbol, address) -> System.out.println(symbol + " " + address));
        } catch (MissingVariable e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** @return the contract of each demo token, by symbol */
    static Map<String, String> run(Map<String, String> environment) {
        ChainSetup.Accounts accounts = new ChainSetup.Accounts(
                required(environment, "CHAIN_OWNER_PRIVATE_KEY"),
                required(environment, "CHAIN_SETTLEMENT_AGENT_ADDRESS"),
                required(environment, "CHAIN_COMPLIANCE_AGENT_PRIVATE_KEY"),
                required(environment, "CHAIN_TREASURY_ADDRESS"),
                addresses(environment.getOrDefault("CHAIN_VERIFIED_ADDRESSES", "")));
        Path directory = Path.of(environment.getOrDefault("CHAIN_SETUP_DIR", "/chain"));
        Web3j web3j = Web3j.build(new HttpService(required(environment, "CHAIN_RPC_URL")));
        try {
            createDirectory(directory);
            Map<String, String> contracts =
                    ChainSetup.ensureDeployed(web3j, chainId(web3j), accounts, directory.resolve(REGISTRY_FILE));
            writeTokenProperties(directory.resolve(TOKENS_FILE), contracts);
            return contracts;
        } finally {
            web3j.shutdown();
        }
    }

    private static void writeTokenProperties(Path file, Map<String, String> contracts) {
        Properties properties = new Properties();
        contracts.forEach((symbol, address) ->
                properties.setProperty("blockchain.tokens." + symbol + ".contract-address", address));
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "Written by chain-setup: the AssetToken contract of each token");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static long chainId(Web3j web3j) {
        try {
            return web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the chain to read its id", e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }

    private static List<String> addresses(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingVariable(name);
        }
        return value.trim();
    }

    static final class MissingVariable extends IllegalArgumentException {

        MissingVariable(String name) {
            super("chain-setup needs the environment variable " + name + " (see docker-compose.yml)");
        }
    }
}
