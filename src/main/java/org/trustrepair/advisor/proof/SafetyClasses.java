package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * Which sets of safety flags the rules can tell apart. Every condition a rule puts on the flags is collected from the
 * rules ({@link RuleModel}) and evaluated, by Drools itself, on each of the 1,024 sets; sets that satisfy exactly the
 * same conditions (and the conditions the guardrails put on the flags) get the same plan, so a sweep needs only one
 * of each. A condition that also
 * reads another answer counts each flag it names as telling sets apart; a use of the flags this cannot follow makes
 * every set count.
 */
final class SafetyClasses {

    private SafetyClasses() {}

    /** The conditions on safety flags (as DRL constraint text) that tell sets apart, or empty if every set counts. */
    static List<String> conditions(RuleModel model) {
        if (model.unreadable() != null) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>(List.of("safetyConcern"));
        for (RuleModel.Constraint c : model.situationConstraints()) {
            if (!c.answers().contains("safety")) {
                continue;
            }
            if (!c.followed()) {
                return List.of();
            }
            if (c.answers().size() == 1) {
                conditions.add(c.text());
                continue;
            }
            // with other answers: each flag it names, and whether there is any, count as telling sets apart
            for (RuleModel.Comparison x : c.comparisons()) {
                if (x.property().equals("safetyConcern")) {
                    conditions.add("safetyConcern");
                } else if (x.property().equals("safety")) {
                    conditions.add("safety contains " + x.value());
                }
            }
        }
        return conditions;
    }

    /** Each of the 1,024 sets of flags, mapped to the set that stands for its class (itself when alone in it). */
    static Map<Set<SafetyFlag>, Set<SafetyFlag>> classes(List<RuleModel> models, List<String> guardrails) {
        List<Set<SafetyFlag>> all = allSubsets();
        Map<Set<SafetyFlag>, Set<SafetyFlag>> identity = new LinkedHashMap<>();
        all.forEach(f -> identity.put(f, f));
        // what the guardrails ask of the flags tells sets apart too
        List<String> conditions = new ArrayList<>(guardrails);
        for (RuleModel model : models) {
            List<String> found = conditions(model);
            if (found.isEmpty()) {
                return identity;
            }
            conditions.addAll(found);
        }
        KieBase probe = compile(conditions);
        if (probe == null) {
            return identity;
        }
        Map<String, Set<SafetyFlag>> byClass = new LinkedHashMap<>();
        Map<Set<SafetyFlag>, Set<SafetyFlag>> result = new LinkedHashMap<>();
        for (Set<SafetyFlag> flags : all) {
            result.put(flags, byClass.computeIfAbsent(signature(probe, flags), k -> flags));
        }
        return Collections.unmodifiableMap(result);
    }

    private static String signature(KieBase probe, Set<SafetyFlag> flags) {
        KieSession session = probe.newKieSession();
        TreeSet<String> fired = new TreeSet<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        try {
            Answers a = Answers.of(Relationship.ROMANTIC, Breach.OTHER, Readiness.UNDECIDED, 0)
                    .withSafety(flags);
            session.insert(new Situation(a));
            session.fireAllRules(1000);
            return fired.toString();
        } finally {
            session.dispose();
        }
    }

    private static KieBase compile(List<String> conditions) {
        StringBuilder drl = new StringBuilder("package safetyprobe;\n"
                + "import org.trustrepair.advisor.advice.*;\nimport org.trustrepair.advisor.advice.facts.*;\n");
        for (int i = 0; i < conditions.size(); i++) {
            drl.append("rule \"c")
                    .append(i)
                    .append("\" when Situation( ")
                    .append(conditions.get(i))
                    .append(" ) then end\n");
        }
        return ProbeBase.compile(drl.toString());
    }

    static List<Set<SafetyFlag>> allSubsets() {
        SafetyFlag[] flags = SafetyFlag.values();
        List<Set<SafetyFlag>> subsets = new ArrayList<>();
        for (int mask = 0; mask < (1 << flags.length); mask++) {
            EnumSet<SafetyFlag> set = EnumSet.noneOf(SafetyFlag.class);
            for (int i = 0; i < flags.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(flags[i]);
                }
            }
            subsets.add(Set.copyOf(set));
        }
        return subsets;
    }
}
