package dev.tokenx.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/** The trade flow on the local platform, as {@code run-local.sh} starts it. */
@ExtendWith(SharedPlatform.class)
class TradeFlowIT extends TradeFlowStory {}
