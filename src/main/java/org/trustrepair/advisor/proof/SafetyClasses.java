package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
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
 * rule files and evaluated, by Drools itself, on each of the 1,024 sets; sets that satisfy exactly the same
 * conditions (and the conditions the guardrails put on the flags) get the same plan, so a sweep needs only one of
 * each. A condition that also
 * reads another answer counts each flag it names as telling sets apart; a use of the flags this cannot follow makes
 * every set count.
 */
final class SafetyClasses {

    private static final Pattern SITUATION = Pattern.compile("\\bSituation\\s*\\(");
    private static final Pattern SAFETY_TOKEN = Pattern.compile("\\b(safety|safetyConcern)\\b");
    private static final Pattern OTHER_FIELD = Pattern.compile(
            "\\b(role|relationship|breach|readiness|daysElapsed|"
                    + "disclosure|stillHappening|happenedBefore|apologiesMade|othersAffected|contactUnavoidable|theirResponse)\\b");

    private SafetyClasses() {}

    /** The conditions on safety flags (as DRL constraint text) that tell sets apart, or empty if every set counts. */
    static List<String> conditions(Collection<String> drlTexts) {
        List<String> conditions = new ArrayList<>();
        conditions.add("safetyConcern");
        for (String raw : drlTexts) {
            String text = DrlText.withoutCommentsAndStrings(raw);
            int inPatterns = 0;
            var m = SITUATION.matcher(text);
            while (m.find()) {
                int close = DrlText.matchingParen(text, m.end() - 1);
                if (close < 0) {
                    return List.of();
                }
                for (String constraint : DrlText.splitTopLevel(text.substring(m.end(), close))) {
                    int tokens = count(SAFETY_TOKEN, constraint);
                    if (tokens == 0) {
                        continue;
                    }
                    inPatterns += tokens;
                    if (constraint.contains(":")) {
                        return List.of();
                    }
                    if (OTHER_FIELD.matcher(constraint).find()) {
                        for (SafetyFlag f : SafetyFlag.values()) {
                            if (constraint.contains(f.name())) {
                                conditions.add("safety contains SafetyFlag." + f.name());
                            }
                        }
                        if (constraint.contains("safetyConcern")) {
                            conditions.add("safetyConcern");
                        }
                    } else {
                        conditions.add(constraint.trim());
                    }
                }
            }
            if (inPatterns != count(SAFETY_TOKEN, text)) {
                return List.of();
            }
        }
        return conditions;
    }

    /**
     * One set of flags for each class of sets that no condition of any of the given rule sets tells apart; all 1,024
     * when some rule set's conditions cannot be read.
     */
    static List<Set<SafetyFlag>> representatives(List<Collection<String>> ruleSetsDrl, List<String> guardrails) {
        return List.copyOf(new LinkedHashSet<>(classes(ruleSetsDrl, guardrails).values()));
    }

    /** Each of the 32 sets of flags, mapped to the set that stands for its class (itself when alone in it). */
    static Map<Set<SafetyFlag>, Set<SafetyFlag>> classes(
            List<Collection<String>> ruleSetsDrl, List<String> guardrails) {
        List<Set<SafetyFlag>> all = allSubsets();
        Map<Set<SafetyFlag>, Set<SafetyFlag>> identity = new LinkedHashMap<>();
        all.forEach(f -> identity.put(f, f));
        // what the guardrails ask of the flags tells sets apart too
        List<String> conditions = new ArrayList<>(guardrails);
        for (Collection<String> drl : ruleSetsDrl) {
            List<String> found = conditions(drl);
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
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("org.trustrepair.probe", "safety", "1.0." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/safetyprobe/probe.drl", drl.toString());
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                return null;
            }
            return ks.newKieContainer(id).getKieBase();
        } catch (RuntimeException e) {
            return null;
        } finally {
            ks.getRepository().removeKieModule(id);
        }
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

    private static int count(Pattern p, String s) {
        int n = 0;
        var m = p.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
