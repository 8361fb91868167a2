package dev.tokenx.e2e;

import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The trade flow on docker-compose.yml, where a Docker engine runs; skipped (reported as such) where none does, as on
 * the machines this project is built on.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(ComposePlatform.class)
class ComposeTradeFlowIT extends TradeFlowStory {}
