package org.trustrepair.advisor.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.engine.Catalogue;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.YamlErrors;

/**
 * The guardrails of a rule set, read from its {@code guardrails.yaml}: the promises the sweep proves on the plan of
 * every situation. A mistake in the file is refused like a rule that does not compile, with the file, the guardrail
 * and what to write instead.
 */
public final class Guardrails {

    static final String FILE = "guardrails.yaml";

    /** The kinds a step or withheld item can carry (the contract's closed list, as the rule loader checks it). */
    static final Set<String> KINDS = Catalogue.KINDS;

    private static final ObjectMapper YAML = YamlErrors.mapper()
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .findAndRegisterModules();

    private record File(List<Entry> guardrails) {}

    private record Entry(
            String id, String promise, List<String> sources, Map<String, Object> when, Guardrail.Promise then) {}

    private final List<Guardrail> all;
    /** The phrases the guardrails look for ({@link #wordsRead}). */
    private final List<String> phrases;
    /** By text in the rules' own words (a step's, or a reason without its answers'): the phrases it says. */
    private final Map<String, Set<String>> said = new ConcurrentHashMap<>();
    /** By a rule's reason as written: the phrases it says without its answers' words. */
    private final Map<String, Set<String>> ownSaid = new ConcurrentHashMap<>();

    private Guardrails(List<Guardrail> all) {
        this.all = List.copyOf(all);
        this.phrases = wordsRead();
    }

    /** The guardrails of these rules (read once per rule set). */
    public static Guardrails of(RuleSet rules) {
        return RulesRead.guardrails(rules);
    }

    /**
     * Reads the guardrails file's text.
     *
     * @throws RuleSetException naming every mistake, when the file is missing or wrong
     */
    static Guardrails read(String yaml, Set<String> sourceKeys, Set<String> adviceIds) {
        if (yaml == null) {
            throw refused(List.of(
                    "The guardrails are missing: the rules folder needs a guardrails.yaml (see rules/README.md)."));
        }
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (JsonProcessingException e) {
            throw new RuleSetException(FILE, List.of(YamlErrors.explain(FILE, yaml, e)));
        }
        List<String> problems = new ArrayList<>();
        List<Guardrail> read = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry e : file == null || file.guardrails() == null ? List.<Entry>of() : file.guardrails()) {
            String where = "guardrail \"" + e.id() + "\"";
            if (e.id() == null || e.promise() == null || e.then() == null) {
                problems.add("a guardrail lacks its id, its promise or its then: every guardrail has all three");
                continue;
            }
            if (!ids.add(e.id())) {
                problems.add(where + " is written twice: give each guardrail its own id");
            }
            Stream.of(
                            e.then().noStepOfKind(),
                            e.then().atMostOneStepOfKind(),
                            e.then().withholds(),
                            Optional.ofNullable(e.then().firstKind()).stream().toList(),
                            Optional.ofNullable(e.then().phaseBefore()).map(Guardrail.PhaseBefore::beforeKind).stream()
                                    .toList())
                    .flatMap(List::stream)
                    .filter(kind -> !KINDS.contains(kind))
                    .forEach(kind -> problems.add(where + ": \"" + kind + "\" is not a kind. Use one of: "
                            + String.join(", ", new TreeSet<>(KINDS)) + "."));
            Stream.of(e.then().noStepIds(), e.then().withholdsIds(), e.then().noWithheldIds())
                    .flatMap(List::stream)
                    .filter(id -> !adviceIds.contains(id))
                    .forEach(id -> problems.add(where + ": \"" + id
                            + "\" is not the id of any advice in the advice.yaml files: check its spelling there"));
            List<String> sources = e.sources() == null ? List.of() : e.sources();
            sources.stream()
                    .filter(key -> !sourceKeys.contains(key))
                    .forEach(key -> problems.add(
                            where + " cites source \"" + key + "\", which sources.yaml does not list: add it there"));
            read.add(new Guardrail(e.id(), e.promise(), sources, Condition.read(e.when(), where, problems), e.then()));
        }
        if (read.isEmpty() && problems.isEmpty()) {
            problems.add("guardrails.yaml lists no guardrail");
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return new Guardrails(read);
    }

    /** The rules refused for these mistakes, each said of the guardrails file. */
    static RuleSetException refused(List<String> problems) {
        return new RuleSetException(
                FILE, problems.stream().map(p -> RuleProblem.of(FILE, 0, p)).toList());
    }

    public List<Guardrail> all() {
        return all;
    }

    /**
     * What an edit of the guardrails file changes, for the diff: each promise added, removed, reworded, or kept in
     * words while where it applies or what it forbids changed. No plan changes with it, but what every plan must keep
     * does: a change of policy. Nothing for comments and layout, nor when either file cannot be read (the check says
     * why).
     */
    static List<String> changes(String before, String after) {
        Map<String, Map<?, ?>> was = byId(before);
        Map<String, Map<?, ?>> is = byId(after);
        List<String> lines = new ArrayList<>();
        was.forEach((id, old) -> {
            Map<?, ?> now = is.get(id);
            if (now == null) {
                lines.add("Promise removed (" + id + "): " + old.get("promise"));
            } else if (!Objects.equals(old.get("promise"), now.get("promise"))) {
                lines.add("Promise changed (" + id + "), before: " + old.get("promise"));
                lines.add("    after: " + now.get("promise"));
            } else if (!old.equals(now)) {
                lines.add("Promise in the same words, checked differently (" + id
                        + ": where it applies, what it forbids" + " or its sources): " + now.get("promise"));
            }
        });
        is.forEach((id, now) -> {
            if (!was.containsKey(id)) {
                lines.add("New promise (" + id + "): " + now.get("promise"));
            }
        });
        return lines;
    }

    private static Map<String, Map<?, ?>> byId(String yaml) {
        Map<String, Map<?, ?>> byId = new LinkedHashMap<>();
        try {
            Object list = yaml == null ? null : YAML.readValue(yaml, Map.class).get("guardrails");
            if (list instanceof List<?> entries) {
                entries.stream()
                        .filter(Map.class::isInstance)
                        .map(e -> (Map<?, ?>) e)
                        .forEach(e -> byId.put(String.valueOf(e.get("id")), e));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            return Map.of();
        }
        return byId;
    }

    /**
     * Every word the guardrails look for in the texts ({@code noStepSays}) and reasons ({@code noReasonSays}), in
     * lower case: an edit that makes a text or a reason say one of them, or stop saying it, changes what the sweep
     * can find ({@link DecisionKey}).
     */
    List<String> wordsRead() {
        return all.stream()
                .flatMap(g -> g.phrases().stream())
                .distinct()
                .sorted()
                .toList();
    }

    /** Every guardrail's verdict on a plan, in file order: null where it holds, else what is wrong. */
    String[] problems(Answers answers, AdvicePlan plan) {
        Guardrail.Words words = words(plan, phrases);
        return all.stream().map(g -> g.check(answers, plan, words).orElse(null)).toArray(String[]::new);
    }

    /**
     * A plan's words with its reasons in its rules' own words, each answer's words left out ({@link
     * AnswerWords#leftOut}): what every situation that fires the same rules reads alike. {@code classifiedBy} are the
     * rules of the classification's reasons, in order. What the answers' words bring in is checked when the rules are
     * read ({@link AnswerWords}). These texts are the rules' own, so what each says is remembered.
     */
    Guardrail.Words wordsWithoutAnswers(AdvicePlan plan, List<String> classifiedBy, Map<String, RuleInfo> rules) {
        Function<String, Set<String>> own = rule -> ownSaid.computeIfAbsent(
                Objects.toString(
                        rules.get(rule) == null ? null : rules.get(rule).reason(), ""),
                reason -> says(AnswerWords.leftOut(reason), phrases));
        return words(
                plan,
                classifiedBy.stream().map(own).toList(),
                classifiedBy,
                s -> own.apply(s.rule()),
                w -> own.apply(w.rule()),
                text -> said.computeIfAbsent(text, t -> says(t, phrases)));
    }

    /** A plan's words, as a person reads them (its reasons with their answers), for these phrases. */
    static Guardrail.Words words(AdvicePlan plan, List<String> phrases) {
        Function<String, Set<String>> says = text -> says(text, phrases);
        return words(
                plan,
                plan.classification().why().stream().map(says).toList(),
                List.of(),
                s -> says.apply(s.why()),
                w -> says.apply(w.reason()),
                says);
    }

    /**
     * A plan's words: what each step's title and detail (joined by a line break, which no phrase has) and each reason a
     * person reads says ({@code why}: the classification's, from the rules {@code whyRules} when known), with where
     * that reason is.
     */
    private static Guardrail.Words words(
            AdvicePlan plan,
            List<Set<String>> why,
            List<String> whyRules,
            Function<Step, Set<String>> stepWhy,
            Function<WithheldAdvice, Set<String>> withheldReason,
            Function<String, Set<String>> says) {
        List<Set<String>> steps = plan.steps().stream()
                .map(s -> says.apply(Objects.toString(s.title(), "") + "\n" + Objects.toString(s.detail(), "")))
                .toList();
        List<String> places = new ArrayList<>();
        List<Set<String>> reasons = new ArrayList<>(why);
        for (int i = 0; i < why.size(); i++) {
            places.add(i < whyRules.size() ? "your situation (rule \"" + whyRules.get(i) + "\")" : "your situation");
        }
        plan.steps().forEach(s -> {
            places.add("the why of step " + Guardrail.named(s.title(), s.id()));
            reasons.add(stepWhy.apply(s));
        });
        plan.withheld().forEach(w -> {
            places.add("the reason of withheld " + Guardrail.named(w.title(), w.id()));
            reasons.add(withheldReason.apply(w));
        });
        return new Guardrail.Words(steps, places, reasons);
    }

    /** The phrases (in lower case) a text says, whatever its case. */
    private static Set<String> says(String text, List<String> phrases) {
        String lower = Objects.toString(text, "").toLowerCase(Locale.ROOT);
        Set<String> says = phrases.stream().filter(lower::contains).collect(Collectors.toSet());
        return says.isEmpty() ? Set.of() : says;
    }

    /**
     * The answers the guardrails read for a role: the sweep tries every value of these even where no rule reads them.
     * A guardrail (or an anyOf group) whose {@code when} names only the other role reads nothing here.
     */
    Set<String> answersRead(Role role) {
        return Stream.concat(Stream.of("role"), all.stream().flatMap(g -> g.when().answersRead(role.name()).stream()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The values of an answer some guardrail names (the sweep tries each of them). */
    Set<String> valuesNamed(String field) {
        return all.stream()
                .flatMap(g -> g.when().valuesNamed(field).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Where some guardrail cuts a number answer in two ({@code atLeast} and {@code below}). */
    Set<Integer> cuts(String field) {
        return all.stream().flatMap(g -> g.when().cuts(field).stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the guardrails ask of the safety flags, as DRL constraints ({@link Condition#safetyConstraints()}). */
    List<String> safetyConstraints() {
        return all.stream()
                .flatMap(g -> g.when().safetyConstraints().stream())
                .distinct()
                .toList();
    }
}
