package org.trustrepair.advisor.advice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
import org.trustrepair.advisor.advice.AdvicePlan.Helpline;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;
import org.trustrepair.advisor.advice.Track;

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
    private static final ObjectMapper YAML = YamlErrors.mapper();

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
        // rules of another format would fail on every line that changed: say so once instead
        RuleFormat.of(files).problem().ifPresent(p -> {
            throw new RuleSetException(files.origin(), List.of(p));
        });
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        Catalogue catalogue = readCatalogue(files, problems, unreadable);
        Map<String, String> drlSources = drlSources(files, problems);
        KieBase kieBase = compile(files, drlSources, problems);
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
                RuleProblem problem = DrlErrors.explain(file, m.getLine(), m.getText(), drlSources.get(file));
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

    // ---- texts

    private record AdviceYaml(String title, String detail, List<String> kinds, List<String> helplines) {}

    private record HelplineYaml(String region, String name, String contact) {}

    /** {@code format} is read by {@link RuleFormat}. */
    private record PlanYaml(Integer format, String disclaimer, Map<Phase, String> phases, Map<Track, String> tracks) {}

    /** The texts of the rules; a file that cannot be read goes to {@code unreadable}, and no check across files runs. */
    private static Catalogue readCatalogue(RuleFiles files, List<RuleProblem> problems, List<RuleProblem> unreadable) {
        Map<String, Catalogue.AdviceText> advice = new TreeMap<>();
        Map<String, List<Helpline>> helplines = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        String disclaimer = null;
        Map<Phase, String> phases = new EnumMap<>(Phase.class);
        Map<Track, String> tracks = new EnumMap<>(Track.class);
        Questionnaire questionnaire = null;
        for (RuleFiles.RuleFile f : files.files()) {
            if (!f.isYaml()) {
                continue;
            }
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            try {
                switch (name) {
                    case "advice.yaml" -> {
                        Map<String, AdviceYaml> entries = YAML.readValue(f.content(), new TypeReference<>() {});
                        if (entries == null) {
                            break;
                        }
                        entries.forEach((id, e) -> {
                            if (advice.containsKey(id)) {
                                problems.add(RuleProblem.of(
                                        f.path(),
                                        0,
                                        "The text for \"" + id + "\" is also in "
                                                + advice.get(id).file() + "."));
                            }
                            if (e == null
                                    || e.title() == null
                                    || e.title().isBlank()
                                    || e.detail() == null
                                    || e.detail().isBlank()) {
                                problems.add(
                                        RuleProblem.of(f.path(), 0, "\"" + id + "\" needs both a title and a detail."));
                                return;
                            }
                            for (String kind : e.kinds() == null ? List.<String>of() : e.kinds()) {
                                if (!KINDS.contains(kind)) {
                                    problems.add(new RuleProblem(
                                            f.path(),
                                            0,
                                            "\"" + id + "\" has unknown kind \"" + kind + "\".",
                                            "Known kinds: " + String.join(", ", new TreeSet<>(KINDS)) + "."));
                                }
                            }
                            advice.put(
                                    id,
                                    new Catalogue.AdviceText(
                                            e.title().trim(), e.detail().trim(), e.kinds(), e.helplines(), f.path()));
                        });
                    }
                    case "helplines.yaml" -> {
                        Map<String, List<HelplineYaml>> entries = YAML.readValue(f.content(), new TypeReference<>() {});
                        entries.forEach((need, list) -> helplines.put(
                                need,
                                list.stream()
                                        .map(h -> new Helpline(need, h.region(), h.name(), h.contact()))
                                        .toList()));
                    }
                    case "sources.yaml" ->
                        sources.putAll(YAML.readValue(f.content(), new TypeReference<Map<String, String>>() {}));
                    case "plan.yaml" -> {
                        PlanYaml plan = YAML.readValue(f.content(), PlanYaml.class);
                        disclaimer = plan.disclaimer();
                        if (plan.phases() != null) {
                            phases.putAll(plan.phases());
                        }
                        if (plan.tracks() != null) {
                            tracks.putAll(plan.tracks());
                        }
                    }
                    case "questionnaire.yaml" -> questionnaire = YAML.readValue(f.content(), Questionnaire.class);
                    case "guardrails.yaml" -> {
                        // the promises the proof checks every plan against: read by the proof, not by the engine
                    }
                    default ->
                        problems.add(new RuleProblem(
                                f.path(),
                                0,
                                "This file name means nothing to the advisor.",
                                "Text files are named advice.yaml, helplines.yaml, sources.yaml, plan.yaml, questionnaire.yaml or "
                                        + "guardrails.yaml."));
                }
            } catch (JsonProcessingException e) {
                unreadable.add(YamlErrors.explain(f.path(), f.text(), e));
            } catch (java.io.IOException e) {
                unreadable.add(RuleProblem.of(f.path(), 0, "This file cannot be read: " + e.getMessage()));
            }
        }
        if (!unreadable.isEmpty()) {
            return new Catalogue(
                    advice,
                    helplines,
                    sources,
                    disclaimer,
                    phases,
                    tracks,
                    questionnaire == null ? new Questionnaire(null, null, List.of()) : questionnaire);
        }
        if (disclaimer == null || disclaimer.isBlank()) {
            problems.add(new RuleProblem(
                    "plan.yaml",
                    0,
                    "The disclaimer is missing.",
                    "Every plan must say it is general information, not therapy or legal advice."));
        }
        for (Phase phase : Phase.values()) {
            if (phases.get(phase) == null || phases.get(phase).isBlank()) {
                problems.add(RuleProblem.of("plan.yaml", 0, "The phase " + phase + " has no name under phases."));
            }
        }
        for (Track track : Track.values()) {
            if (tracks.get(track) == null || tracks.get(track).isBlank()) {
                problems.add(RuleProblem.of("plan.yaml", 0, "The track " + track + " has no sentence under tracks."));
            }
        }
        if (questionnaire == null) {
            problems.add(RuleProblem.of("questionnaire.yaml", 0, "The questionnaire is missing."));
            questionnaire = new Questionnaire(null, null, List.of());
        } else {
            checkQuestionnaire(questionnaire, problems);
        }
        advice.forEach((id, text) -> text.helplines().forEach(need -> {
            if (!helplines.containsKey(need)) {
                problems.add(RuleProblem.of(
                        text.file(),
                        0,
                        "\"" + id + "\" shows help lines \"" + need + "\", which helplines.yaml does not list."));
            }
        }));
        return new Catalogue(advice, helplines, sources, disclaimer, phases, tracks, questionnaire);
    }

    /**
     * The questionnaire must ask every field of the contract and offer exactly the contract's values (over all the
     * questions that answer a field), and give the words a reason uses for every answer: each yes/no answer, any
     * number, and a blank where an answer may be left out.
     */
    private static void checkQuestionnaire(Questionnaire q, List<RuleProblem> problems) {
        Map<String, Class<? extends Enum<?>>> enums = Map.of(
                "role",
                Role.class,
                "relationship",
                Relationship.class,
                "breach",
                Breach.class,
                "readiness",
                Readiness.class,
                "disclosure",
                Disclosure.class,
                "theirResponse",
                TheirResponse.class,
                "safety",
                SafetyFlag.class);
        Set<String> mayBeBlank = Set.of("readiness", "theirResponse", "safety");
        Set<String> ids = new HashSet<>();
        for (Questionnaire.Question question : q.questions()) {
            if (!ids.add(question.id())) {
                problems.add(RuleProblem.of(
                        "questionnaire.yaml",
                        0,
                        "Two questions have the id \"" + question.id() + "\": give each question that shares a field "
                                + "an id of its own."));
            }
            String words = "The question \"" + question.id() + "\" ";
            if ("yesno".equals(question.type())) {
                for (String answer : List.of("true", "false")) {
                    if (blank(question.inReasons().get(answer))) {
                        problems.add(new RuleProblem(
                                "questionnaire.yaml",
                                0,
                                words + "has no words for the answer " + answer + " in reasons.",
                                "Add inReasons: {\"true\": …, \"false\": …}, as a reason would say it."));
                    }
                }
            }
            if ("number".equals(question.type()) && blank(question.inReasons().get(Questionnaire.OTHER))) {
                problems.add(new RuleProblem(
                        "questionnaire.yaml",
                        0,
                        words + "has no words for a number in reasons.",
                        "Add inReasons: {other: \"{n} days\"}, and words for single numbers such as \"1\" if "
                                + "they read differently."));
            }
        }
        for (String field : PlanMaker.FIELDS) {
            List<Questionnaire.Question> asking = q.questions(field);
            if (asking.isEmpty()) {
                problems.add(RuleProblem.of("questionnaire.yaml", 0, "No question asks for \"" + field + "\"."));
                continue;
            }
            if (asking.size() > 1 && asking.stream().anyMatch(a -> !"choices".equals(a.type()))) {
                problems.add(RuleProblem.of(
                        "questionnaire.yaml",
                        0,
                        "Several questions ask for \"" + field + "\": only lists (type choices) can share a field."));
            }
            if (mayBeBlank.contains(field)
                    && asking.stream().allMatch(a -> blank(a.inReasons().get(Questionnaire.NONE)))) {
                problems.add(new RuleProblem(
                        "questionnaire.yaml",
                        0,
                        "The question \"" + field + "\" has no words for an answer left blank in reasons.",
                        "Add inReasons: {none: …} to it."));
            }
            Class<? extends Enum<?>> type = enums.get(field);
            if (type != null) {
                List<String> expected = Arrays.stream(type.getEnumConstants())
                        .map(Enum::name)
                        .sorted()
                        .toList();
                List<String> offered = asking.stream()
                        .flatMap(a -> a.choices().stream())
                        .map(Questionnaire.Choice::value)
                        .sorted()
                        .toList();
                if (!expected.equals(offered)) {
                    problems.add(RuleProblem.of(
                            "questionnaire.yaml",
                            0,
                            "The question \"" + field + "\" offers " + offered + " but the answers allow " + expected
                                    + "."));
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
