package dev.tokenx.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilChainTest {

    private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers_chain_id_31337_and_mines_a_block_every_second() throws Exception {
        try (AnvilChain anvil = AnvilChain.start(FreePorts.pick(), 1, null)) {
            assertThat(rpc(anvil, "eth_chainId")).isEqualTo("\"0x7a69\"");
            assertThat(anvil.chainId()).isEqualTo(31337);
            long first = blockNumber(anvil);

            await().atMost(Duration.ofSeconds(10)).until(() -> blockNumber(anvil) >= first + 2);
        }
    }

    @Test
    void lists_the_dev_accounts_anvil_funds_with_their_private_keys(@TempDir Path folder) throws Exception {
        try (AnvilChain anvil = AnvilChain.start(FreePorts.pick(), null, folder.resolve("state.json"))) {
            String accounts = rpc(anvil, "eth_accounts").toLowerCase();
            assertThat(anvil.devAccounts())
                    .hasSize(10)
                    .allSatisfy(account -> assertThat(accounts).contains(account.toLowerCase()));
            assertThat(anvil.devAccounts().get(1)).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
            // anvil's startup banner numbers the accounts it created and, in the same order, their keys.
            String startupLog = Files.readString(folder.resolve("anvil.log"));
            for (int index = 0; index < anvil.devAccounts().size(); index++) {
                assertThat(startupLog)
                        .contains("(" + index + ") " + anvil.devAccounts().get(index) + " ")
                        .contains("(" + index + ") " + anvil.devPrivateKey(index) + "\n");
            }
        }
    }

    @Test
    void reloads_its_chain_from_the_state_file(@TempDir Path folder) throws Exception {
        Path state = folder.resolve("chain").resolve("state.json");
        try (AnvilChain anvil = AnvilChain.start(FreePorts.pick(), null, state)) {
            for (int i = 0; i < 3; i++) {
                rpc(anvil, "evm_mine");
            }
            assertThat(blockNumber(anvil)).isEqualTo(3);
        }
        assertThat(state).isNotEmptyFile();

        try (AnvilChain anvil = AnvilChain.start(FreePorts.pick(), null, state)) {
            assertThat(blockNumber(anvil)).isEqualTo(3);
        }
    }

    @Test
    void names_the_override_when_it_does_not_point_at_an_executable() {
        System.setProperty("TOKENX_ANVIL_BIN", "/nonexistent/anvil");
        try {
            assertThatThrownBy(() -> AnvilChain.start(FreePorts.pick(), null, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TOKENX_ANVIL_BIN");
        } finally {
            System.clearProperty("TOKENX_ANVIL_BIN");
        }
    }

    private long blockNumber(AnvilChain anvil) throws IOException, InterruptedException {
        String hex = rpc(anvil, "eth_blockNumber");
        return Long.parseLong(hex.substring(3, hex.length() - 1), 16);
    }

    /** The raw JSON of the call's result. */
    private String rpc(AnvilChain anvil, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(anvil.rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher result = RESULT.matcher(response.body());
        assertThat(result.find())
                .as("result of %s in %s", method, response.body())
                .isTrue();
        return result.group(1);
    }
}
