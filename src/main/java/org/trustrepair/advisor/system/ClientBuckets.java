package org.trustrepair.advisor.system;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One token bucket per client, in memory, at most {@code maxClients} of them: the least recently seen client is
 * forgotten first, so a flood of new addresses costs bounded memory (a forgotten client starts again with a full
 * bucket). IPv6 clients are keyed by their /64 network, since one host usually holds a whole /64.
 */
final class ClientBuckets {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final int requestsPerMinute;
    private final Map<String, Bucket> buckets;

    ClientBuckets(int requestsPerMinute, int maxClients) {
        this.requestsPerMinute = requestsPerMinute;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    Bucket forClient(String remoteAddress) {
        String key = key(remoteAddress);
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> newBucket());
        }
    }

    int clients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1))
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
