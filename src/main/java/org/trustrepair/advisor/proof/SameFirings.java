package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.kie.api.KieBase;

/**
 * Tells, without running the rules, which rules fire for a situation, for rule sets that only ever add facts; and
 * so that two situations fire exactly the same rules. A sweep then evaluates one situation for each set of rules
 * fired ({@link AlikeSituations}).
 *
 * <p>The rules qualify when every rule is a list of plain patterns (no {@code not}, {@code exists}, {@code or},
 * {@code from}, {@code eval}, no bindings), its {@code Situation( … )} conditions compare answers with constants, its
 * other patterns test only the fields of facts other rules insert, and its consequence only inserts new facts built
 * from constants; and no attribute but a constant salience. Such rules never take a fact back, so the rules that fire
 * for a situation are the closure: a rule fires when its situation conditions hold and each of its other patterns
 * matches a fact that a rule which fired inserted.
 *
 * <p>Why the closure is what the engine fires: a rule fires once each of its patterns matches a fact. The situation
 * is there from the start, and rules only ever add facts, so a pattern that matches stays matched. Start from the
 * rules whose situation conditions hold, and let a rule join when each of its other patterns matches a fact inserted
 * by a rule that joined before it: every rule that joins fires in the engine (by induction on the order they join),
 * and every rule the engine fires joins (take the first it fired that did not: its patterns were matched by the
 * situation and by facts of rules fired before it, which joined, so it would join too). Situations whose situation
 * conditions hold alike fire the same rules, which insert the same facts, so they get the same plan but for the
 * answers written into reasons.
 *
 * <p>Which situation conditions hold is tested by {@link #newProbeSession}, a part of a pattern at a time (its
 * conditions on the same answers), and which other patterns each rule's facts match is learnt once, by firing each
 * consequence on its own ({@link ProbeBase#consequenceMatches}): both with the engine, in small rule bases of probes
 * made from the rules' own conditions and consequences. The sweep checks the closure against the engine on every
 * situation it evaluates.
 */
final class SameFirings {

    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("salience", "dialect");

    /** The probes of the situation patterns' parts, by the answers they read ({@link #parts}). */
    private final Map<List<String>, KieBase> probes;
    /** The situation patterns' conditions, probed in parts by the answers they read ({@link #parts}). */
    private final List<Part> parts;
    /** By rule: its name. */
    private final List<String> ruleNames;

    /** By situation pattern: the rule it belongs to (each pattern is one rule's). */
    private final int[] ruleOf;
    /** By rule: how many patterns it has, situation and other (each other pattern counted once). */
    private final int[] patternCount;
    /** By rule: the other patterns the facts it inserts match. */
    private final int[][] opens;
    /** By other pattern: the rules that have it. */
    private final int[][] waitingOn;

    private final Map<String, Integer> ruleIndex = new HashMap<>();

    private SameFirings(
            Map<List<String>, KieBase> probes,
            List<Part> parts,
            List<String> ruleNames,
            int[] ruleOf,
            List<BitSet> otherPatternsOf,
            List<BitSet> opens) {
        this.probes = probes;
        this.parts = parts;
        this.ruleNames = ruleNames;
        this.ruleOf = ruleOf;
        this.opens = opens.stream().map(o -> o.stream().toArray()).toArray(int[][]::new);
        this.patternCount = new int[ruleNames.size()];
        Arrays.stream(ruleOf).forEach(r -> patternCount[r]++);
        for (int r = 0; r < ruleNames.size(); r++) {
            patternCount[r] += otherPatternsOf.get(r).cardinality();
            ruleIndex.put(ruleNames.get(r), r);
        }
        int others = otherPatternsOf.stream().mapToInt(BitSet::length).max().orElse(0);
        this.waitingOn = IntStream.range(0, others)
                .mapToObj(o -> IntStream.range(0, ruleNames.size())
                        .filter(r -> otherPatternsOf.get(r).get(o))
                        .toArray())
                .toArray(int[][]::new);
    }

    /** The rules' situation conditions and probes, or why the rules do not qualify. */
    record Analysis(Optional<SameFirings> firings, String whyNot) {}

    /** Whether the rules read into this model qualify, and if so their probes ({@link RulesRead#sameFirings}). */
    static Analysis of(RuleModel model) {
        String whyNot = whyNot(model);
        if (whyNot != null) {
            return refused(whyNot);
        }
        // rule bases of probes: the rules' situation patterns' parts, one base for each set of answers read (so that a
        // probe fires only the parts that read those answers), and their consequences with their other patterns
        StringBuilder header = new StringBuilder("package trustrepair.samefirings;\ndialect \"mvel\"\n");
        model.imports().forEach(i -> header.append("import ").append(i).append(";\n"));
        StringBuilder facts = new StringBuilder(header);
        Map<List<String>, StringBuilder> situations = new LinkedHashMap<>();
        List<Part> parts = new ArrayList<>();
        Map<String, Integer> otherIndex = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Integer> ruleOf = new ArrayList<>();
        List<BitSet> otherPatternsOf = new ArrayList<>();
        for (RuleModel.Rule rule : model.rules()) {
            // the rule's consequence alone, fired by a word of its own, to learn which patterns its facts match
            String consequence = rule.consequence().replace("insertLogical", "insert");
            int f = names.size();
            facts.append("rule \"f" + f + "\" when String( this == \"f" + f + "\" ) then " + consequence + "\nend\n");
            names.add(rule.name());
            BitSet others = new BitSet();
            for (RuleModel.FactPattern p : rule.patterns()) {
                if (p.isSituation()) {
                    int pattern = ruleOf.size();
                    ruleOf.add(f);
                    // its conditions, by the answers they read: probe "s" + i holds when the conditions of part i do
                    Map<List<String>, List<String>> byAnswers = p.constraints().stream()
                            .collect(Collectors.groupingBy(
                                    c -> c.answers().stream().sorted().toList(),
                                    LinkedHashMap::new,
                                    Collectors.mapping(RuleModel.Constraint::text, Collectors.toList())));
                    for (var part : byAnswers.entrySet()) {
                        situations
                                .computeIfAbsent(part.getKey(), k -> new StringBuilder(header))
                                .append("rule \"s" + parts.size() + "\" when " + p.type() + "( "
                                        + String.join(", ", part.getValue()) + " ) then end\n");
                        parts.add(new Part(pattern, part.getKey()));
                    }
                } else {
                    others.set(otherIndex.computeIfAbsent(p.text(), text -> {
                        facts.append("rule \"o" + otherIndex.size() + "\" when " + text + " then end\n");
                        return otherIndex.size();
                    }));
                }
            }
            otherPatternsOf.add(others);
        }
        // the two probe rule bases are made side by side
        var learning = CompletableFuture.supplyAsync(
                () -> ProbeBase.consequenceMatches(facts.toString(), names.size()), task -> {
                    Thread t = new Thread(task, "consequence-probes");
                    t.setDaemon(true);
                    t.start();
                });
        Map<List<String>, KieBase> bases = new HashMap<>();
        situations.forEach((answers, drl) -> bases.put(answers, ProbeBase.compile(drl.toString())));
        List<BitSet> opens;
        try {
            opens = learning.join();
        } catch (CompletionException e) {
            return refused("the rules' consequences cannot be fired on their own");
        }
        if (bases.containsValue(null)) {
            return refused("the rules' conditions do not compile as probes");
        }
        return new Analysis(
                Optional.of(new SameFirings(
                        Map.copyOf(bases),
                        List.copyOf(parts),
                        names,
                        ruleOf.stream().mapToInt(Integer::intValue).toArray(),
                        otherPatternsOf,
                        opens)),
                null);
    }

    /**
     * Why these rules are outside the form the shortcut needs, or null when they only ever add facts: then the rules
     * that fire are the closure, whatever order they are written in or fire in (see above).
     */
    static String whyNot(RuleModel model) {
        if (model.unreadable() != null) {
            return model.unreadable();
        }
        if (model.declares() != null) {
            return model.declares() + " declares globals, functions or types";
        }
        Set<String> made = new HashSet<>();
        for (RuleModel.Rule rule : model.rules()) {
            if (rule.inserts() == null) {
                return "rule \"" + rule.name() + "\" does more than insert a new fact";
            }
            made.addAll(rule.inserts());
        }
        if (made.contains("Situation") || made.contains("String")) {
            return "a rule inserts a Situation or a String";
        }
        List<String> names = new ArrayList<>();
        for (RuleModel.Rule rule : model.rules()) {
            String why = refusal(rule, made, names);
            if (why != null) {
                return why;
            }
            names.add(rule.name());
        }
        return null;
    }

    /** Why a rule is outside the form the shortcut needs, or null. */
    private static String refusal(RuleModel.Rule rule, Set<String> made, List<String> names) {
        if (rule.notPlain() != null) {
            return rule.notPlain();
        }
        if (names.contains(rule.name())) {
            return "two rules are called \"" + rule.name() + "\"";
        }
        for (var a : rule.attributes().entrySet()) {
            if (!ALLOWED_ATTRIBUTES.contains(a.getKey())
                    || (a.getKey().equals("salience") && !a.getValue().trim().matches("-?\\d+"))) {
                return "rule \"" + rule.name() + "\" has the attribute " + a.getKey();
            }
        }
        for (RuleModel.FactPattern p : rule.patterns()) {
            if (p.isSituation()
                    && p.constraints().stream().anyMatch(c -> !AnswerSpace.DIMENSIONS.containsAll(c.answers()))) {
                return "rule \"" + rule.name() + "\" reads something a situation's answers do not give";
            }
            if (!p.isSituation() && !made.contains(p.type()) || p.type().equals("Object")) {
                return "rule \"" + rule.name() + "\" matches " + p.type() + ", which no rule inserts";
            }
        }
        return null;
    }

    /**
     * The rules that fire for a situation whose patterns hold as given, found without the engine: rules that only add
     * facts fire exactly when their situation patterns hold and each of their other patterns matches a fact a rule
     * that fired inserted, so the fired rules are the closure of that step. Worked out by counting: each rule waits
     * for its patterns; a situation pattern that holds, or another pattern that a fired rule's facts match (once), takes
     * one off the count of each rule that has it; a rule whose count reaches none fires, and opens its own.
     */
    BitSet closure(BitSet holding) {
        BitSet fired = new BitSet(patternCount.length);
        // by rule: how many of its patterns do not hold yet; a rule fires when none is left
        int[] missing = patternCount.clone();
        int[] ready = new int[patternCount.length];
        int waiting = 0;
        for (int r = 0; r < missing.length; r++) {
            if (missing[r] == 0) {
                ready[waiting++] = r;
            }
        }
        for (int p = holding.nextSetBit(0); p >= 0 && p < ruleOf.length; p = holding.nextSetBit(p + 1)) {
            if (--missing[ruleOf[p]] == 0) {
                ready[waiting++] = ruleOf[p];
            }
        }
        boolean[] opened = new boolean[waitingOn.length];
        while (waiting > 0) {
            int r = ready[--waiting];
            fired.set(r);
            for (int o : opens[r]) {
                if (o < opened.length && !opened[o]) {
                    opened[o] = true;
                    for (int q : waitingOn[o]) {
                        if (--missing[q] == 0) {
                            ready[waiting++] = q;
                        }
                    }
                }
            }
        }
        return fired;
    }

    /** The rules named, as a set like {@link #closure}'s; null when a name is not one of these rules. */
    BitSet rulesNamed(Collection<String> names) {
        BitSet rules = new BitSet(ruleNames.size());
        for (String name : names) {
            Integer r = ruleIndex.get(name);
            if (r == null) {
                return null;
            }
            rules.set(r);
        }
        return rules;
    }

    /** The name of rule {@code r} (bit {@code r} of a set of rules). */
    String name(int r) {
        return ruleNames.get(r);
    }

    private static Analysis refused(String why) {
        return new Analysis(Optional.empty(), why);
    }

    /** How many situation patterns the rules have; bit {@code i} of a set of patterns stands for pattern {@code i}. */
    int patterns() {
        return ruleOf.length;
    }

    /**
     * A part of a situation pattern: those of its conditions that read these answers ({@code role}, {@code readiness},
     * … {@code safety}). The pattern holds when the conditions of each of its parts hold.
     */
    record Part(int pattern, List<String> answersRead) {}

    /** The parts of the situation patterns; probe "s{@code i}" tests part {@code i} ({@link #newProbeSession}). */
    List<Part> parts() {
        return parts;
    }

    /**
     * A new session of the probes of the situation patterns' parts that read these answers (each rule "s{@code i}"
     * fires when the conditions of part {@code i} hold, {@link #parts}), for one thread.
     */
    ProbeBase.Session newProbeSession(List<String> answersRead) {
        return new ProbeBase.Session(probes.get(answersRead));
    }
}
