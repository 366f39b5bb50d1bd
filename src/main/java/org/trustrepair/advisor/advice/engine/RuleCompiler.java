package org.trustrepair.advisor.advice.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.trustrepair.advisor.advice.RuleProblem;

/**
 * Compiles the DRL files and decision tables of a rules folder into a Drools {@link KieBase}, and words the
 * compiler's errors for a counsellor ({@link DrlErrors}). A decision table is compiled as the DRL it stands for.
 *
 * <p>Each file is compiled on its own, and what it compiles to is kept with its text: the next build compiles only the
 * files that changed and makes the base from the kept packages of the others (an edit of one rule file compiles a
 * tenth of the rules; docs/benchmarks.md). Drools gives a new base its own copy of a package another base already
 * uses, so the base that serves meanwhile is never touched. When a file does not compile alone, or two files name a
 * rule alike, all the files are compiled together, as one compiler sees them: that compiler's verdict and messages
 * are the ones given (a type declared in one file and used in another compiles only so).
 */
final class RuleCompiler {

    /** A file's text and the packages it compiled to. */
    private record Compiled(String drl, Collection<KiePackage> packages) {}

    /** The files of the last build that compiled file by file (by path), the base made of them, and which were new. */
    private record Last(Map<String, Compiled> files, KieBase base, Set<String> compiled) {}

    private static final AtomicReference<Last> LAST = new AtomicReference<>(new Last(Map.of(), null, Set.of()));

    private RuleCompiler() {}

    /**
     * The knowledge base of the rule files (DRL by path), or null when they do not compile; each problem goes to
     * {@code problems} in plain words, a decision table's at its row.
     */
    static KieBase compile(Map<String, String> drlSources, List<RuleProblem> problems) {
        if (drlSources.isEmpty()) {
            problems.add(RuleProblem.of(".", 0, "No rule files (*.drl, *.drl.csv, *.drl.xlsx) found."));
            return null;
        }
        try {
            Last last = LAST.get();
            Map<String, Compiled> compiled = new TreeMap<>();
            Set<String> anew = new TreeSet<>();
            for (Map.Entry<String, String> file : drlSources.entrySet()) {
                Compiled kept = last.files().get(file.getKey());
                if (kept == null || !kept.drl().equals(file.getValue())) {
                    KnowledgeBuilder alone = builder(Map.ofEntries(file));
                    if (alone.hasErrors()) {
                        return together(drlSources, problems);
                    }
                    kept = new Compiled(file.getValue(), alone.getKnowledgePackages());
                    anew.add(file.getKey());
                }
                compiled.put(file.getKey(), kept);
            }
            if (anew.isEmpty() && compiled.keySet().equals(last.files().keySet())) {
                return last.base(); // the same rule files: the same base (each rule set makes its own sessions)
            }
            List<String> names = compiled.values().stream()
                    .flatMap(c -> c.packages().stream())
                    .flatMap(p -> p.getRules().stream())
                    .map(Rule::getName)
                    .toList();
            if (new HashSet<>(names).size() < names.size()) {
                return together(drlSources, problems); // one compiler names the rule used twice
            }
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
            compiled.values().forEach(c -> base.addPackages(c.packages()));
            LAST.set(new Last(compiled, base, anew));
            return base;
        } catch (RuntimeException e) {
            problems.add(RuleProblem.of(".", 0, "The rules could not be compiled: " + e.getMessage()));
            return null;
        }
    }

    /** The files the last build that compiled file by file had to compile (the others it kept), for tests. */
    static Set<String> compiledByLastBuild() {
        return LAST.get().compiled();
    }

    /** All the files compiled by one compiler: its base, or null with its problems. */
    private static KieBase together(Map<String, String> drlSources, List<RuleProblem> problems) {
        KnowledgeBuilder builder = builder(drlSources);
        if (builder.hasErrors()) {
            List<RuleProblem> found = new ArrayList<>();
            for (KnowledgeBuilderError e : builder.getErrors()) {
                String file = e.getResource() == null ? "?" : e.getResource().getSourcePath();
                int line = e.getLines().length > 0 ? e.getLines()[0] : 0;
                String drl = drlSources.get(file);
                RuleProblem problem = DrlErrors.explain(file, line, e.getMessage(), drl);
                found.add(DecisionTables.isTable(file) ? inTable(problem, drl) : problem);
            }
            problems.addAll(DrlErrors.withoutEchoes(found));
            return null;
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }

    private static KnowledgeBuilder builder(Map<String, String> drlSources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RulesClassLoader.SHARED));
        drlSources.forEach((file, drl) -> builder.add(
                ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(file),
                ResourceType.DRL));
        return builder;
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
                    problems.add(DecisionTables.unreadable(f.path(), e.getMessage()));
                }
            }
        }
        return result;
    }
}
