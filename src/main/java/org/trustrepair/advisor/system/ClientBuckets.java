package org.trustrepair.advisor.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One token bucket per client, in memory (a Caffeine cache), at most {@code maxClients} of them, so a flood of new
 * addresses costs bounded memory: past that size Caffeine forgets the clients seen least often and least recently.
 * A client silent for a minute is forgotten too, which changes nothing: its bucket would be full again by then. A
 * forgotten client starts again with a full bucket. IPv6 clients are keyed by their /64 network, since one host
 * usually holds a whole /64.
 */
final class ClientBuckets {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Duration REFILL = Duration.ofMinutes(1);

    private final int requestsPerMinute;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(int requestsPerMinute, int maxClients) {
        this(requestsPerMinute, maxClients, Caffeine.newBuilder());
    }

    /** For tests: {@code builder} may carry a fake ticker and a same-thread executor. */
    ClientBuckets(int requestsPerMinute, int maxClients, Caffeine<Object, Object> builder) {
        this.requestsPerMinute = requestsPerMinute;
        this.buckets = builder.maximumSize(maxClients).expireAfterAccess(REFILL).build();
    }

    Bucket forClient(String remoteAddress) {
        return buckets.get(key(remoteAddress), k -> newBucket());
    }

    /** How many clients are remembered now (after Caffeine's pending maintenance). */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, REFILL)
                        .build())
                .build();
    }

    /** The address itself for IPv4; the first 64 bits for IPv6. Never resolves a name. */
    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        if (!IPV6_LITERAL.matcher(remoteAddress).matches()) {
            return remoteAddress;
        }
        try {
            // only hex digits, colons and dots: getByName parses the literal and never looks a name up
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
