package dev.tokenx.notifications.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriptionRequestTest {

    private static final UUID ALICE = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    private static final UUID BOB = UUID.fromString("b0b00000-0000-4000-8000-000000000002");

    @Nested
    class Belongs_to_a_user {

        @Test
        void when_it_is_for_the_users_own_private_channel() {
            assertThat(new SubscriptionRequest("1.2", "private-user-" + ALICE).isOwnChannelOf(ALICE))
                    .isTrue();
        }

        @Test
        void not_when_it_is_for_another_users_channel() {
            assertThat(new SubscriptionRequest("1.2", "private-user-" + BOB).isOwnChannelOf(ALICE))
                    .isFalse();
        }

        @Test
        void not_when_it_is_for_a_public_presence_or_encrypted_channel() {
            for (String channel :
                    new String[] {"system", "user-" + ALICE, "presence-user-" + ALICE, "private-encrypted-user-" + ALICE
                    }) {
                assertThat(new SubscriptionRequest("1.2", channel).isOwnChannelOf(ALICE))
                        .as(channel)
                        .isFalse();
            }
        }

        @Test
        void not_when_the_id_is_written_in_capitals() {
            assertThat(new SubscriptionRequest(
                                    "1.2", "private-user-" + ALICE.toString().toUpperCase())
                            .isOwnChannelOf(ALICE))
                    .isFalse();
        }
    }

    @Nested
    class Is_refused {

        @Test
        void without_a_socket_id() {
            assertInvalid(null, "private-user-" + ALICE, "socket_id", "is required");
            assertInvalid("", "private-user-" + ALICE, "socket_id", "is required");
        }

        @Test
        void with_a_socket_id_that_is_not_two_numbers_joined_by_a_dot() {
            for (String socketId :
                    new String[] {"123", "123.", ".456", "12a.45", "1.2.3", "1.2 ", "1" + "0".repeat(19) + ".1"}) {
                assertInvalid(socketId, "private-user-" + ALICE, "socket_id", "must look like 1234.5678");
            }
        }

        @Test
        void without_a_channel_name() {
            assertInvalid("1.2", null, "channel_name", "is required");
        }

        @Test
        void with_a_channel_name_pusher_does_not_allow() {
            assertInvalid("1.2", "private-user-<script>", "channel_name", "must be at most 164 characters");
            assertInvalid("1.2", "x".repeat(165), "channel_name", "must be at most 164 characters");
        }

        private void assertInvalid(String socketId, String channelName, String field, String problem) {
            assertThatThrownBy(() -> new SubscriptionRequest(socketId, channelName))
                    .isInstanceOfSatisfying(InvalidSubscriptionRequest.class, invalid -> {
                        assertThat(invalid.field()).isEqualTo(field);
                        assertThat(invalid.problem()).startsWith(problem);
                    });
        }
    }
}
