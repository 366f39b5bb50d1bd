package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * Tells, without running the rules, which rules fire for a situation, for rule sets that only ever add facts; and
 * so that two situations fire exactly the same rules. A sweep then evaluates one situation of each kind and knows
 * the rest.
 *
 * <p>The rules qualify when every rule is a list of plain patterns (no {@code not}, {@code exists}, {@code or},
 * {@code from}, {@code eval}, no bindings), its {@code Situation( … )} conditions compare answers with constants, its
 * other patterns test only the fields of facts other rules insert, and its consequence only inserts new facts built
 * from constants; and no attribute but a constant salience. Such rules never take a fact back, so the rules that fire
 * for a situation are the closure: a rule fires when its situation conditions hold and each of its other patterns
 * matches a fact that a rule which fired inserted.
 *
 * <p>Why that makes two situations alike: let situation {@code s} fire the rules {@code E}, inserting the facts
 * {@code F}. Call a rule <em>open</em> in {@code s} when each of its other patterns matches a fact of {@code F} (a
 * rule with only situation conditions is always open). If situation {@code t} agrees with {@code s} on the
 * {@code Situation( … )} conditions of every rule open in {@code s}, then {@code t} fires exactly {@code E}: every
 * rule of {@code E} fires in {@code t} (by induction on the order they fired in {@code s}); and the first rule to
 * fire in {@code t} outside {@code E} would have its other patterns matched by facts of {@code E}'s rules, so it is
 * open in {@code s}, its situation conditions hold in {@code s} too, and it would have fired in {@code s}. The same
 * rules insert the same facts, so the plan is the same but for the answers written into reasons.
 *
 * <p>The closure itself ({@link #closure}): a rule fires exactly when its situation conditions hold and each of its
 * other patterns matches a fact inserted by a rule that fires. Which situation conditions hold is tested by
 * {@link Probe}, and which other patterns each rule's facts match is learnt once, by firing each consequence on its
 * own; both with the engine itself, in two small rule bases of probes made from the rules' own conditions and
 * consequences. The sweep checks the closure against the engine on every situation it evaluates.
 */
public final class SameFirings {

    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("salience", "dialect");
    private static final Pattern INSERT = Pattern.compile(
            "(?:insert|insertLogical)\\s*\\(\\s*new\\s+([A-Z]\\w*)\\s*\\((?:[^()$;{}\"]|\"[^\"\\\\]*\")*\\)\\s*\\)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern INSERT_LOGICAL = Pattern.compile("\\binsertLogical\\s*\\(");

    private final KieBase probes;
    private final List<List<String>> fieldsRead;
    private final long[] alwaysOpen;

    /** Every rule, by index: its name, its situation patterns, its other patterns, and the other patterns its facts match. */
    private final List<String> ruleNames;
    /** The rules' indexes in the order of their names. */
    private final int[] byName;

    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final long[][] situationMaskOfRule;
    private final long[][] otherMaskOfRule;
    private final long[][] opensOfRule;
    /** The rule each situation pattern belongs to; how many situation patterns each rule has; the rules with none. */
    private final int[] ownerOfPattern;

    private final int[] situationPatternsOfRule;
    private final int[] withoutSituation;

    private SameFirings(
            KieBase probes,
            List<List<String>> fieldsRead,
            long[] alwaysOpen,
            List<String> ruleNames,
            long[][] situationMaskOfRule,
            long[][] otherMaskOfRule,
            long[][] opensOfRule) {
        this.probes = probes;
        this.fieldsRead = fieldsRead;
        this.alwaysOpen = alwaysOpen;
        this.ruleNames = ruleNames;
        for (int r = 0; r < ruleNames.size(); r++) {
            ruleIndex.put(ruleNames.get(r), r);
        }
        this.byName = IntStream.range(0, ruleNames.size())
                .boxed()
                .sorted(Comparator.comparing(ruleNames::get))
                .mapToInt(Integer::intValue)
                .toArray();
        this.situationMaskOfRule = situationMaskOfRule;
        this.otherMaskOfRule = otherMaskOfRule;
        this.opensOfRule = opensOfRule;
        this.ownerOfPattern = new int[fieldsRead.size()];
        this.situationPatternsOfRule = new int[ruleNames.size()];
        List<Integer> without = new ArrayList<>();
        for (int r = 0; r < ruleNames.size(); r++) {
            for (int p = 0; p < fieldsRead.size(); p++) {
                if ((situationMaskOfRule[r][p >>> 6] & 1L << (p & 63)) != 0) {
                    ownerOfPattern[p] = r;
                    situationPatternsOfRule[r]++;
                }
            }
            if (situationPatternsOfRule[r] == 0) {
                without.add(r);
            }
        }
        this.withoutSituation = without.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rules' situation conditions and probes, or why the rules do not qualify. */
    public record Analysis(Optional<SameFirings> firings, String whyNot) {}

    /** Whether these rules qualify, and if so their probes: {@link RuleSet#sameFirings()}, made once per rule set. */
    public static Analysis of(RuleSet rules) {
        return RulesRead.sameFirings(rules);
    }

    /** Whether the rules in these files (DRL text by path, decision tables as DRL) qualify, and if so their probes. */
    static Analysis of(Map<String, String> drlSources) {
        List<RuleDescr> all = new ArrayList<>();
        Set<String> imports = new TreeSet<>();
        try {
            for (var e : new TreeMap<>(drlSources).entrySet()) {
                PackageDescr pkg = Drl.parse(DecisionKey.withoutComments(e.getValue()));
                if (!pkg.getGlobals().isEmpty()
                        || !pkg.getFunctions().isEmpty()
                        || !pkg.getTypeDeclarations().isEmpty()
                        || !pkg.getEnumDeclarations().isEmpty()
                        || !pkg.getEntryPointDeclarations().isEmpty()
                        || !pkg.getWindowDeclarations().isEmpty()) {
                    return refused(e.getKey() + " declares globals, functions or types");
                }
                pkg.getImports().forEach(i -> imports.add("import " + i.getTarget() + ";"));
                all.addAll(pkg.getRules());
            }
        } catch (DroolsParserException | RuntimeException e) {
            return refused("a file could not be read rule by rule");
        }
        Set<String> made = new HashSet<>();
        for (RuleDescr rule : all) {
            String why = consequenceMakes(rule, made);
            if (why != null) {
                return refused(why);
            }
        }
        if (made.contains("Situation") || made.contains("String")) {
            return refused("a rule inserts a Situation or a String");
        }
        // two rule bases of probes: the rules' situation conditions, and their consequences with their other patterns
        StringBuilder drl = new StringBuilder("package trustrepair.samefirings;\ndialect \"mvel\"\n");
        imports.forEach(i -> drl.append(i).append('\n'));
        StringBuilder facts = new StringBuilder(drl);
        List<List<String>> fields = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        Map<String, Integer> otherIndex = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<List<Integer>> situationsOfRule = new ArrayList<>();
        List<int[]> othersOfRule = new ArrayList<>();
        for (RuleDescr rule : all) {
            String why = attributesRefused(rule);
            if (why != null) {
                return refused(why);
            }
            if (names.contains(rule.getName())) {
                return refused("two rules are called \"" + rule.getName() + "\"");
            }
            // the rule's consequence alone, fired on its own (by a word of its own) to learn which patterns its facts
            // match
            facts.append("rule \"f")
                    .append(names.size())
                    .append("\"\nwhen\n  String( this == \"f")
                    .append(names.size())
                    .append("\" )\nthen\n  ")
                    .append(INSERT_LOGICAL
                            .matcher(rule.getConsequence().toString())
                            .replaceAll("insert("))
                    .append("\nend\n");
            names.add(rule.getName());
            List<Integer> mine = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (BaseDescr d : rule.getLhs().getDescrs()) {
                if (!(d instanceof PatternDescr p)
                        || p.getSource() != null
                        || p.getIdentifier() != null
                        || p.isQuery()) {
                    return refused("rule \"" + rule.getName() + "\" has a condition that is not a plain pattern");
                }
                List<String> conditions = new ArrayList<>();
                for (BaseDescr c : p.getDescrs()) {
                    if (!(c instanceof ExprConstraintDescr expr)
                            || expr.getExpression().contains("$")
                            || Drl.withoutStrings(expr.getExpression())
                                    .replace("::", "")
                                    .contains(":")) {
                        return refused("rule \"" + rule.getName() + "\" binds or refers to other patterns");
                    }
                    conditions.add(expr.getExpression());
                }
                String type = simpleName(p.getObjectType());
                if (type.equals("Situation")) {
                    List<String> read = Drl.answersRead(conditions);
                    if (read == null) {
                        return refused(
                                "rule \"" + rule.getName() + "\" tests the situation in a way that cannot be followed");
                    }
                    int index = fields.size();
                    fields.add(read);
                    mine.add(index);
                    drl.append("rule \"s")
                            .append(index)
                            .append("\"\nwhen\n  Situation( ")
                            .append(conditions.isEmpty() ? "true" : String.join(", ", conditions))
                            .append(" )\nthen\nend\n");
                } else if (made.contains(type) && !type.equals("Object")) {
                    if (conditions.stream().anyMatch(c -> c.contains("(") && !c.matches(".*\\b(in|not in)\\s*\\(.*"))) {
                        return refused("rule \"" + rule.getName() + "\" calls something in a condition on " + type);
                    }
                    others.add(type + "( " + String.join(", ", conditions) + " )");
                } else {
                    return refused("rule \"" + rule.getName() + "\" matches " + type + ", which no rule inserts");
                }
            }
            int[] indexes = new int[others.size()];
            for (int i = 0; i < indexes.length; i++) {
                String pattern = others.get(i);
                indexes[i] = otherIndex.computeIfAbsent(pattern, k -> {
                    int o = otherIndex.size();
                    facts.append("rule \"o")
                            .append(o)
                            .append("\"\nwhen\n  ")
                            .append(pattern)
                            .append("\nthen\nend\n");
                    return o;
                });
            }
            situationsOfRule.add(mine);
            othersOfRule.add(indexes);
            if (others.isEmpty()) {
                always.addAll(mine);
            }
        }
        int words = Math.max(1, (fields.size() + 63) / 64);
        int otherWords = Math.max(1, (otherIndex.size() + 63) / 64);
        // the two probe rule bases are made side by side
        CompletableFuture<long[][]> learning =
                CompletableFuture.supplyAsync(() -> learn(facts.toString(), names.size(), otherWords), task -> {
                    Thread t = new Thread(task, "consequence-probes");
                    t.setDaemon(true);
                    t.start();
                });
        KieBase base = Drl.compile(drl.toString());
        long[][] opens;
        try {
            opens = learning.join();
        } catch (CompletionException e) {
            return refused("the rules' consequences cannot be fired on their own");
        }
        if (base == null) {
            return refused("the rules' conditions do not compile as probes");
        }
        long[][] situationMasks =
                situationsOfRule.stream().map(m -> mask(m, words)).toArray(long[][]::new);
        long[][] otherMasks = othersOfRule.stream()
                .map(o -> mask(Arrays.stream(o).boxed().toList(), otherWords))
                .toArray(long[][]::new);
        SameFirings firings = new SameFirings(
                base, List.copyOf(fields), mask(always, words), List.copyOf(names), situationMasks, otherMasks, opens);
        return new Analysis(Optional.of(firings), null);
    }

    /**
     * Fires each rule's consequence on its own (its probe waits for a word of its own), and notes which other
     * patterns the facts it inserts match: by rule, a mask of other patterns. The facts stay in the session; the
     * copies insert plainly, so a fact equal to one already there is matched anew.
     */
    private static long[][] learn(String drl, int rules, int otherWords) {
        KieBase base = Drl.compile(drl);
        if (base == null) {
            throw new IllegalStateException("the consequences do not compile on their own");
        }
        KieSession session = base.newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            long[][] opens = new long[rules][];
            for (int r = 0; r < rules; r++) {
                fired.clear();
                session.insert("f" + r);
                session.fireAllRules();
                if (!fired.contains("f" + r)) {
                    throw new IllegalStateException("the consequence of rule " + r + " did not fire");
                }
                long[] mask = new long[otherWords];
                for (String name : fired) {
                    if (name.startsWith("o")) {
                        int o = Integer.parseInt(name.substring(1));
                        mask[o >>> 6] |= 1L << (o & 63);
                    }
                }
                opens[r] = mask;
            }
            return opens;
        } finally {
            session.dispose();
        }
    }

    /**
     * The rules that fire for a situation whose patterns hold as given, found without the engine: rules that only add
     * facts fire exactly when their situation patterns hold and each of their other patterns matches a fact a rule
     * that fired inserted, so the fired rules are the closure of that step. A mask of rules, like
     * {@link #rulesNamed}.
     */
    public long[] closure(long[] holding) {
        int rules = ruleNames.size();
        long[] fired = new long[Math.max(1, (rules + 63) / 64)];
        long[] opened = new long[opensOfRule.length == 0 ? 1 : opensOfRule[0].length];
        // the rules whose situation patterns all hold; of those, the ones still waiting for facts
        int[] waiting = new int[rules];
        int waits = 0;
        for (int r : withoutSituation) {
            waiting[waits++] = r;
        }
        int[] holds = new int[rules];
        for (int w = 0; w < holding.length; w++) {
            long bits = holding[w];
            while (bits != 0) {
                int r = ownerOfPattern[w * 64 + Long.numberOfTrailingZeros(bits)];
                bits &= bits - 1;
                if (++holds[r] == situationPatternsOfRule[r]) {
                    waiting[waits++] = r;
                }
            }
        }
        boolean more = true;
        while (more) {
            more = false;
            int kept = 0;
            for (int i = 0; i < waits; i++) {
                int r = waiting[i];
                if (covers(opened, otherMaskOfRule[r])) {
                    fired[r >>> 6] |= 1L << (r & 63);
                    long[] opens = opensOfRule[r];
                    for (int w = 0; w < opened.length; w++) {
                        opened[w] |= opens[w];
                    }
                    more = true;
                } else {
                    waiting[kept++] = r;
                }
            }
            waits = kept;
        }
        return fired;
    }

    /**
     * The situation patterns of the rules open once the rules given fired (each of their other patterns matches a
     * fact those rules inserted), with those of the rules that are always open: what a situation must share with one
     * that fired these rules to fire them too.
     */
    public long[] open(long[] fired) {
        long[] opened = new long[opensOfRule.length == 0 ? 1 : opensOfRule[0].length];
        for (int r = 0; r < ruleNames.size(); r++) {
            if ((fired[r >>> 6] & 1L << (r & 63)) != 0) {
                for (int w = 0; w < opened.length; w++) {
                    opened[w] |= opensOfRule[r][w];
                }
            }
        }
        long[] open = alwaysOpen.clone();
        for (int r = 0; r < ruleNames.size(); r++) {
            if (covers(opened, otherMaskOfRule[r])) {
                long[] patterns = situationMaskOfRule[r];
                for (int w = 0; w < open.length; w++) {
                    open[w] |= patterns[w];
                }
            }
        }
        return open;
    }

    /** The rules named, as a mask like {@link #closure}'s; null when a name is not one of these rules. */
    public long[] rulesNamed(Collection<String> names) {
        long[] bits = new long[Math.max(1, (ruleNames.size() + 63) / 64)];
        for (String name : names) {
            Integer r = ruleIndex.get(name);
            if (r == null) {
                return null;
            }
            bits[r >>> 6] |= 1L << (r & 63);
        }
        return bits;
    }

    /** Whether one of these rules has this name. */
    public boolean hasRule(String name) {
        return ruleIndex.containsKey(name);
    }

    /** The names of the rules in a mask, in name order. */
    public List<String> names(long[] rules) {
        List<String> names = new ArrayList<>();
        for (int r : byName) {
            if ((rules[r >>> 6] & 1L << (r & 63)) != 0) {
                names.add(ruleNames.get(r));
            }
        }
        return List.copyOf(names);
    }

    /** Every rule's name, bit {@code i} of a mask of rules standing for name {@code i}. */
    public List<String> ruleNames() {
        return ruleNames;
    }

    private static boolean covers(long[] bits, long[] mask) {
        for (int w = 0; w < mask.length; w++) {
            if ((bits[w] & mask[w]) != mask[w]) {
                return false;
            }
        }
        return true;
    }

    private static Analysis refused(String why) {
        return new Analysis(Optional.empty(), why);
    }

    /** Null when the consequence only inserts new facts built from constants (their types added to {@code made}). */
    private static String consequenceMakes(RuleDescr rule, Set<String> made) {
        Object consequence = rule.getConsequence();
        String rhs = consequence == null
                ? ""
                : DecisionKey.withoutComments(consequence.toString()).trim();
        for (String statement : rhs.split(";")) {
            String s = statement.trim();
            if (s.isEmpty()) {
                continue;
            }
            var m = INSERT.matcher(s);
            if (!m.matches()) {
                return "rule \"" + rule.getName() + "\" does more than insert a new fact";
            }
            made.add(m.group(1));
        }
        return null;
    }

    private static String attributesRefused(RuleDescr rule) {
        for (AttributeDescr a : rule.getAttributes().values()) {
            if (!ALLOWED_ATTRIBUTES.contains(a.getName())
                    || (a.getName().equals("salience")
                            && !INTEGER.matcher(a.getValue().trim()).matches())) {
                return "rule \"" + rule.getName() + "\" has the attribute " + a.getName();
            }
        }
        if (rule instanceof QueryDescr) {
            return "the rules hold a query";
        }
        if (rule.getParentName() != null) {
            return "rule \"" + rule.getName() + "\" extends another rule";
        }
        return null;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static long[] mask(List<Integer> bits, int words) {
        long[] mask = new long[words];
        bits.forEach(b -> mask[b >>> 6] |= 1L << (b & 63));
        return mask;
    }

    /** How many {@code Situation( … )} patterns the rules have; bit {@code i} of a mask stands for pattern {@code i}. */
    public int patterns() {
        return fieldsRead.size();
    }

    /** The number of {@code long} words in a mask. */
    public int words() {
        return alwaysOpen.length;
    }

    /** The answers pattern {@code i}'s conditions read ({@code role}, {@code readiness}, … {@code safety}). */
    public List<String> fieldsRead(int pattern) {
        return fieldsRead.get(pattern);
    }

    /** A probe for one thread. */
    public Probe newProbe() {
        return new Probe();
    }

    /** Tests situation conditions and open rules with the engine; one session, not thread-safe. */
    public final class Probe implements AutoCloseable {
        private final KieSession session = probes.newKieSession();
        private final List<String> fired = new ArrayList<>();

        private Probe() {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
        }

        /** The situation patterns whose conditions hold for these answers. */
        public long[] holding(Answers answers) {
            long[] bits = new long[alwaysOpen.length];
            for (String name : run(List.of(new Situation(answers)))) {
                if (name.startsWith("s")) {
                    int i = Integer.parseInt(name.substring(1));
                    bits[i >>> 6] |= 1L << (i & 63);
                }
            }
            return bits;
        }

        private List<String> run(Collection<?> facts) {
            fired.clear();
            List<FactHandle> handles = new ArrayList<>();
            for (Object fact : facts) {
                handles.add(session.insert(fact));
            }
            session.fireAllRules();
            handles.forEach(session::delete);
            return List.copyOf(fired);
        }

        @Override
        public void close() {
            session.dispose();
        }
    }
}
