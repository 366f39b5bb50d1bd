package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-client buckets take bounded memory and key IPv6 clients by network. */
class ClientBucketsTest {

    @Test
    void remembersAtMostMaxClientsForgettingTheLeastRecentlySeen() {
        ClientBuckets buckets = new ClientBuckets(1, 3);
        assertThat(buckets.forClient("10.0.0.1").tryConsume(1)).isTrue();
        assertThat(buckets.forClient("10.0.0.1").tryConsume(1)).isFalse();
        buckets.forClient("10.0.0.2");
        buckets.forClient("10.0.0.3");
        buckets.forClient("10.0.0.2");

        buckets.forClient("10.0.0.4");

        assertThat(buckets.clients()).isEqualTo(3);
        assertThat(buckets.forClient("10.0.0.1").tryConsume(1))
                .as("forgotten, so a full bucket again")
                .isTrue();
        for (int i = 0; i < 100_000; i++) {
            buckets.forClient("10.1." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(buckets.clients()).isEqualTo(3);
    }

    @Test
    void keysIpv4ByAddressAndIpv6ByItsSlash64() {
        assertThat(ClientBuckets.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientBuckets.key("2001:db8:0:1::1"))
                .isEqualTo(ClientBuckets.key("2001:db8:0:1:abcd::2"))
                .isEqualTo("v6:20010db800000001");
        assertThat(ClientBuckets.key("2001:db8:0:2::1")).isNotEqualTo(ClientBuckets.key("2001:db8:0:1::1"));
        assertThat(ClientBuckets.key("not-an-address:x")).isEqualTo("not-an-address:x");
    }
}
