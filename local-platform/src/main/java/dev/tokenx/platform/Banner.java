package dev.tokenx.platform;

import dev.tokenx.infra.ServiceProcess;

/** What runs where, and a curl session to paste. */
final class Banner {

    private Banner() {}

    static String of(RunningPlatform platform) {
        PlatformSettings settings = platform.settings();
        LocalInfrastructure infra = platform.infrastructure();
        StringBuilder text = new StringBuilder("\n=== tokenx platform is up ===\n\n");
        for (ServiceProcess service : platform.services()) {
            text.append(String.format(
                    "  %-22s http://localhost:%-6d pid %-8d log %s%n",
                    service.module(), service.port(), service.pid(), service.log()));
        }
        text.append(String.format(
                        "%n  %-22s %s (SASL: super user %s, a SCRAM user per service)%n",
                        "Kafka (KRaft)", infra.kafka().bootstrapServers(), LocalInfrastructure.KAFKA_SUPER_USER))
                .append(String.format(
                        "  %-22s %s (superuser %s; roles %s)%n",
                        "PostgreSQL",
                        infra.postgres().jdbcUrl(LocalInfrastructure.ORDERS_DATABASE),
                        infra.postgres().username(),
                        String.join(", ", LocalInfrastructure.DATABASE_OWNERS.values())))
                .append(String.format(
                        "  %-22s %s (admin %s, a user per service)%n",
                        "Redis", infra.redis().uri(), RedisAccess.ADMIN))
                .append(String.format(
                        "  %-22s %s%n", "passwords", settings.dataDir().resolve(LocalCredentials.FILE_NAME)))
                .append(String.format(
                        "  %-22s %s (chain id %d)%n",
                        "anvil", infra.anvil().rpcUrl(), infra.anvil().chainId()))
                .append(String.format(
                        "  %-22s key %s, ws://localhost:%d/app/%s (through the gateway)%n",
                        "Pusher app",
                        ServiceLineup.REALTIME_APP_KEY,
                        settings.ports().gateway(),
                        ServiceLineup.REALTIME_APP_KEY))
                .append(String.format("  %-22s %s%n", "data folder", settings.dataDir()));
        infra.deployments()
                .contractBySymbol()
                .forEach(
                        (symbol, address) -> text.append(String.format("  %-22s %s%n", symbol + " contract", address)));
        String gateway = settings.gatewayUrl();
        text.append("\nTry it (demo users alice/alice-demo, bob/bob-demo, admin/admin-demo):\n\n")
                .append("  TOKEN=$(curl -s -X POST ")
                .append(gateway)
                .append("/api/auth/token -H 'Content-Type: application/json' \\\n")
                .append(
                        "    -d '{\"username\":\"alice\",\"password\":\"alice-demo\"}' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n")
                .append("  curl -i -X POST ")
                .append(gateway)
                .append("/api/trading/place-order -H \"Authorization: Bearer $TOKEN\" \\\n")
                .append("    -H 'Content-Type: application/json' -H \"Idempotency-Key: $(date +%s%N)\" \\\n")
                .append("    -d '{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":10}'\n")
                .append("  curl -s ")
                .append(gateway)
                .append("/api/trading/place-order -H \"Authorization: Bearer $TOKEN\"\n")
                .append(
                        "\nCtrl-C stops everything; the data stays for the next run (run-local.sh --clean starts afresh).\n");
        return text.toString();
    }
}
