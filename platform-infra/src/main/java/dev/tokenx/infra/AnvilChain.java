package dev.tokenx.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real anvil EVM node (the binary of the npm package {@code @foundry-rs/anvil-linux-amd64}, see
 * the root package.json) on 127.0.0.1, chain id 31337, with anvil's ten well-known dev accounts.
 *
 * <p>The dev accounts come from the public mnemonic {@code test test ... junk}: their keys are
 * published everywhere and must never hold anything of value outside a local chain.
 */
public final class AnvilChain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnvilChain.class);

    private static final long CHAIN_ID = 31337;
    private static final String MNEMONIC = "test test test test test test test test test test test junk";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** How often anvil writes its state file while running, so a crash loses little. */
    private static final int STATE_INTERVAL_SECONDS = 5;

    private static final Pattern HEX_RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");

    private static final List<String> DEV_ACCOUNTS = List.of(
            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
            "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
            "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
            "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
            "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
            "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
            "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
            "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

    private static final List<String> DEV_PRIVATE_KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
            "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
            "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
            "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
            "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

    private final int port;
    private final Process process;
    private final Path temporaryRoot;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private AnvilChain(int port, Process process, Path temporaryRoot) {
        this.port = port;
        this.process = process;
        this.temporaryRoot = temporaryRoot;
        this.shutdownHook = ChildProcesses.onShutdown("anvil-" + port + "-stop", this::stop);
    }

    /**
     * Starts anvil.
     *
     * @param blockTimeSeconds mine a block every so many seconds; {@code null} mines one block per
     *     transaction (automine), so confirmations never grow without more transactions
     * @param stateFile where anvil loads its chain from and dumps it to (every few seconds and on
     *     exit); {@code null} for a chain that dies with the process
     */
    public static AnvilChain start(int port, Integer blockTimeSeconds, Path stateFile) {
        ChildProcesses.requirePortFree(port, "anvil");
        Path binary = AnvilBinary.locate();
        Path temporaryRoot = stateFile == null ? ChildProcesses.createTempDirectory("tokenx-anvil-") : null;
        Path logFile = stateFile == null
                ? temporaryRoot.resolve("anvil.log")
                : ChildProcesses.createDirectories(stateFile.toAbsolutePath().getParent())
                        .resolve("anvil.log");
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--chain-id",
                Long.toString(CHAIN_ID),
                "--accounts",
                Integer.toString(DEV_ACCOUNTS.size()),
                "--mnemonic",
                MNEMONIC));
        if (blockTimeSeconds != null) {
            command.addAll(List.of("--block-time", blockTimeSeconds.toString()));
        }
        if (stateFile != null) {
            command.addAll(List.of(
                    "--state",
                    stateFile.toAbsolutePath().toString(),
                    "--state-interval",
                    Integer.toString(STATE_INTERVAL_SECONDS)));
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + binary, e);
        }
        AnvilChain chain = new AnvilChain(port, process, temporaryRoot);
        try {
            chain.awaitChainId(logFile);
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
        log.info(
                "anvil listening on {}, block time {}, state {}, log {}",
                chain.rpcUrl(),
                blockTimeSeconds == null ? "automine" : blockTimeSeconds + " s",
                stateFile,
                logFile);
        return chain;
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long chainId() {
        return CHAIN_ID;
    }

    /** Addresses of anvil's dev accounts 0 to 9, each funded with 10,000 ETH; local use only. */
    public List<String> devAccounts() {
        return DEV_ACCOUNTS;
    }

    /** Private key (0x-prefixed hex) of dev account {@code index}; publicly known, local use only. */
    public String devPrivateKey(int index) {
        Objects.checkIndex(index, DEV_PRIVATE_KEYS.size());
        return DEV_PRIVATE_KEYS.get(index);
    }

    /** Stops anvil (SIGTERM, so it dumps its state file); a temporary folder is deleted. */
    @Override
    public void close() {
        ChildProcesses.cancelShutdownHook(shutdownHook);
        stop();
    }

    private void stop() {
        if (closed.getAndSet(true)) {
            return;
        }
        ChildProcesses.terminate(process, STOP_GRACE);
        if (temporaryRoot != null) {
            ChildProcesses.deleteRecursively(temporaryRoot);
        }
    }

    private void awaitChainId(Path logFile) {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            awaitChainId(http, logFile);
        }
    }

    private void awaitChainId(HttpClient http, Path logFile) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw notReady("anvil exited with code " + process.exitValue(), logFile);
            }
            if (answersChainId(http, request)) {
                return;
            }
            ChildProcesses.sleep(POLL_INTERVAL);
        }
        throw notReady("anvil did not answer eth_chainId within " + STARTUP_TIMEOUT.toSeconds() + " s", logFile);
    }

    private static boolean answersChainId(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher result = HEX_RESULT.matcher(response.body());
            return response.statusCode() == 200 && result.find() && Long.parseLong(result.group(1), 16) == CHAIN_ID;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for anvil", e);
        }
    }

    private IllegalStateException notReady(String reason, Path logFile) {
        return new IllegalStateException(reason + " (port " + port + "). Last lines of " + logFile + ":"
                + System.lineSeparator() + ChildProcesses.tail(logFile, 30));
    }
}
