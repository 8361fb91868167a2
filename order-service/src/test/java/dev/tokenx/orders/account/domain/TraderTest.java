package dev.tokenx.orders.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraderTest {

    private static final UUID USER = UUID.fromString("a11ce000-0000-4000-8000-000000000001");

    @Test
    void settles_to_an_evm_address_only() {
        assertThat(new Trader(USER, KycStatus.VERIFIED, Optional.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
                        .mayTrade())
                .isTrue();
        for (String malformed :
                new String[] {"0xattacker", "70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x" + "g".repeat(40)}) {
            assertThatThrownBy(() -> new Trader(USER, KycStatus.VERIFIED, Optional.of(malformed)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(malformed);
        }
    }
}
