package org.trustrepair.advisor.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client limit on posts (answers to the API, the questionnaire's forms). {@code requestsPerMinute}: posts one
 * client may make in a minute, refilled evenly; {@code maxClients}: how many clients are remembered at once (those seen
 * least often and least recently are forgotten first), which bounds the memory the limiter takes.
 */
@ConfigurationProperties("advisor.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("120") int requestsPerMinute,
        @DefaultValue("10000") int maxClients) {

    RateLimitSettings {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("advisor.rate-limit.requests-per-minute must be at least 1");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("advisor.rate-limit.max-clients must be at least 1");
        }
    }
}
