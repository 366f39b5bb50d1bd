package org.trustrepair.advisor.proof;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * Reads one condition of a pattern ({@code daysElapsed < 14}, {@code !stillHappening}) with Drools' expression
 * parser into the comparisons it makes, and says whether it can be followed (see {@link RuleModel}).
 */
final class ConstraintReader {

    /** The situation's yes/no properties, which a condition may name on their own. */
    private static final Set<String> FLAGS = Stream.concat(
                    Condition.ANSWERS.values().stream()
                            .filter(c -> c.getType() == boolean.class)
                            .map(RecordComponent::getName),
                    Stream.of("safetyConcern"))
            .collect(Collectors.toUnmodifiableSet());

    private ConstraintReader() {}

    /** A pattern's condition: the answers it reads and its comparisons, read with Drools' expression parser. */
    static RuleModel.Constraint read(String text, boolean situation) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr parsed = parser.parse(text);
        List<RuleModel.Comparison> comparisons = new ArrayList<>();
        boolean followed = !parser.hasErrors() && parsed != null && walk(parsed, situation, comparisons);
        Set<String> answers = !situation
                ? Set.of()
                : followed
                        ? comparisons.stream()
                                .map(c -> RuleModel.answerOf(c.property()))
                                .collect(Collectors.toUnmodifiableSet())
                        : RuleModel.ANSWERS;
        return new RuleModel.Constraint(text, answers, List.copyOf(comparisons), followed);
    }

    /** Whether this part of a condition is followed; its comparisons added. */
    private static boolean walk(BaseDescr d, boolean situation, List<RuleModel.Comparison> comparisons) {
        if (d instanceof ConstraintConnectiveDescr c) {
            return !c.isNegated() && c.getDescrs().stream().allMatch(x -> walk(x, situation, comparisons));
        }
        if (d instanceof AtomicExprDescr a) {
            String e = a.getExpression().trim();
            boolean not = e.startsWith("!");
            String property = not ? e.substring(1).trim() : e;
            if (!(situation ? FLAGS.contains(property) : isName(property))) {
                return false;
            }
            comparisons.add(new RuleModel.Comparison(property, "==", not ? "false" : "true"));
            return true;
        }
        if (d instanceof RelationalExprDescr r
                && r.getLeft() instanceof AtomicExprDescr left
                && r.getRight() instanceof AtomicExprDescr right) {
            String op = (r.isNegated() ? "!" : "") + r.getOperator();
            String l = left.getExpression().trim();
            String v = right.getExpression().trim();
            if (isProperty(l, situation) && isConstant(right)) {
                comparisons.add(new RuleModel.Comparison(l, op, v));
                return true;
            }
            if (isProperty(v, situation) && isConstant(left)) {
                comparisons.add(new RuleModel.Comparison(v, mirrored(op), l));
                return true;
            }
        }
        return false;
    }

    private static boolean isProperty(String e, boolean situation) {
        return situation ? RuleModel.answerOf(e) != null : isName(e);
    }

    /** A literal ({@code 14}, {@code "x"}, {@code true}) or a constant of a type ({@code Breach.INFIDELITY}). */
    private static boolean isConstant(AtomicExprDescr a) {
        String e = a.getExpression().trim();
        int dot = e.lastIndexOf('.');
        return a.isLiteral()
                || (dot > 0
                        && Character.isUpperCase(e.charAt(0))
                        && isName(e.substring(0, dot))
                        && isName(e.substring(dot + 1)));
    }

    /** A plain Java name: letters, digits and underscores, not starting with a digit. */
    private static boolean isName(String e) {
        return !e.isEmpty()
                && Character.isJavaIdentifierStart(e.charAt(0))
                && e.charAt(0) != '$'
                && e.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')
                && !e.equals("this");
    }

    private static String mirrored(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            case "==", "!=" -> op;
            default -> "mirrored " + op;
        };
    }
}
