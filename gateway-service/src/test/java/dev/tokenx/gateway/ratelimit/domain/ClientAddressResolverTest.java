package dev.tokenx.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = ClientAddressResolver.trusting(List.of("10.0.0.0/8", "127.0.0.1"));

    @Nested
    class when_the_peer_is_not_a_trusted_proxy {

        @Test
        void ignores_x_forwarded_for_entirely() {
            assertThat(clientOf("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
            assertThat(clientOf("203.0.113.7", "10.0.0.5, 127.0.0.1")).isEqualTo("203.0.113.7");
        }
    }

    @Nested
    class when_the_peer_is_a_trusted_proxy {

        @Test
        void takes_the_address_the_proxy_appended() {
            assertThat(clientOf("10.1.1.1", "198.51.100.23")).isEqualTo("198.51.100.23");
        }

        @Test
        void skips_other_trusted_proxies_from_the_right() {
            assertThat(clientOf("10.1.1.1", "198.51.100.23, 10.2.2.2, 10.3.3.3"))
                    .isEqualTo("198.51.100.23");
        }

        @Test
        void ignores_what_the_client_itself_wrote_to_the_left() {
            // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
            assertThat(clientOf("10.1.1.1", "1.2.3.4, 198.51.100.23")).isEqualTo("198.51.100.23");
        }

        @Test
        void reads_several_header_fields_in_order() {
            assertThat(clientOf("10.1.1.1", "1.2.3.4", "198.51.100.23")).isEqualTo("198.51.100.23");
        }

        @Test
        void uses_the_peer_without_a_header() {
            assertThat(clientOf("10.1.1.1")).isEqualTo("10.1.1.1");
        }

        @Test
        void uses_the_leftmost_when_every_hop_is_trusted() {
            assertThat(clientOf("10.1.1.1", "10.9.9.9, 10.2.2.2")).isEqualTo("10.9.9.9");
        }

        @Test
        void stops_at_an_entry_that_is_no_address_and_never_resolves_names() {
            assertThat(clientOf("10.1.1.1", "198.51.100.23, localhost, 10.2.2.2"))
                    .isEqualTo("10.2.2.2");
            assertThat(clientOf("10.1.1.1", "example.com")).isEqualTo("10.1.1.1");
        }

        @Test
        void understands_ipv6_entries() {
            assertThat(clientOf("127.0.0.1", "2001:db8::17")).isEqualTo("2001:db8:0:0:0:0:0:17");
            assertThat(clientOf("127.0.0.1", "[2001:db8::17]")).isEqualTo("2001:db8:0:0:0:0:0:17");
        }

        @Test
        void drops_the_port_a_proxy_appended() {
            assertThat(clientOf("10.1.1.1", "203.0.113.7:4711")).isEqualTo("203.0.113.7");
            assertThat(clientOf("10.1.1.1", "[2001:db8::1]:4711")).isEqualTo("2001:db8:0:0:0:0:0:1");
            assertThat(clientOf("10.1.1.1", "198.51.100.23, 10.2.2.2:443")).isEqualTo("198.51.100.23");
        }

        @Test
        void takes_no_port_that_is_not_one() {
            assertThat(clientOf("10.1.1.1", "203.0.113.7:http")).isEqualTo("10.1.1.1");
            assertThat(clientOf("10.1.1.1", "[2001:db8::1]:")).isEqualTo("10.1.1.1");
        }
    }

    @Nested
    class the_key_a_client_is_counted_by {

        @Test
        void is_an_ipv4_address_itself() {
            assertThat(resolver.keyOf(address("203.0.113.7"), List.of())).isEqualTo("203.0.113.7");
        }

        @Test
        void is_the_64_bit_prefix_of_an_ipv6_address() {
            assertThat(resolver.keyOf(address("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), List.of()))
                    .isEqualTo("2001:db8:1:2:0:0:0:0/64")
                    .isEqualTo(resolver.keyOf(address("2001:db8:1:2::1"), List.of()));
            assertThat(resolver.keyOf(address("2001:db8:1:3::1"), List.of())).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        }

        @Test
        void is_the_prefix_of_a_forwarded_ipv6_client() {
            assertThat(resolver.keyOf(address("10.1.1.1"), List.of("[2001:db8:5:6::42]:4711")))
                    .isEqualTo("2001:db8:5:6:0:0:0:0/64");
        }
    }

    @Test
    void trusts_nobody_when_no_proxy_is_configured() {
        ClientAddressResolver direct = ClientAddressResolver.trusting(List.of(""));

        assertThat(direct.clientOf(address("127.0.0.1"), List.of("198.51.100.23"))
                        .getHostAddress())
                .isEqualTo("127.0.0.1");
    }

    private String clientOf(String peer, String... forwardedFor) {
        return resolver.clientOf(address(peer), List.of(forwardedFor)).getHostAddress();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
