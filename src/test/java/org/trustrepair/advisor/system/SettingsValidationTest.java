package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.trustrepair.advisor.advice.AdvisorSettings;

/** A limit set out of range stops start-up with a message naming the setting and the rule it breaks. */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AdvisorSettings.class, RateLimitSettings.class, RequestLimitSettings.class})
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "advisor.max-firings",
                "advisor.max-evaluation-millis",
                "advisor.max-body-bytes",
                "advisor.rate-limit.requests-per-minute",
                "advisor.rate-limit.max-clients"
            })
    void aLimitBelowOneIsRefusedByName(String setting) {
        context.withPropertyValues(setting + "=0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .hasStackTraceContaining(setting)
                    .hasStackTraceContaining("must be greater than or equal to 1");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "advisor.max-firings",
                "advisor.max-evaluation-millis",
                "advisor.max-body-bytes",
                "advisor.rate-limit.requests-per-minute",
                "advisor.rate-limit.max-clients"
            })
    void oneIsEnough(String setting) {
        context.withPropertyValues(setting + "=1")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
