package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client buckets take bounded memory and key IPv6 clients by network. */
class ClientBucketsTest {

    private final AtomicLong nanos = new AtomicLong();

    private ClientBuckets buckets(int requestsPerMinute, int maxClients) {
        return new ClientBuckets(
                requestsPerMinute,
                maxClients,
                Caffeine.newBuilder().executor(Runnable::run).ticker(nanos::get));
    }

    @Test
    void aClientPastItsLimitIsRefusedAndOthersAreNot() {
        ClientBuckets buckets = buckets(1, 3);

        assertThat(buckets.forClient("10.0.0.1").tryConsume(1)).isTrue();
        assertThat(buckets.forClient("10.0.0.1").tryConsume(1)).isFalse();
        assertThat(buckets.forClient("10.0.0.2").tryConsume(1)).isTrue();
    }

    @Test
    void remembersAtMostMaxClientsHoweverManyAddressesCome() {
        ClientBuckets buckets = buckets(1, 3);

        for (int i = 0; i < 100_000; i++) {
            buckets.forClient("10.1." + (i >> 8 & 255) + "." + (i & 255));
        }

        assertThat(buckets.clients()).isLessThanOrEqualTo(3);
    }

    @Test
    void forgetsAClientSilentForAMinuteWhoseBucketWouldBeFullAgain() {
        ClientBuckets buckets = buckets(1, 3);
        assertThat(buckets.forClient("10.0.0.1").tryConsume(1)).isTrue();
        assertThat(buckets.clients()).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(buckets.clients()).isZero();
        assertThat(buckets.forClient("10.0.0.1").tryConsume(1))
                .as("forgotten, so a full bucket again")
                .isTrue();
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
