package dev.tokenx.blockchain.network.web;

import dev.tokenx.blockchain.network.ChainProperties;
import dev.tokenx.blockchain.network.TokenProperties;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the tokens live: the chain id and each token's contract, so anyone can check a transfer on chain. */
@RestController
class ChainController {

    private final ChainProperties chain;
    private final TokenProperties tokens;

    ChainController(ChainProperties chain, TokenProperties tokens) {
        this.chain = chain;
        this.tokens = tokens;
    }

    @GetMapping("/api/chain")
    ChainView chain() {
        List<ChainView.TokenView> contracts = tokens.tokens().entrySet().stream()
                .map(token ->
                        new ChainView.TokenView(token.getKey(), token.getValue().contractAddress()))
                .toList();
        return new ChainView(chain.chainId(), contracts);
    }
}
