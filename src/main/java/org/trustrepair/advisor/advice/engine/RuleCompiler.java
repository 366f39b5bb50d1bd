package org.trustrepair.advisor.advice.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.trustrepair.advisor.advice.RuleProblem;

/**
 * Compiles the DRL files and decision tables of a rules folder into a Drools {@link KieBase}, and words the
 * compiler's errors for a counsellor ({@link DrlErrors}). Each build is its own module in Drools' repository, removed
 * once the base is made. The last base made is kept with the files it came from: an edit that leaves every rule file
 * as it was (a text, a question, a guardrail) uses it again instead of compiling the same rules (a base is a function
 * of its rule files alone, and many rule sets may share one: each makes its own sessions).
 */
final class RuleCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();

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
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId(
                "org.trustrepair.rules", "ruleset-" + files.version(), "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        if (ruleFiles.isEmpty()) {
            problems.add(RuleProblem.of(".", 0, "No rule files (*.drl, *.drl.csv, *.drl.xlsx) found."));
            return null;
        }
        for (RuleFiles.RuleFile f : files.files()) {
            if (f.isDrl() || f.isDecisionTable()) {
                kfs.write("src/main/resources/rules/" + f.path(), f.content());
            }
        }
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            boolean failed = false;
            List<RuleProblem> found = new ArrayList<>();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                failed = true;
                String file = stripPrefix(m.getPath());
                RuleProblem problem = DrlErrors.explain(file, m.getLine(), m.getText(), drlSources.get(file));
                found.add(DecisionTables.isTable(file) ? inTable(problem, drlSources.get(file)) : problem);
            }
            problems.addAll(DrlErrors.withoutEchoes(found));
            if (failed) {
                ks.getRepository().removeKieModule(releaseId);
                return null;
            }
            KieContainer container = ks.newKieContainer(releaseId);
            KieBase base = container.getKieBase();
            ks.getRepository().removeKieModule(releaseId);
            LAST.set(new Compiled(ruleFiles, base));
            return base;
        } catch (RuntimeException e) {
            ks.getRepository().removeKieModule(releaseId);
            problems.add(RuleProblem.of(".", 0, "The rules could not be compiled: " + e.getMessage()));
            return null;
        }
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

    private static String stripPrefix(String path) {
        if (path == null) {
            return "?";
        }
        return path.replaceFirst("^src/main/resources/", "").replaceFirst("^rules/", "");
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
