package org.trustrepair.advisor.proof;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * What the proof reads of a rule set's DRL, beyond what serving needs: the numbers and values its conditions name,
 * which answers it reads, its decision key and whether the sweep's shortcut applies. The two costly readings (the
 * decision key and the shortcut's probes) are made once per rule set and kept while the rule set is in use.
 */
final class RulesRead {

    private static final Cache<RuleSet, String> DECISION_KEYS =
            Caffeine.newBuilder().weakKeys().build();
    private static final Cache<RuleSet, SameFirings.Analysis> SHORTCUTS =
            Caffeine.newBuilder().weakKeys().build();

    private static final Cache<RuleSet, Guardrails> GUARDRAILS =
            Caffeine.newBuilder().weakKeys().build();

    private RulesRead() {}

    /** The guardrails of these rules ({@code guardrails.yaml}); throws a RuleSetException when the file is wrong. */
    static Guardrails guardrails(RuleSet rules) {
        return GUARDRAILS.get(
                rules,
                r -> Guardrails.read(
                        r.text(Guardrails.FILE), r.catalogue().sources().keySet()));
    }

    /**
     * A fingerprint of what the guardrail sweep can observe in these rules (see {@link DecisionKey}): equal keys, equal
     * sweep outcomes.
     */
    static String decisionKey(RuleSet rules) {
        return DECISION_KEYS.get(
                rules,
                r -> DecisionKey.of(r.drlSources(), r.rules(), r.catalogue(), r.maxFirings(), r.maxEvaluationNanos()));
    }

    /** Whether these rules qualify for the sweep's shortcut ({@link SameFirings}), and if so their probes. */
    static SameFirings.Analysis sameFirings(RuleSet rules) {
        return SHORTCUTS.get(rules, r -> SameFirings.of(r.drlSources()));
    }

    /**
     * The values of a number answer that a sweep must try to cover every value: both ends of each range the rules
     * cannot tell apart ({@code daysElapsed} or {@code apologiesMade}).
     */
    static SortedSet<Integer> cuts(RuleSet rules, String field, int min, int max) {
        return Thresholds.cuts(rules.drlSources().values(), field, min, max);
    }

    /**
     * The values of an answer that some rule names. Values no rule names cannot be told apart by the rules, so a sweep
     * needs only one of them. All values when a rule uses the answer in a way this cannot follow.
     */
    static <E extends Enum<E>> List<E> namedValues(RuleSet rules, Class<E> type, String field) {
        return EnumUse.named(rules.drlSources().values(), type, field);
    }

    /**
     * One set of safety flags for each class of sets that neither the rules nor the guardrails can tell apart (every
     * set when the rules use the flags in a way that cannot be followed).
     */
    static Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyFlagClasses(RuleSet... ruleSets) {
        return SafetyClasses.classes(sources(ruleSets), guardrailSafety(ruleSets));
    }

    static List<Set<SafetyFlag>> safetyFlagSets(RuleSet... ruleSets) {
        return SafetyClasses.representatives(sources(ruleSets), guardrailSafety(ruleSets));
    }

    /** The answer fields these rules read for a role (see {@link Relevance}). */
    static Set<String> fieldsRead(RuleSet rules, Role role) {
        return Relevance.fieldsRead(rules.drlSources().values(), role);
    }

    /** Whether some rule uses a number answer in a way the sweep cannot reason about (then it is not a proof). */
    static boolean numberUseUnrecognised(RuleSet rules, String field) {
        return Thresholds.hasUnrecognisedUse(rules.drlSources().values(), field);
    }

    private static List<String> guardrailSafety(RuleSet... ruleSets) {
        return Arrays.stream(ruleSets)
                .flatMap(r -> guardrails(r).safetyConstraints().stream())
                .distinct()
                .toList();
    }

    private static List<Collection<String>> sources(RuleSet... ruleSets) {
        return Arrays.stream(ruleSets)
                .map(r -> (Collection<String>) r.drlSources().values())
                .toList();
    }
}
