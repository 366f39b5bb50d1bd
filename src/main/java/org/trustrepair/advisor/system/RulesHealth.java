package org.trustrepair.advisor.system;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import org.trustrepair.advisor.advice.Advisor;

/**
 * Health contributor {@code rules}, part of the readiness group: UP while the advisor serves a rule set, with its
 * version. The advisor is built from the rules at start (a rule set that does not build stops start-up), so the server
 * is ready only once a rule set is loaded; a reload that is refused leaves the serving rule set, and so readiness, as
 * they were.
 */
@Component("rules")
class RulesHealth implements HealthIndicator {

    private final Advisor advisor;

    RulesHealth(Advisor advisor) {
        this.advisor = advisor;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("rulesVersion", advisor.rulesVersion()).build();
    }
}
