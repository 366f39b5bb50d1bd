package org.trustrepair.advisor.advice;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the core. {@code rulesDir}: the rules folder read at start ({@code --advisor.rules-dir=PATH}); when it
 * does not exist, the copy packaged in the jar is used. {@code maxFirings}: the most rule firings one evaluation may
 * take before it is stopped as runaway. {@code maxEvaluationMillis}: the longest one evaluation may run before it is
 * stopped as runaway (a sound rule set needs well under a millisecond).
 */
@ConfigurationProperties("advisor")
public record AdvisorSettings(
        @DefaultValue("rules") Path rulesDir,
        @DefaultValue("10000") int maxFirings,
        @DefaultValue("2000") long maxEvaluationMillis) {

    public java.time.Duration maxEvaluationTime() {
        return java.time.Duration.ofMillis(maxEvaluationMillis);
    }
}
