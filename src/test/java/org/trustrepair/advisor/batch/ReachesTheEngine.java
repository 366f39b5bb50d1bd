package org.trustrepair.advisor.batch;

import org.trustrepair.advisor.advice.engine.RuleSet;

/** A door class that breaks the module rules on purpose, for {@code ArchitectureTest} to catch (tests only). */
public class ReachesTheEngine {
    String version(RuleSet rules) {
        return rules.version();
    }
}
