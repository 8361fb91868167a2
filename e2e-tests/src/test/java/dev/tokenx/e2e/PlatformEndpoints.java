package dev.tokenx.e2e;

import java.net.URI;

/**
 * Where a running platform answers, whoever started it: its gateway (HTTP and the realtime WebSocket), and its
 * chain's JSON-RPC for what only the chain can tell (balances) or do (a compliance agent's freeze).
 */
record PlatformEndpoints(URI gateway, String chainRpcUrl) {

    String gatewayUrl() {
        return gateway.toString();
    }
}
