package dev.tokenx.realtime.apps.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PusherAppTest {

    /** The credentials of the worked example in Pusher's "Generating authentication strings" guide. */
    private final PusherApp documented = new PusherApp("3", "278d425bdf160c739803", "7ad3773142a6692b25b8", true);

    private static final String DOCUMENTED_SIGNATURE =
            "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";

    @Nested
    class Private_channel_subscriptions {

        @Test
        void accepts_the_worked_example_of_the_pusher_documentation() {
            assertThat(documented.checkSubscription(
                            "1234.1234", "private-foobar", "278d425bdf160c739803:" + DOCUMENTED_SIGNATURE))
                    .isEqualTo(SubscriptionAuth.AUTHORIZED);
        }

        @Test
        void refuses_the_signature_of_another_socket() {
            assertThat(documented.checkSubscription(
                            "1234.1235", "private-foobar", "278d425bdf160c739803:" + DOCUMENTED_SIGNATURE))
                    .isEqualTo(SubscriptionAuth.WRONG_SIGNATURE);
        }

        @Test
        void refuses_the_signature_of_another_channel() {
            assertThat(documented.checkSubscription(
                            "1234.1234", "private-foobaz", "278d425bdf160c739803:" + DOCUMENTED_SIGNATURE))
                    .isEqualTo(SubscriptionAuth.WRONG_SIGNATURE);
        }

        @Test
        void refuses_another_key() {
            assertThat(documented.checkSubscription("1234.1234", "private-foobar", "other-key:" + DOCUMENTED_SIGNATURE))
                    .isEqualTo(SubscriptionAuth.WRONG_KEY);
        }

        @Test
        void tells_a_missing_auth_from_a_malformed_one() {
            assertThat(documented.checkSubscription("1234.1234", "private-foobar", null))
                    .isEqualTo(SubscriptionAuth.MISSING);
            assertThat(documented.checkSubscription("1234.1234", "private-foobar", DOCUMENTED_SIGNATURE))
                    .isEqualTo(SubscriptionAuth.MALFORMED);
        }
    }

    @Test
    void signs_as_the_pusher_documentation_does() {
        assertThat(documented.sign("1234.1234:private-foobar")).isEqualTo(DOCUMENTED_SIGNATURE);
        assertThat(documented.hasSigned("1234.1234:private-foobar", DOCUMENTED_SIGNATURE.toUpperCase()))
                .isTrue();
        assertThat(documented.hasSigned("1234.1234:private-foobar", null)).isFalse();
    }

    @Test
    void never_shows_its_secret() {
        assertThat(documented.toString()).doesNotContain("7ad3773142a6692b25b8").contains("278d425bdf160c739803");
    }

    @Test
    void needs_a_secret() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PusherApp("3", "key", " ", true));
    }

    @Test
    void finds_apps_by_id_and_by_key_and_refuses_duplicates() {
        PusherApp other = new PusherApp("4", "other-key", "other-secret", true);
        PusherApps apps = new PusherApps(List.of(documented, other));

        assertThat(apps.byId("4")).contains(other);
        assertThat(apps.byKey("278d425bdf160c739803")).contains(documented);
        assertThat(apps.byKey("3")).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PusherApps(List.of(documented, new PusherApp("3", "k", "s", true))))
                .withMessageContaining("share the id 3");
    }
}
