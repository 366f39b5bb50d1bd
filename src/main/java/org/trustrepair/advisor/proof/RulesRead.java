package org.trustrepair.advisor.proof;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * What the proof reads of a rule set's DRL, beyond what serving needs: the numbers and values its conditions name,
 * which answers it reads, its decision key and whether the sweep's shortcut applies. The DRL is read once per rule
 * set, with Drools' own parser ({@link RuleModel}); that reading, the decision key and the shortcut's probes are kept
 * while the rule set is in use.
 */
final class RulesRead {

    private static final Cache<RuleSet, RuleModel> MODELS =
            Caffeine.newBuilder().weakKeys().build();
    private static final Cache<RuleSet, String> DECISION_KEYS =
            Caffeine.newBuilder().weakKeys().build();
    private static final Cache<RuleSet, SameFirings.Analysis> SHORTCUTS =
            Caffeine.newBuilder().weakKeys().build();

    private static final Cache<RuleSet, Guardrails> GUARDRAILS =
            Caffeine.newBuilder().weakKeys().build();

    /** The comparisons of a number with a literal that the cuts understand. */
    private static final Set<String> NUMBER_OPERATORS = Set.of("<", "<=", ">", ">=", "==", "!=");
    /** The comparisons of a value with a constant that cannot tell two other values apart. */
    private static final Set<String> VALUE_OPERATORS =
            Set.of("==", "!=", "!==", "!!=", "contains", "!contains", "excludes", "!excludes");

    private RulesRead() {}

    /**
     * The guardrails of these rules ({@code guardrails.yaml}); throws a RuleSetException when the file is wrong, or when
     * an answer's words can bring a phrase a guardrail forbids into a reason where it applies ({@link AnswerWords}).
     */
    static Guardrails guardrails(RuleSet rules) {
        return GUARDRAILS.get(
                rules,
                r -> AnswerWords.checked(
                        Guardrails.read(
                                r.text(Guardrails.FILE),
                                r.catalogue().sources().keySet(),
                                r.catalogue().advice().keySet()),
                        r));
    }

    static RuleModel model(RuleSet rules) {
        return MODELS.get(rules, r -> RuleModel.of(r.drlSources()));
    }

    /**
     * A fingerprint of what the guardrail sweep can observe in these rules (see {@link DecisionKey}): equal keys, equal
     * sweep outcomes.
     */
    static String decisionKey(RuleSet rules) {
        return DECISION_KEYS.get(
                rules,
                r -> DecisionKey.of(
                        r.drlSources(),
                        model(r),
                        r.rules(),
                        r.catalogue(),
                        r.maxFirings(),
                        r.maxEvaluationNanos(),
                        r.text(Guardrails.FILE),
                        guardrailWords(r)));
    }

    /** The words the guardrails look for; none while guardrails.yaml cannot be read (its text is in the key anyway). */
    private static List<String> guardrailWords(RuleSet rules) {
        try {
            return guardrails(rules).wordsRead();
        } catch (RuleSetException e) {
            return List.of();
        }
    }

    /** Whether these rules qualify for the sweep's shortcut ({@link SameFirings}), and if so their probes. */
    static SameFirings.Analysis sameFirings(RuleSet rules) {
        return SHORTCUTS.get(rules, r -> SameFirings.of(model(r)));
    }

    /**
     * Where the rules can tell one number from the next ({@code daysElapsed} or {@code apologiesMade}): the cuts c
     * such that some rule may treat c-1 and c differently (any number: the caller keeps those in range). A rule compares the number with a
     * literal ({@code daysElapsed < 14}); each comparison cuts the range in two. Between two cuts no rule can tell
     * values apart, so checking both ends of every piece checks every value: this is what makes the guardrail sweep a
     * proof over days and apologies rather than a sample.
     */
    static SortedSet<Integer> cuts(RuleSet rules, String field) {
        TreeSet<Integer> cuts = new TreeSet<>();
        List<RuleModel.Comparison> found = comparisons(model(rules), field);
        for (RuleModel.Comparison c : found == null ? List.<RuleModel.Comparison>of() : found) {
            Integer n = integer(c.value());
            if (n == null) {
                continue;
            }
            switch (c.operator()) {
                case "<", ">=" -> cuts.add(n);
                case "<=", ">" -> cuts.add(n + 1);
                default -> {
                    cuts.add(n);
                    cuts.add(n + 1);
                }
            }
        }
        return cuts;
    }

    /** Whether some rule uses a number answer in a way the cuts cannot follow (then the sweep is not a proof). */
    static boolean numberUseUnrecognised(RuleSet rules, String field) {
        List<RuleModel.Comparison> found = comparisons(model(rules), field);
        return found == null
                || found.stream().anyMatch(c -> integer(c.value()) == null || !NUMBER_OPERATORS.contains(c.operator()));
    }

    /**
     * The values of an answer that some rule names. Values no rule names cannot be told apart by the rules, so a sweep
     * needs only one of them. All values when a rule uses the answer in a way this cannot follow, or orders its
     * values.
     */
    static <E extends Enum<E>> List<E> namedValues(RuleSet rules, Class<E> type, String field) {
        List<E> all = List.of(type.getEnumConstants());
        List<RuleModel.Comparison> found = comparisons(model(rules), field);
        if (found == null) {
            return all;
        }
        Set<String> named = new HashSet<>();
        for (RuleModel.Comparison c : found) {
            String value = c.value();
            String name = value.substring(value.lastIndexOf('.') + 1);
            if (!VALUE_OPERATORS.contains(c.operator())) {
                return all;
            }
            if (value.equals("null")) {
                continue;
            }
            if (!value.equals(type.getSimpleName() + "." + name)
                    || all.stream().noneMatch(e -> e.name().equals(name))) {
                return all;
            }
            named.add(name);
        }
        return all.stream().filter(e -> named.contains(e.name())).toList();
    }

    /**
     * One set of safety flags for each class of sets that neither the rules nor the guardrails can tell apart (every
     * set when the rules use the flags in a way that cannot be followed).
     */
    static Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyFlagClasses(RuleSet... ruleSets) {
        return SafetyClasses.classes(
                Arrays.stream(ruleSets).map(RulesRead::model).toList(),
                Arrays.stream(ruleSets)
                        .flatMap(r -> guardrails(r).safetyConstraints().stream())
                        .distinct()
                        .toList());
    }

    /**
     * The answer fields these rules read for a role: a {@code Situation( role == Role.BROKE_TRUST, … )} pattern never
     * matches the hurt party, so what else it reads cannot change the hurt party's plan.
     */
    static Set<String> fieldsRead(RuleSet rules, Role role) {
        return answersRead(model(rules), role.name());
    }

    /**
     * Every comparison of a property with a constant in the situation patterns; null when the property is also used
     * in a way that cannot be followed (then anything about it may matter).
     */
    private static List<RuleModel.Comparison> comparisons(RuleModel model, String property) {
        if (model.unreadable() != null) {
            return null;
        }
        List<RuleModel.Comparison> found = new ArrayList<>();
        for (RuleModel.Constraint c : model.situationConstraints()) {
            if (!c.followed() && c.answers().contains(RuleModel.answerOf(property))) {
                return null;
            }
            c.comparisons().stream().filter(x -> x.property().equals(property)).forEach(found::add);
        }
        return found;
    }

    /** The answers read by the situation patterns a role can match (all of them when that cannot be followed). */
    private static Set<String> answersRead(RuleModel model, String role) {
        if (model.unreadable() != null) {
            return RuleModel.ANSWERS;
        }
        return model.rules().stream()
                .flatMap(rule -> rule.patterns().stream())
                .filter(p -> p.isSituation() && !excludes(p, role))
                .flatMap(p -> p.constraints().stream())
                .flatMap(c -> (c.followed() ? c.answers() : RuleModel.ANSWERS).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether one of a situation pattern's conditions rules the role out ({@code role == Role.OTHER}). */
    private static boolean excludes(RuleModel.FactPattern p, String role) {
        return p.constraints().stream()
                .map(RuleModel.Constraint::only)
                .filter(only -> only != null && only.property().equals("role"))
                .anyMatch(only -> {
                    String value = only.value().substring(only.value().lastIndexOf('.') + 1);
                    return (only.operator().equals("==") && !value.equals(role))
                            || (only.operator().equals("!=") && value.equals(role));
                });
    }

    private static Integer integer(String literal) {
        try {
            return Integer.valueOf(literal);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
