package dev.tokenx.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Seeds the benchmark investors and writes one bearer token per line to a file, for load generators other than
 * Gatling (wrk in {@code scripts/bench-side-by-side.sh}, which runs the platform and the reference of
 * {@code ../shared/bench} with one script). Same settings as the simulations ({@code -Dbench.*}).
 */
public final class BenchTokensFile {

    private BenchTokensFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BenchTokensFile OUTPUT_FILE");
        }
        BenchSettings settings = BenchSettings.from(System.getProperties(), System.getenv());
        BenchInvestors.Seeded seeded = BenchInvestors.of(settings).seed(settings.investors());
        BenchTokens tokens = new BenchTokens(settings.tokens());
        Instant now = Instant.now();
        List<String> lines = seeded.investors().stream()
                .map(investor -> tokens.mint(investor, now, settings.tokenLifetime()))
                .toList();
        Files.write(Path.of(args[0]), lines);
        System.out.printf(
                "%d benchmark investors ready (%d accounts opened, %d deposits made); tokens in %s%n",
                lines.size(), seeded.accountsOpened(), seeded.depositsMade(), args[0]);
    }
}
