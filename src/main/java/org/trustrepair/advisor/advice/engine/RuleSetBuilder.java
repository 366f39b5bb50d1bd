package org.trustrepair.advisor.advice.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RuleSetException;

/**
 * Builds a {@link RuleSet} from the files of a rules folder and refuses one that is incomplete: rules that do not
 * compile, a rule without its id, reason or sources, an advice id without text, a text no rule uses, a source key not
 * in {@code sources.yaml}, a questionnaire that does not cover the contract's values.
 */
public final class RuleSetBuilder {

    /** What sort of act a piece of advice is; the guardrails read these. */
    public static final Set<String> KINDS = Set.of(
            "apology",
            "contact",
            "reconciliation",
            "couples-counselling",
            "transparency",
            "crisis-line",
            "safety-help",
            "pressure",
            "concealment",
            "surveillance",
            "reflection",
            "professional-help",
            "action",
            "acceptance");

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ADVICE_ID = Pattern.compile("new\\s+(Advice|Withhold)\\s*\\(\\s*\"([^\"]*)\"");
    /** The decision-table compiler marks each generated rule with the row it comes from: "rule values at A10". */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    private static final Pattern SOURCE_SPLIT = Pattern.compile("\\s*,\\s*");

    /** The time one evaluation may take unless told otherwise: thousands of times what a sound rule set needs. */
    public static final java.time.Duration DEFAULT_MAX_EVALUATION_TIME = java.time.Duration.ofSeconds(2);

    private final int maxFirings;
    private final java.time.Duration maxEvaluationTime;

    public RuleSetBuilder(int maxFirings) {
        this(maxFirings, DEFAULT_MAX_EVALUATION_TIME);
    }

    /** Rule sets whose evaluations stop after {@code maxFirings} firings or {@code maxEvaluationTime}, whichever first. */
    public RuleSetBuilder(int maxFirings, java.time.Duration maxEvaluationTime) {
        this.maxFirings = maxFirings;
        this.maxEvaluationTime = maxEvaluationTime;
    }

    /** Builds the rule set, or throws {@link RuleSetException} naming every problem with its file and line. */
    public RuleSet build(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        Catalogue catalogue = CatalogueReader.read(files, problems);
        Map<String, String> drlSources = drlSources(files, problems);
        KieBase kieBase = compile(files, drlSources, problems);
        if (kieBase == null) {
            throw new RuleSetException(files.origin(), problems);
        }
        Map<String, RuleInfo> rules = ruleInfo(kieBase, drlSources, catalogue, problems);
        checkAdviceIds(drlSources, catalogue, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(files.origin(), problems);
        }
        return new RuleSet(
                files.version(), files.origin(), kieBase, catalogue, rules, drlSources, maxFirings, maxEvaluationTime);
    }

    // ---- compiling

    private KieBase compile(RuleFiles files, Map<String, String> drlSources, List<RuleProblem> problems) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId(
                "org.trustrepair.rules", "ruleset-" + files.version(), "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        int ruleFiles = 0;
        for (RuleFiles.RuleFile f : files.files()) {
            if (f.isDrl() || f.isDecisionTable()) {
                kfs.write("src/main/resources/rules/" + f.path(), f.content());
                ruleFiles++;
            }
        }
        if (ruleFiles == 0) {
            problems.add(RuleProblem.of(".", 0, "No rule files (*.drl, *.drl.csv, *.drl.xlsx) found."));
            return null;
        }
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            boolean failed = false;
            List<RuleProblem> found = new ArrayList<>();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                failed = true;
                String file = stripPrefix(m.getPath());
                RuleProblem problem = DrlErrors.explain(file, m.getLine(), m.getText());
                found.add(isTable(file) ? inTable(problem, drlSources.get(file)) : problem);
            }
            problems.addAll(DrlErrors.withoutEchoes(found));
            if (failed) {
                ks.getRepository().removeKieModule(releaseId);
                return null;
            }
            KieContainer container = ks.newKieContainer(releaseId);
            KieBase base = container.getKieBase();
            ks.getRepository().removeKieModule(releaseId);
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
            Matcher r = TABLE_ROW.matcher(lines[i]);
            if (r.find()) {
                row = Integer.parseInt(r.group(1));
            }
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
    private static Map<String, String> drlSources(RuleFiles files, List<RuleProblem> problems) {
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

    // ---- rule metadata

    private static Map<String, RuleInfo> ruleInfo(
            KieBase kieBase, Map<String, String> drlSources, Catalogue catalogue, List<RuleProblem> problems) {
        Map<String, int[]> lines = new HashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        drlSources.forEach((file, text) -> {
            String[] all = text.split("\n", -1);
            int row = 0;
            for (int i = 0; i < all.length; i++) {
                Matcher r = TABLE_ROW.matcher(all[i]);
                if (r.find()) {
                    row = Integer.parseInt(r.group(1));
                }
                Matcher m = RULE_NAME.matcher(all[i]);
                if (m.find()) {
                    fileOf.put(m.group(1), file);
                    // a rule of a table is located by its row (in a CSV table, the row is the line)
                    lines.put(m.group(1), new int[] {isTable(file) ? row : i + 1});
                }
            }
        });
        Map<String, RuleInfo> result = new TreeMap<>();
        Map<String, String> ids = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String name = rule.getName();
                String file = fileOf.getOrDefault(name, pkg.getName());
                int line = lines.containsKey(name) ? lines.get(name)[0] : 0;
                Map<String, Object> meta = rule.getMetaData();
                String id = text(meta.get("id"));
                String reason = text(meta.get("reason"));
                String sources = text(meta.get("sources"));
                String where = "rule \"" + name + "\"";
                if (id.isBlank()) {
                    problems.add(new RuleProblem(
                            file,
                            line,
                            where + " has no @id.",
                            "Add a short stable name, such as @id(\"step-back-after-no-contact\")."));
                } else if (ids.containsKey(id)) {
                    problems.add(RuleProblem.of(
                            file,
                            line,
                            where + " uses @id(\"" + id + "\"), already used by rule \"" + ids.get(id) + "\"."));
                } else {
                    ids.put(id, name);
                }
                if (reason.isBlank()) {
                    problems.add(new RuleProblem(
                            file,
                            line,
                            where + " has no @reason.",
                            "Say in plain words why this advice fits, for the person reading the plan."));
                }
                for (String field : PlanMaker.placeholders(reason)) {
                    if (!PlanMaker.FIELDS.contains(field)) {
                        problems.add(new RuleProblem(
                                file,
                                line,
                                where + " names {" + field + "} in its reason, which is not " + "an answer.",
                                "Answers a reason can name: " + String.join(", ", new TreeSet<>(PlanMaker.FIELDS))
                                        + "."));
                    }
                }
                List<String> keys = sources.isBlank() ? List.of() : Arrays.asList(SOURCE_SPLIT.split(sources.trim()));
                if (keys.isEmpty()) {
                    problems.add(new RuleProblem(
                            file,
                            line,
                            where + " has no @sources.",
                            "Name the keys of the research or guidance behind it, as listed in sources.yaml."));
                }
                for (String key : keys) {
                    if (!catalogue.sources().containsKey(key)) {
                        problems.add(new RuleProblem(
                                file,
                                line,
                                where + " cites source \"" + key + "\", which sources.yaml does not list.",
                                "Add it to sources.yaml or correct the key."));
                    }
                }
                result.put(name, new RuleInfo(name, id, reason, keys, file, line));
            }
        }
        return result;
    }

    private static boolean isTable(String file) {
        return file.matches(".*\\.drl\\.(csv|xls|xlsx)$");
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static void checkAdviceIds(
            Map<String, String> drlSources, Catalogue catalogue, List<RuleProblem> problems) {
        Map<String, String> used = new LinkedHashMap<>();
        drlSources.forEach((file, text) -> {
            String[] all = text.split("\n", -1);
            int row = 0;
            for (int i = 0; i < all.length; i++) {
                Matcher r = TABLE_ROW.matcher(all[i]);
                if (r.find()) {
                    row = Integer.parseInt(r.group(1));
                }
                Matcher m = ADVICE_ID.matcher(all[i]);
                while (m.find()) {
                    String id = m.group(2);
                    used.putIfAbsent(id, file);
                    if (!catalogue.advice().containsKey(id)) {
                        problems.add(new RuleProblem(
                                file,
                                isTable(file) ? row : i + 1,
                                m.group(1) + " \"" + id + "\" has no text.",
                                "Add a title and detail for \"" + id + "\" to the advice.yaml of its folder."));
                    }
                }
            }
        });
        catalogue.advice().forEach((id, text) -> {
            if (!used.containsKey(id)) {
                problems.add(new RuleProblem(
                        text.file(),
                        0,
                        "The text for \"" + id + "\" is used by no rule.",
                        "Remove it, or correct the id in the rule that should give it."));
            }
        });
    }
}
