package org.trustrepair.advisor.advice;

import java.nio.file.Path;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * The repository's own rules folder, built once for all tests that need it; and the frozen rule set the proof's
 * machinery is tested on ({@link #FIXTURE}, see src/test/resources/fixture/README.md).
 */
public final class RulesFolder {

    public static final Path PATH = Path.of("rules");
    public static final Path FIXTURE = Path.of("src/test/resources/fixture/rules");
    public static final Path FIXTURE_SAMPLES = Path.of("src/test/resources/fixture/samples");
    private static RuleSet ruleSet;
    private static RuleSet fixture;

    private RulesFolder() {}

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(PATH));
        }
        return ruleSet;
    }

    /** The frozen rule set the machinery tests edit copies of. */
    public static synchronized RuleSet fixture() {
        if (fixture == null) {
            fixture = new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(FIXTURE));
        }
        return fixture;
    }

    public static Advisor advisor() {
        return new Advisor(ruleSet());
    }
}
