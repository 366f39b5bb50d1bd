package org.trustrepair.advisor.system;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client limit on posts (answers to the API, the questionnaire's forms), under {@code advisor.rate-limit}.
 *
 * @param enabled Whether to limit posts per client (off behind a fleet's proxy, which limits for all replicas).
 * @param requestsPerMinute Posts one client may make in a minute, refilled evenly (at least 1).
 * @param maxClients How many clients are remembered at once, those seen least often and least recently forgotten
 *     first: bounds the memory the limiter takes (at least 1).
 */
@ConfigurationProperties("advisor.rate-limit")
@Validated
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("120") @Min(1) int requestsPerMinute,
        @DefaultValue("10000") @Min(1) int maxClients) {}
