package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.trustrepair.advisor.advice.Answers;

/**
 * A rule set's DRL as Drools' own parser reads it, once per rule set ({@link RulesRead}): each rule's patterns, and for
 * each condition of a pattern the answers it reads and the comparisons of an answer with a constant it makes
 * ({@code daysElapsed < 14}, {@code breach == Breach.INFIDELITY}, {@code safety contains SafetyFlag.PROTECTIVE_ORDER},
 * {@code !stillHappening}). The answer space (which numbers and values the rules can tell apart, which answers a role's
 * plan depends on) and the sweep's shortcut ({@link SameFirings}) are read from this.
 *
 * <p>A constraint (a condition of a pattern) is <em>followed</em> when it is made of properties, constants and literals only, compared with each
 * other and joined with {@code &&}, {@code ||} (or {@code in}): no call, arithmetic, binding or variable. Answers are
 * read only by patterns that match a situation ({@code Situation( … )}, {@code Object( … )}), through their constraints;
 * a condition that cannot be followed, or a situation pattern that is bound or read from somewhere, could read any
 * answer, and every reading of the model assumes it does.
 *
 * <p>Each condition is read by {@link ConstraintReader}, each consequence by {@link ConsequenceReader}.
 *
 * @param imports the targets of the files' imports
 * @param unreadable why the files cannot be read rule by rule (one does not parse), or null
 * @param declares a file that declares globals, functions or types, or null
 */
record RuleModel(List<Rule> rules, Set<String> imports, String unreadable, String declares) {

    /**
     * The answers a situation's properties are read from: each its own property (every component of {@link Answers}),
     * and {@code safetyConcern}.
     */
    static final Set<String> ANSWERS = Set.copyOf(Condition.ANSWERS.keySet());

    /**
     * A property compared with a constant, the property first ({@code 14 > daysElapsed} is {@code daysElapsed < 14},
     * {@code !stillHappening} is {@code stillHappening == false}); a negated operator is written with a {@code !}
     * before it ({@code safety not contains X} is {@code !contains}).
     */
    record Comparison(String property, String operator, String value) {}

    /** One condition of a pattern (a part between its top-level commas), as written, and what it reads. */
    record Constraint(String text, Set<String> answers, List<Comparison> comparisons, boolean followed) {
        /** The one comparison this condition is, or null. */
        Comparison only() {
            return followed && comparisons.size() == 1 ? comparisons.get(0) : null;
        }
    }

    /** A pattern: the simple name of its type and its constraints. */
    record FactPattern(String type, List<Constraint> constraints) {
        /** Whether it can match a situation. */
        boolean isSituation() {
            return type.equals("Situation") || type.equals("Object");
        }

        String text() {
            return type + "( "
                    + String.join(
                            ", ", constraints.stream().map(Constraint::text).toList()) + " )";
        }
    }

    /**
     * A rule: its name, attributes and every pattern it has (those under {@code not}, {@code exists}, {@code or} too),
     * its consequence as written and the types of the facts it inserts (null when it does more than insert new facts
     * built from constants), and why it is not a list of plain patterns with followed conditions (null when it
     * is); and where it is written: its file, and its text from {@code rule} to {@code end} (null when the parser did
     * not say where it ends).
     */
    record Rule(
            String file,
            String text,
            String name,
            Map<String, String> attributes,
            List<FactPattern> patterns,
            String consequence,
            List<String> inserts,
            String notPlain) {}

    /** The model of the rules in these files (DRL by path, decision tables as DRL). */
    static RuleModel of(Map<String, String> drlSources) {
        List<Rule> rules = new ArrayList<>();
        Set<String> imports = new TreeSet<>();
        String declares = null;
        for (var file : new TreeMap<>(drlSources).entrySet()) {
            PackageDescr pkg;
            try {
                DrlParser parser = new DrlParser();
                pkg = parser.parse(false, file.getValue());
                if (parser.hasErrors() || pkg == null) {
                    return new RuleModel(List.of(), Set.of(), file.getKey() + " does not parse", null);
                }
            } catch (DroolsParserException | RuntimeException e) {
                return new RuleModel(List.of(), Set.of(), file.getKey() + " does not parse", null);
            }
            if (!pkg.getGlobals().isEmpty()
                    || !pkg.getFunctions().isEmpty()
                    || !pkg.getTypeDeclarations().isEmpty()
                    || !pkg.getEnumDeclarations().isEmpty()
                    || !pkg.getEntryPointDeclarations().isEmpty()
                    || !pkg.getWindowDeclarations().isEmpty()) {
                declares = file.getKey();
            }
            pkg.getImports().forEach(i -> imports.add(i.getTarget()));
            pkg.getRules().forEach(r -> rules.add(rule(file.getKey(), file.getValue(), r)));
        }
        return new RuleModel(List.copyOf(rules), Set.copyOf(imports), null, declares);
    }

    private static Rule rule(String file, String drl, RuleDescr descr) {
        Map<String, String> attributes = new TreeMap<>();
        descr.getAttributes().forEach((name, a) -> attributes.put(name, a.getValue()));
        List<FactPattern> patterns = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (descr.getParentName() != null || descr.isQuery()) {
            why.add("extends another rule or is a query");
        }
        descr.getLhs().getDescrs().forEach(d -> read(d, true, patterns, why));
        for (FactPattern p : patterns) {
            if (p.constraints().stream().anyMatch(c -> !c.followed())) {
                why.add("binds or refers to other patterns, or tests " + p.type()
                        + " in a way that cannot be followed");
            }
        }
        String consequence =
                descr.getConsequence() == null ? "" : descr.getConsequence().toString();
        List<String> inserts = ConsequenceReader.inserts(consequence);
        return new Rule(
                file,
                textOf(drl, descr),
                descr.getName(),
                attributes,
                List.copyOf(patterns),
                consequence,
                inserts == null ? null : List.copyOf(inserts),
                why.isEmpty() ? null : "rule \"" + descr.getName() + "\" " + why.get(0));
    }

    /** The rule as written, from {@code rule} to {@code end}, or null when the parser did not say where. */
    private static String textOf(String drl, RuleDescr descr) {
        int start = descr.getStartCharacter();
        int end = Math.min(drl.length(), descr.getEndCharacter() + 1);
        if (start < 0 || end <= start) {
            return null;
        }
        String text = drl.substring(start, end).strip();
        return text.startsWith("rule") && text.endsWith("end") ? text : null;
    }

    /** Reads a part of a rule's conditions, noting what keeps it from being a plain pattern. */
    private static void read(BaseDescr d, boolean top, List<FactPattern> patterns, List<String> why) {
        if (d instanceof PatternDescr p) {
            boolean plain = top && p.getSource() == null && p.getIdentifier() == null && !p.isQuery();
            if (!plain) {
                why.add("has a condition that is not a plain pattern");
            }
            String type = p.getObjectType().substring(p.getObjectType().lastIndexOf('.') + 1);
            boolean situation = type.equals("Situation") || type.equals("Object");
            List<Constraint> conditions = new ArrayList<>();
            if (situation && (p.getSource() != null || p.getIdentifier() != null)) {
                // a bound situation could pass any answer on
                conditions.add(new Constraint("", ANSWERS, List.of(), false));
            }
            for (BaseDescr c : p.getDescrs()) {
                conditions.add(
                        c instanceof ExprConstraintDescr e
                                ? ConstraintReader.read(e.getExpression(), situation)
                                : new Constraint(c.getText(), ANSWERS, List.of(), false));
            }
            patterns.add(new FactPattern(type, List.copyOf(conditions)));
            // the patterns it is accumulated or collected from
            if (p.getSource() instanceof AccumulateDescr a) {
                read(a.getInput(), false, patterns, why);
            } else if (p.getSource() instanceof CollectDescr c) {
                read(c.getInputPattern(), false, patterns, why);
            }
        } else if (d instanceof ConditionalElementDescr ce && !(d instanceof EvalDescr)) {
            why.add("has a condition that is not a plain pattern");
            ce.getDescrs().forEach(inner -> read(inner, false, patterns, why));
        } else {
            why.add("has a condition that is not a plain pattern");
            // an eval, or a branch, can see no answer but through a bound situation, whose pattern assumes the worst
        }
    }

    /** The answer a property of a situation is read from, or null. */
    static String answerOf(String property) {
        return property.equals("safetyConcern") ? "safety" : ANSWERS.contains(property) ? property : null;
    }

    /** Every condition of a situation pattern, in every rule. */
    List<Constraint> situationConstraints() {
        return rules.stream()
                .flatMap(r -> r.patterns().stream())
                .filter(FactPattern::isSituation)
                .flatMap(p -> p.constraints().stream())
                .toList();
    }
}
