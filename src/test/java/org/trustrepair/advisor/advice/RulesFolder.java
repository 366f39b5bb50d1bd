package org.trustrepair.advisor.advice;

import java.nio.file.Path;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** The repository's own rules folder, built once for all tests that need it. */
public final class RulesFolder {

    public static final Path PATH = Path.of("rules");
    private static RuleSet ruleSet;

    private RulesFolder() {}

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(PATH));
        }
        return ruleSet;
    }

    public static Advisor advisor() {
        return new Advisor(ruleSet());
    }
}
