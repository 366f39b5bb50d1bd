package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * Which sets of safety flags the rules can tell apart. Every condition a rule puts on the flags is collected from the
 * rules ({@link RuleModel}) and evaluated, by Drools itself, on each of the 1,024 sets; sets that satisfy exactly the
 * same conditions (and the conditions the guardrails put on the flags) get the same plan, so a sweep needs only one
 * of each. A condition that also
 * reads another answer counts each flag it names as telling sets apart; a use of the flags this cannot follow makes
 * every set count.
 */
final class SafetyClasses {

    /** The tests of one flag (as {@link ConstraintReader} writes them) that depend only on whether it is ticked. */
    private static final Set<String> SET_TESTS =
            Set.of("contains", "!contains", "excludes", "!excludes", "mirrored memberOf", "mirrored !memberOf");

    private SafetyClasses() {}

    /** The conditions on safety flags (as DRL constraint text) that tell sets apart, or empty if every set counts. */
    static List<String> conditions(RuleModel model) {
        if (model.unreadable() != null) {
            return List.of();
        }
        List<String> conditions = conditions(model.situationConstraints());
        if (conditions == null) {
            return List.of();
        }
        conditions.add(0, "safetyConcern");
        return conditions;
    }

    /**
     * The conditions on safety flags in these constraints (each flag a condition that also reads another answer names
     * counts as one), or null when one uses the flags in a way this cannot follow.
     */
    static List<String> conditions(List<RuleModel.Constraint> constraints) {
        List<String> conditions = new ArrayList<>();
        for (RuleModel.Constraint c : constraints) {
            if (!c.answers().contains("safety")) {
                continue;
            }
            if (!c.followed()) {
                return null;
            }
            if (c.answers().size() == 1) {
                conditions.add(c.text());
                continue;
            }
            // with other answers: each flag it names, and whether there is any, count as telling sets apart
            for (RuleModel.Comparison x : c.comparisons()) {
                if (x.property().equals("safetyConcern")) {
                    conditions.add("safetyConcern");
                } else if (x.property().equals("safety") && SET_TESTS.contains(x.operator())) {
                    conditions.add("safety contains " + x.value());
                } else if (x.property().equals("safety")) {
                    return null; // a test of the flags other than whether one is ticked: every set counts
                }
            }
        }
        return conditions;
    }

    /**
     * For each set of flags, which of the conditions hold for it (bit {@code i} for condition {@code i}), by Drools
     * itself; null if the conditions do not compile.
     */
    static List<BitSet> holding(List<String> conditions, List<Set<SafetyFlag>> sets) {
        KieBase probe = compile(conditions);
        if (probe == null) {
            return null;
        }
        try (ProbeBase.Session session = new ProbeBase.Session(probe)) {
            return sets.stream().map(flags -> session.fired(with(flags))).toList();
        }
    }

    /** Each of the 1,024 sets of flags, mapped to the set that stands for its class (itself when alone in it). */
    static Map<Set<SafetyFlag>, Set<SafetyFlag>> classes(List<RuleModel> models, List<String> guardrails) {
        List<Set<SafetyFlag>> all = IntStream.range(0, 1 << SafetyFlag.values().length)
                .mapToObj(bits -> Set.copyOf(SafetyWords.flags(bits)))
                .toList();
        // what the guardrails ask of the flags tells sets apart too; a rule set whose conditions cannot be followed
        // makes every set its own class
        List<List<String>> found =
                models.stream().map(SafetyClasses::conditions).toList();
        List<String> conditions = Stream.concat(
                        guardrails.stream(), found.stream().flatMap(List::stream))
                .toList();
        List<BitSet> holding = found.stream().anyMatch(List::isEmpty) ? null : holding(conditions, all);
        // the first set of each class stands for it
        Map<BitSet, Set<SafetyFlag>> byClass = new LinkedHashMap<>();
        Map<Set<SafetyFlag>, Set<SafetyFlag>> result = new LinkedHashMap<>();
        for (int s = 0; s < all.size(); s++) {
            Set<SafetyFlag> flags = all.get(s);
            result.put(flags, holding == null ? flags : byClass.computeIfAbsent(holding.get(s), k -> flags));
        }
        return Collections.unmodifiableMap(result);
    }

    /** A situation with these safety flags (its other answers matter to no condition on the flags alone). */
    private static Answers with(Set<SafetyFlag> flags) {
        return Answers.of(Relationship.ROMANTIC, Breach.OTHER, Readiness.UNDECIDED, 0)
                .withSafety(flags);
    }

    private static KieBase compile(List<String> conditions) {
        StringBuilder drl = new StringBuilder("package safetyprobe;\n"
                + "import org.trustrepair.advisor.advice.*;\nimport org.trustrepair.advisor.advice.facts.*;\n");
        for (int i = 0; i < conditions.size(); i++) {
            drl.append("rule \"c" + i + "\" when Situation( " + conditions.get(i) + " ) then end\n");
        }
        return ProbeBase.compile(drl.toString());
    }
}
