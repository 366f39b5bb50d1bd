package org.trustrepair.advisor.system;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on a request, under {@code advisor}.
 *
 * @param maxBodyBytes The largest request body, in bytes; past it, 413 with a problem+json body (at least 1).
 */
@ConfigurationProperties("advisor")
@Validated
record RequestLimitSettings(@DefaultValue("16384") @Min(1) long maxBodyBytes) {}
