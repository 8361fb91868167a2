package dev.tokenx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.infra.AnvilChain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@WithAnvil
class WithAnvilTest {

    private static final Pattern HEX_RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-f]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void runs_chain_31337_with_a_block_every_second() throws Exception {
        AnvilChain anvil = Infrastructure.anvil();
        assertThat(hexResult(anvil, "eth_chainId")).isEqualTo(31337);
        long first = hexResult(anvil, "eth_blockNumber");

        await().atMost(Duration.ofSeconds(10)).until(() -> hexResult(anvil, "eth_blockNumber") > first);
    }

    private long hexResult(AnvilChain anvil, String method) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(anvil.rpcUrl()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher result = HEX_RESULT.matcher(response.body());
        assertThat(result.find()).as(response.body()).isTrue();
        return Long.parseLong(result.group(1), 16);
    }
}
