package org.trustrepair.advisor.advice.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RuleSetException;

/**
 * Builds a {@link RuleSet} from the files of a rules folder and refuses one that is incomplete: rules that do not
 * compile, a rule without its id, reason or sources, an advice id without text, a text no rule uses, a source key not
 * in {@code sources.yaml}, a questionnaire that does not cover the contract's values. The texts are read by
 * {@link CatalogueReader}, the rules compiled by {@link RuleCompiler}; what is checked here is what ties the two: each
 * rule's metadata and each advice id a rule gives.
 */
public final class RuleSetBuilder {

    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ADVICE_ID = Pattern.compile("new\\s+(Advice|Withhold)\\s*\\(\\s*\"([^\"]*)\"");

    private static final Pattern SOURCE_SPLIT = Pattern.compile("\\s*,\\s*");

    /** The time one evaluation may take unless told otherwise: thousands of times what a sound rule set needs. */
    public static final Duration DEFAULT_MAX_EVALUATION_TIME = Duration.ofSeconds(2);

    private final int maxFirings;
    private final Duration maxEvaluationTime;

    public RuleSetBuilder(int maxFirings) {
        this(maxFirings, DEFAULT_MAX_EVALUATION_TIME);
    }

    /** Rule sets whose evaluations stop after {@code maxFirings} firings or {@code maxEvaluationTime}, whichever first. */
    public RuleSetBuilder(int maxFirings, Duration maxEvaluationTime) {
        this.maxFirings = maxFirings;
        this.maxEvaluationTime = maxEvaluationTime;
    }

    /** Builds the rule set, or throws {@link RuleSetException} naming every problem with its file and line. */
    public RuleSet build(RuleFiles files) {
        // rules of another format would fail on every line that changed: say so once instead
        RuleFormat.of(files).problem().ifPresent(p -> {
            throw new RuleSetException(files.origin(), List.of(p));
        });
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        Catalogue catalogue = CatalogueReader.read(files, problems, unreadable);
        Map<String, String> drlSources = RuleCompiler.drlSources(files, problems);
        KieBase kieBase = RuleCompiler.compile(drlSources, problems);
        if (!unreadable.isEmpty()) {
            // a file that cannot be read is all that is said of it: what the other files would miss from it (an
            // advice id's text, a source key) would only be follow-on errors, checked once it reads
            unreadable.addAll(problems);
            throw new RuleSetException(files.origin(), unreadable);
        }
        if (kieBase == null) {
            throw new RuleSetException(files.origin(), problems);
        }
        Map<String, RuleInfo> rules = ruleInfo(kieBase, drlSources, catalogue, problems);
        checkAdviceIds(drlSources, catalogue, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(files.origin(), problems);
        }
        return new RuleSet(files, kieBase, catalogue, rules, drlSources, maxFirings, maxEvaluationTime);
    }

    private static Map<String, RuleInfo> ruleInfo(
            KieBase kieBase, Map<String, String> drlSources, Catalogue catalogue, List<RuleProblem> problems) {
        Map<String, int[]> lines = new HashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        drlSources.forEach((file, text) -> {
            String[] all = text.split("\n", -1);
            int row = 0;
            for (int i = 0; i < all.length; i++) {
                row = DecisionTables.rowMarkedBy(all[i], row);
                Matcher m = RULE_NAME.matcher(all[i]);
                if (m.find()) {
                    fileOf.put(m.group(1), file);
                    // a rule of a table is located by its row (in a CSV table, the row is the line)
                    lines.put(m.group(1), new int[] {DecisionTables.isTable(file) ? row : i + 1});
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
                List<String> alsoCalled = Arrays.stream(
                                text(meta.get("alsoCalled")).split(";"))
                        .map(String::strip)
                        .filter(words -> !words.isEmpty())
                        .toList();
                result.put(name, new RuleInfo(name, id, reason, keys, file, line, alsoCalled));
            }
        }
        return result;
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
                row = DecisionTables.rowMarkedBy(all[i], row);
                Matcher m = ADVICE_ID.matcher(all[i]);
                while (m.find()) {
                    String id = m.group(2);
                    used.putIfAbsent(id, file);
                    if (!catalogue.advice().containsKey(id)) {
                        problems.add(new RuleProblem(
                                file,
                                DecisionTables.isTable(file) ? row : i + 1,
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
