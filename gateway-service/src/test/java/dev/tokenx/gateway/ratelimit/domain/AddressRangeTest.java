package dev.tokenx.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.255.3.4, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "192.168.1.0/25, 192.168.1.127, true",
        "192.168.1.0/25, 192.168.1.128, false",
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.2, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "fd00::/8, fd12:3456::1, true",
        "fd00::/8, fe80::1, false",
        "2001:db8::/64, 2001:db8::ffff:1, true",
        "2001:db8::/64, 2001:db8:0:1::1, false",
        "10.0.0.0/8, ::1, false",
        "::1, ::1, true"
    })
    void matches_addresses_by_prefix(String cidr, String address, boolean contained) throws UnknownHostException {
        assertThat(AddressRange.parse(cidr).contains(InetAddress.getByName(address)))
                .isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "", "::1/129"})
    void refuses_what_is_not_an_address_or_block(String cidr) {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse(cidr));
    }
}
