package org.trustrepair.advisor.advice.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.trustrepair.advisor.advice.RuleProblem;

/**
 * Compiles the DRL files and decision tables of a rules folder into a Drools {@link KieBase}, and words the
 * compiler's errors for a counsellor ({@link DrlErrors}). A decision table is compiled as the DRL it stands for. The
 * last base made is kept with the files it came from: an edit that leaves every rule file
 * as it was (a text, a question, a guardrail) uses it again instead of compiling the same rules (a base is a function
 * of its rule files alone, and many rule sets may share one: each makes its own sessions).
 */
final class RuleCompiler {

    /** The rule files last compiled without error, by path, and their base. */
    private record Compiled(Map<String, ByteBuffer> ruleFiles, KieBase base) {}

    private static final AtomicReference<Compiled> LAST = new AtomicReference<>();

    private RuleCompiler() {}

    /**
     * The knowledge base of the rule files, or null when they do not compile; each problem goes to {@code problems}
     * in plain words, a decision table's at its row.
     */
    static KieBase compile(RuleFiles files, Map<String, String> drlSources, List<RuleProblem> problems) {
        Map<String, ByteBuffer> ruleFiles = new TreeMap<>(); // a buffer's equals compares its bytes
        for (RuleFiles.RuleFile f : files.files()) {
            if (f.isDrl() || f.isDecisionTable()) {
                ruleFiles.put(f.path(), ByteBuffer.wrap(f.content()));
            }
        }
        Compiled last = LAST.get();
        if (last != null && last.ruleFiles().equals(ruleFiles)) {
            return last.base();
        }
        if (ruleFiles.isEmpty()) {
            problems.add(RuleProblem.of(".", 0, "No rule files (*.drl, *.drl.csv, *.drl.xlsx) found."));
            return null;
        }
        try {
            KnowledgeBuilder mvel = builder(drlSources, "mvel");
            if (!mvel.hasErrors()) {
                InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
                base.addPackages(mvel.getKnowledgePackages());
                LAST.set(new Compiled(ruleFiles, base));
                return base;
            }
            // the Java dialect's messages are the ones worded for counsellors (MVEL repeats some, and adds "Unable to
            // determine the used declarations"); the MVEL ones are said only when Java compiles what MVEL did not
            KnowledgeBuilder java = builder(drlSources, "java");
            problems.addAll(explained(java.hasErrors() ? java : mvel, drlSources));
            return null;
        } catch (RuntimeException e) {
            problems.add(RuleProblem.of(".", 0, "The rules could not be compiled: " + e.getMessage()));
            return null;
        }
    }

    /**
     * The rules compiled with consequences in {@code dialect}. Every consequence of these rules is one
     * {@code insert}, which MVEL compiles in about half the time the Java compiler takes (docs/benchmarks.md); the
     * conditions are the same in either dialect.
     */
    private static KnowledgeBuilder builder(Map<String, String> drlSources, String dialect) {
        Properties properties = new Properties();
        properties.setProperty("drools.dialect.default", dialect);
        KnowledgeBuilder builder =
                KnowledgeBuilderFactory.newKnowledgeBuilder(KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(
                        properties, RuleCompiler.class.getClassLoader()));
        drlSources.forEach((file, drl) -> builder.add(
                ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(file),
                ResourceType.DRL));
        return builder;
    }

    private static List<RuleProblem> explained(KnowledgeBuilder builder, Map<String, String> drlSources) {
        List<RuleProblem> found = new ArrayList<>();
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String file = e.getResource() == null ? "?" : e.getResource().getSourcePath();
            int line = e.getLines().length > 0 ? e.getLines()[0] : 0;
            RuleProblem problem = DrlErrors.explain(file, line, e.getMessage(), drlSources.get(file));
            found.add(DecisionTables.isTable(file) ? inTable(problem, drlSources.get(file)) : problem);
        }
        return DrlErrors.withoutEchoes(found);
    }

    /**
     * A decision table's problems come located in the DRL the table stands for; a counsellor edits the table, so the
     * problem is moved to the table's row (in a CSV table, the row is the line).
     */
    private static RuleProblem inTable(RuleProblem problem, String generatedDrl) {
        if (generatedDrl == null || problem.line() <= 0) {
            return problem;
        }
        String[] lines = generatedDrl.split("\n", -1);
        int row = 0;
        for (int i = 0; i < Math.min(problem.line(), lines.length); i++) {
            row = DecisionTables.rowMarkedBy(lines[i], row);
        }
        return row == 0
                ? new RuleProblem(problem.file(), 0, problem.message(), problem.hint())
                : new RuleProblem(
                        problem.file(), row, "row " + row + " of the table: " + problem.message(), problem.hint());
    }

    /** DRL text per file, the decision tables turned into DRL, for locating rules and scanning advice ids. */
    static Map<String, String> drlSources(RuleFiles files, List<RuleProblem> problems) {
        Map<String, String> result = new TreeMap<>();
        for (RuleFiles.RuleFile f : files.files()) {
            if (f.isDrl()) {
                result.put(f.path(), f.text());
            } else if (f.isDecisionTable()) {
                try {
                    result.put(f.path(), DecisionTables.toDrl(f));
                } catch (RuntimeException e) {
                    problems.add(RuleProblem.of(f.path(), 0, "The decision table cannot be read: " + e.getMessage()));
                }
            }
        }
        return result;
    }
}
