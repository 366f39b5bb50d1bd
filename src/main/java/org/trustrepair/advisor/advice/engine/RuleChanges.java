package org.trustrepair.advisor.advice.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * Which situations an edit of the rules can change, bounded without evaluating them. When the two rule sets differ
 * only in some rules (the rest of every file, every text's kinds and help lines and every other rule's reason
 * unchanged), a situation can get a different evaluation only if one of those rules, old or new, fires for it; and
 * a rule can fire only where its {@code Situation( … )} conditions hold. {@link Probe} tests exactly those
 * conditions, with the engine itself, so a sweep may evaluate again only the situations that pass the probe and keep
 * the outcome of every other situation from the sweep of the rules before the edit.
 *
 * <p>The bound is given up (empty) when it cannot be read this way: text outside the rules changed, a changed rule
 * has no plain {@code Situation( … )} pattern at its top level, or its conditions refer to other patterns.
 */
public final class RuleChanges {

    private RuleChanges() {}

    /** The rules that differ between two rule sets, and a test of where any of them could fire. */
    public static final class Probe {
        private final Set<String> changed;
        private final Set<String> conditionsOnly;
        private final KieBase base;
        private final List<String> fields;

        private Probe(Set<String> changed, Set<String> conditionsOnly, KieBase base, List<String> fields) {
            this.changed = Set.copyOf(changed);
            this.conditionsOnly = Set.copyOf(conditionsOnly);
            this.base = base;
            this.fields = fields;
        }

        /**
         * The changed rules that may act differently wherever they fired before the edit: every changed rule but those
         * whose only change is in their {@code Situation( … )} conditions. Where none of these fired before the edit
         * and {@link #newMatcher()} finds nothing, the edit changes nothing.
         */
        public Set<String> changedWhereTheyFired() {
            Set<String> rules = new LinkedHashSet<>(changed);
            rules.removeAll(conditionsOnly);
            return rules;
        }

        /**
         * The answers the probe's conditions read ({@code role}, {@code readiness}, … {@code safety}): situations that
         * agree on them get the same verdict from a {@link Matcher}. Empty when that cannot be told from the conditions.
         */
        public Optional<List<String>> answersRead() {
            return Optional.ofNullable(fields);
        }

        /** Whether some new or edited conditions must be tested situation by situation ({@link #newMatcher()}). */
        public boolean testsConditions() {
            return base != null;
        }

        /**
         * A test for one thread: whether an added rule, or a rule whose conditions were edited, could fire for the
         * answers (its {@code Situation( … )} conditions hold); for a rule whose only change is in those conditions,
         * whether the old and the new conditions disagree on the answers. Only when {@link #testsConditions()}.
         */
        public Matcher newMatcher() {
            return new Matcher(base.newKieSession(), fields);
        }
    }

    /** Names of the probe's rules: a changed rule that may fire, and the old and new conditions of one changed only in them. */
    private static final String MAY_FIRE = "may fire ";

    private static final String OLD = "old ";
    private static final String NEW = "new ";

    /** A top-level {@code Situation(} pattern's opening, qualified or not, bound or not. */
    private static final java.util.regex.Pattern SITUATION = java.util.regex.Pattern.compile("\\bSituation\\s*\\(");

    /** The answers a {@code Situation} property is read from. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("role", "role"),
            Map.entry("relationship", "relationship"),
            Map.entry("breach", "breach"),
            Map.entry("readiness", "readiness"),
            Map.entry("daysElapsed", "daysElapsed"),
            Map.entry("disclosure", "disclosure"),
            Map.entry("stillHappening", "stillHappening"),
            Map.entry("happenedBefore", "happenedBefore"),
            Map.entry("apologiesMade", "apologiesMade"),
            Map.entry("othersAffected", "othersAffected"),
            Map.entry("contactUnavoidable", "contactUnavoidable"),
            Map.entry("theirResponse", "theirResponse"),
            Map.entry("safety", "safety"),
            Map.entry("safetyConcern", "safety"));

    /** Words of the rule language between a property and a value: not properties. */
    private static final Set<String> OPERATORS =
            Set.of("in", "not", "true", "false", "null", "contains", "excludes", "memberOf", "matches");

    private static final java.util.regex.Pattern STRING = java.util.regex.Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\b[a-z]\\w*\\b");

    /** Files parsed lately, by their text ({@link #parse}): both sides of an edit of a folder of a few dozen files. */
    private static final LastFew<String, PackageDescr> PARSED = new LastFew<>(128);

    /**
     * The answers the conditions read, when that can be told from their words alone: every lower-case word is a
     * property of the situation (capitalised ones are types and their values), and nothing is called. Null otherwise.
     */
    static List<String> answersRead(List<String> conditions) {
        java.util.TreeSet<String> read = new java.util.TreeSet<>();
        for (String condition : conditions) {
            String code = withoutStrings(condition);
            if (code.contains("(") && !code.matches(".*\\b(in|not in)\\s*\\(.*")) {
                return null;
            }
            java.util.regex.Matcher m = WORD.matcher(code.replaceAll("\\b[A-Z]\\w*(\\.[A-Z_0-9]+)?", " "));
            while (m.find()) {
                String word = m.group();
                if (OPERATORS.contains(word)) {
                    continue;
                }
                String answer = PROPERTIES.get(word);
                if (answer == null) {
                    return null;
                }
                read.add(answer);
            }
        }
        return List.copyOf(read);
    }

    /** The code with every string literal emptied, so that only the code's own words are read. */
    static String withoutStrings(String code) {
        return STRING.matcher(code).replaceAll("\"\"");
    }

    /** Whether the conditions a changed rule puts on the situation hold (one engine session; not thread-safe). */
    public static final class Matcher implements AutoCloseable {
        private final KieSession session;
        private final List<String> fields;
        private final Map<List<Object>, Boolean> known = new HashMap<>();

        private Matcher(KieSession session, List<String> fields) {
            this.session = session;
            this.fields = fields;
        }

        /**
         * Tested once for each combination of the answers the conditions read (when those are known), as the
         * conditions cannot tell such situations apart.
         */
        public boolean mayChange(Answers answers) {
            if (fields == null) {
                return test(answers);
            }
            Object[] key = new Object[fields.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = value(answers, fields.get(i));
            }
            return known.computeIfAbsent(java.util.Arrays.asList(key), k -> test(answers));
        }

        /**
         * Whether a probe of a rule that may fire matches, or the old and new conditions of a rule changed only in them
         * disagree (one of the pair matches, not both). Nothing fires: the filter only reads what matched.
         */
        private boolean test(Answers answers) {
            Set<String> matched = new java.util.HashSet<>();
            FactHandle handle = session.insert(new Situation(answers));
            session.fireAllRules(match -> {
                matched.add(match.getRule().getName());
                return false;
            });
            session.delete(handle);
            for (String name : matched) {
                if (name.startsWith(MAY_FIRE)) {
                    return true;
                }
                if (name.startsWith(OLD) && !matched.contains(NEW + name.substring(OLD.length()))) {
                    return true;
                }
                if (name.startsWith(NEW) && !matched.contains(OLD + name.substring(NEW.length()))) {
                    return true;
                }
            }
            return false;
        }

        private static Object value(Answers a, String field) {
            return switch (field) {
                case "role" -> a.role();
                case "relationship" -> a.relationship();
                case "breach" -> a.breach();
                case "readiness" -> a.readiness();
                case "daysElapsed" -> a.daysElapsed();
                case "disclosure" -> a.disclosure();
                case "stillHappening" -> a.stillHappening();
                case "happenedBefore" -> a.happenedBefore();
                case "apologiesMade" -> a.apologiesMade();
                case "othersAffected" -> a.othersAffected();
                case "contactUnavoidable" -> a.contactUnavoidable();
                case "theirResponse" -> a.theirResponse();
                case "safety" -> a.safety();
                default -> throw new IllegalArgumentException(field);
            };
        }

        @Override
        public void close() {
            session.dispose();
        }
    }

    /** The probe for an edit from {@code before} to {@code after}, or empty when the edit cannot be bounded. */
    public static Optional<Probe> between(RuleSet before, RuleSet after) {
        Side old = new Side();
        Side now = new Side();
        Map<String, String> imports = new HashMap<>();
        try {
            for (var e : before.drlSources().entrySet()) {
                old.read(e.getKey(), e.getValue(), imports);
            }
            for (var e : after.drlSources().entrySet()) {
                now.read(e.getKey(), e.getValue(), imports);
            }
        } catch (DroolsParserException | RuntimeException e) {
            return Optional.empty();
        }
        if (!old.outside.equals(now.outside)) {
            return Optional.empty();
        }
        Set<String> changed = new LinkedHashSet<>();
        for (String name : union(old.rules.keySet(), now.rules.keySet())) {
            if (!java.util.Objects.equals(old.rules.get(name), now.rules.get(name))) {
                changed.add(name);
            }
        }
        // texts both have: a text only one has is used by changed rules alone (a rule set whose rules use a text it
        // lacks does not build), so it matters only where they fire
        Set<String> texts = new java.util.HashSet<>(before.catalogue().advice().keySet());
        texts.retainAll(after.catalogue().advice().keySet());
        if (!DecisionKey.ofAllBut(before, changed, texts).equals(DecisionKey.ofAllBut(after, changed, texts))) {
            return Optional.empty();
        }
        StringBuilder drl = new StringBuilder("package trustrepair.probe;\n");
        List<String> allConditions = new ArrayList<>();
        Set<String> conditionsOnly = new LinkedHashSet<>();
        new java.util.TreeSet<>(imports.values()).forEach(i -> drl.append(i).append('\n'));
        int n = 0;
        try {
            for (String name : changed) {
                String head = now.heads.get(name);
                if (head == null || head.equals(old.heads.get(name))) {
                    // removed, or only what it does changed: it can fire after the edit only where it fired before
                    continue;
                }
                List<String> conditions = situationConditions(now.descrs.get(name));
                if (conditions.isEmpty()) {
                    return Optional.empty();
                }
                allConditions.addAll(conditions);
                List<String> was = onlyConditionsChanged(
                        old.written.get(name), old.descrs.get(name), now.written.get(name), now.descrs.get(name));
                if (was.isEmpty()) {
                    probeRule(drl, MAY_FIRE + n++, conditions);
                } else {
                    // the rule acts as before wherever the old and the new conditions agree
                    conditionsOnly.add(name);
                    allConditions.addAll(was);
                    probeRule(drl, OLD + n, was);
                    probeRule(drl, NEW + n++, conditions);
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        KieBase base = n == 0 ? null : compile(drl.toString());
        if (n > 0 && base == null) {
            return Optional.empty();
        }
        return Optional.of(new Probe(changed, conditionsOnly, base, answersRead(allConditions)));
    }

    private static void probeRule(StringBuilder drl, String name, List<String> conditions) {
        drl.append("rule \"")
                .append(name)
                .append("\"\nwhen\n  Situation( ")
                .append(String.join(", ", conditions))
                .append(" )\nthen\nend\n");
    }

    /**
     * The old conditions of a rule whose only change is in the conditions of its top-level {@code Situation( … )}
     * patterns (the rest of its text is the same, word for word: its reason, sources, attributes, other patterns and
     * consequence); empty for any other change, or when the old conditions cannot stand alone.
     */
    private static List<String> onlyConditionsChanged(
            String oldBlock, RuleDescr oldRule, String newBlock, RuleDescr newRule) {
        if (oldBlock == null || newBlock == null) {
            return List.of();
        }
        String oldSkeleton = withoutSituationConditions(oldBlock, oldRule);
        String newSkeleton = withoutSituationConditions(newBlock, newRule);
        if (oldSkeleton == null || !oldSkeleton.equals(newSkeleton)) {
            return List.of();
        }
        return situationConditions(oldRule);
    }

    /**
     * A rule's text with what is inside each {@code Situation( … )} pattern left out; null unless every such pattern
     * is one of the rule's top-level patterns (none inside {@code not}, {@code exists}, {@code from}…).
     */
    private static String withoutSituationConditions(String block, RuleDescr rule) {
        long topLevel = rule.getLhs().getDescrs().stream()
                .filter(RuleChanges::isSituationPattern)
                .count();
        // string literals blanked to spaces of the same length, so that a parenthesis in one is not counted
        String code = STRING.matcher(block)
                .replaceAll(r -> "\"" + " ".repeat(r.group().length() - 2) + "\"");
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = SITUATION.matcher(code);
        int at = 0;
        int found = 0;
        while (m.find(at)) {
            int depth = 1;
            int i = m.end();
            while (i < code.length() && depth > 0) {
                char c = code.charAt(i++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (depth != 0) {
                return null;
            }
            out.append(block, at, m.end()).append('…');
            at = i - 1;
            found++;
        }
        out.append(block.substring(at));
        return found == topLevel ? out.toString() : null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(new java.util.TreeSet<>(a));
        all.addAll(new java.util.TreeSet<>(b));
        return all;
    }

    /**
     * One rule set's files as the edit is bounded with: each rule's decisions (its text without comments, reasons and
     * sources), its head ({@link #head}), its text as written and as parsed; and, by file, what is outside the rules.
     */
    private static final class Side {
        final Map<String, String> rules = new HashMap<>();
        final Map<String, String> heads = new HashMap<>();
        final Map<String, String> written = new HashMap<>();
        final Map<String, RuleDescr> descrs = new HashMap<>();
        final Map<String, String> outside = new TreeMap<>();

        /** Splits one file into its rules (by name, as the engine reads them) and the rest (package, imports…). */
        void read(String path, String drl, Map<String, String> imports) throws DroolsParserException {
            String code = DecisionKey.withoutComments(drl);
            PackageDescr pkg = parse(code);
            StringBuilder rest = new StringBuilder();
            int at = 0;
            List<RuleDescr> sorted = new ArrayList<>(pkg.getRules());
            sorted.sort(java.util.Comparator.comparingInt(BaseDescr::getStartCharacter));
            for (RuleDescr rule : sorted) {
                int start = rule.getStartCharacter();
                int end = rule.getEndCharacter();
                if (start < at || end < start || end > code.length()) {
                    throw new IllegalStateException("rule positions unknown");
                }
                rest.append(code, at, start);
                String text = code.substring(start, Math.min(code.length(), end + 1));
                String block = DecisionKey.decisions(text);
                rules.put(rule.getName(), block);
                written.put(rule.getName(), DecisionKey.spaced(text));
                heads.put(rule.getName(), head(block, rule));
                descrs.put(rule.getName(), rule);
                at = end + 1;
            }
            rest.append(code.substring(Math.min(at, code.length())));
            outside.put(path, DecisionKey.decisions(rest.toString()));
            pkg.getImports().forEach(i -> imports.put(i.getTarget(), "import " + i.getTarget() + ";"));
        }
    }

    /**
     * A rule up to its consequence: name, attributes, metadata and conditions. A rule whose head is unchanged fires in
     * exactly the situations it fired in before, as long as no other rule changed there. Unique text when the
     * consequence cannot be found, so that the rule counts as having new conditions.
     */
    private static String head(String block, RuleDescr rule) {
        Object consequence = rule.getConsequence();
        String rhs = consequence == null ? "" : DecisionKey.decisions(consequence.toString());
        int at = rhs.isEmpty() ? -1 : block.lastIndexOf(rhs);
        return at < 0 ? "?" + System.identityHashCode(rule) : block.substring(0, at);
    }

    /**
     * One DRL file's package, rules and all; throws when it does not parse cleanly. The packages read lately are kept
     * by their text: an edit changes a file or two, and the others are read as they were before (read only: nothing
     * here changes a package once parsed).
     */
    static PackageDescr parse(String code) throws DroolsParserException {
        PackageDescr known = PARSED.get(code);
        if (known != null) {
            return known;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg = parser.parse(false, code);
        if (parser.hasErrors() || pkg == null) {
            throw new IllegalStateException("not parsed");
        }
        PARSED.put(code, pkg);
        return pkg;
    }

    /** Whether a condition of a rule is a plain {@code Situation( … )} pattern (not one read {@code from} elsewhere). */
    private static boolean isSituationPattern(BaseDescr d) {
        return d instanceof PatternDescr p
                && (p.getObjectType().equals("Situation") || p.getObjectType().endsWith(".Situation"))
                && p.getSource() == null;
    }

    /**
     * The conditions of a rule's top-level {@code Situation( … )} patterns ({@code true} when the pattern has none);
     * empty when there is no such rule or pattern, or its conditions cannot stand alone.
     */
    private static List<String> situationConditions(RuleDescr rule) {
        if (rule == null) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        boolean found = false;
        for (BaseDescr d : rule.getLhs().getDescrs()) {
            if (isSituationPattern(d)) {
                PatternDescr p = (PatternDescr) d;
                found = true;
                for (BaseDescr c : p.getDescrs()) {
                    if (!(c instanceof ExprConstraintDescr expr)
                            || expr.getExpression().contains("$")) {
                        return List.of();
                    }
                    conditions.add(expr.getExpression());
                }
            }
        }
        if (!found) {
            return List.of();
        }
        if (conditions.isEmpty()) {
            conditions.add("true");
        }
        return conditions;
    }

    static KieBase compile(String drl) {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("org.trustrepair.rules", "probe", "1.0." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/probe/probe.drl", drl);
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                return null;
            }
            return ks.newKieContainer(id).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }
}
