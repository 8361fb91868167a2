package dev.tokenx.blockchain.network.web;

import java.util.List;

/** {@code {"chainId": 31337, "tokens": [{"symbol": "BLRTECH", "contractAddress": "0x…"}]}} */
record ChainView(long chainId, List<TokenView> tokens) {

    record TokenView(String symbol, String contractAddress) {}
}
