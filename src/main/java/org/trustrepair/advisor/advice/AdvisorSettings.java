package org.trustrepair.advisor.advice;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the core, under {@code advisor}.
 *
 * @param rulesDir The rules folder read at start (--advisor.rules-dir=PATH, or ADVISOR_RULES_DIR). When it does
 *     not exist, the copy packaged in the jar is served, and the log says so.
 * @param maxFirings The most rule firings one evaluation may take before it is stopped as runaway.
 * @param maxEvaluationMillis The longest one evaluation may run, in milliseconds, before it is stopped as runaway (a
 *     sound rule set needs well under one).
 */
@ConfigurationProperties("advisor")
@Validated
public record AdvisorSettings(
        @DefaultValue("rules") Path rulesDir,
        @DefaultValue("10000") @Min(1) int maxFirings,
        @DefaultValue("2000") @Min(1) long maxEvaluationMillis) {

    public Duration maxEvaluationTime() {
        return Duration.ofMillis(maxEvaluationMillis);
    }
}
