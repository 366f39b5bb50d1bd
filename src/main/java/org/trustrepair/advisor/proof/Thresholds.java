package org.trustrepair.advisor.proof;

import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the rules can tell one number from the next. A rule compares a number answer with a literal
 * ({@code daysElapsed < 14}, {@code apologiesMade >= 2}); each comparison cuts the range in two. Between two cuts no
 * rule can tell values apart, so checking both ends of every piece checks every value. This is what makes the
 * guardrail sweep a proof over days and apologies rather than a sample.
 */
final class Thresholds {

    private static final String OP = "(<=|>=|==|!=|<|>)";

    private Thresholds() {}

    /** Cut points c for a field: some rule may treat c-1 and c differently. Always includes the minimum. */
    static TreeSet<Integer> cuts(Collection<String> drlTexts, String field, int min, int max) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(min);
        Pattern fieldFirst = Pattern.compile("\\b" + field + "\\s*" + OP + "\\s*(\\d+)");
        Pattern numberFirst = Pattern.compile("(\\d+)\\s*" + OP + "\\s*" + field + "\\b");
        for (String text : drlTexts) {
            Matcher m = fieldFirst.matcher(text);
            while (m.find()) {
                addCuts(cuts, m.group(1), Integer.parseInt(m.group(2)));
            }
            m = numberFirst.matcher(text);
            while (m.find()) {
                addCuts(cuts, mirror(m.group(2)), Integer.parseInt(m.group(1)));
            }
        }
        cuts.removeIf(c -> c < min || c > max);
        return cuts;
    }

    /**
     * The values a sweep must try: both sides of every cut, and one value past the last cut (so {@code >= 2} gives
     * 1, 2 and 3). Every piece between cuts is then tried, and no value in between can behave differently.
     */
    static TreeSet<Integer> representatives(Collection<String> drlTexts, String field, int min, int max) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int cut : cuts(drlTexts, field, min, max)) {
            if (cut > min) {
                values.add(cut - 1);
                values.add(cut);
            }
        }
        if (values.isEmpty()) {
            values.add(min);
        } else if (values.last() < max) {
            values.add(values.last() + 1);
        }
        return values;
    }

    /** Whether any comparison of the field is written in a form the cuts do not understand (arithmetic, a variable). */
    static boolean hasUnrecognisedUse(Collection<String> drlTexts, String field) {
        Pattern any = Pattern.compile("\\b" + field + "\\b");
        Pattern known = Pattern.compile(
                "\\b" + field + "\\s*" + OP + "\\s*\\d+|\\d+\\s*" + OP + "\\s*" + field + "\\b" + "|\\{" + field + "}");
        for (String text : drlTexts) {
            String withoutComments = text.replaceAll("(?m)//.*$", "");
            int all = count(any.matcher(withoutComments));
            int recognised = count(known.matcher(withoutComments));
            if (all != recognised) {
                return true;
            }
        }
        return false;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void addCuts(TreeSet<Integer> cuts, String op, int n) {
        switch (op) {
            case "<", ">=" -> cuts.add(n);
            case "<=", ">" -> cuts.add(n + 1);
            default -> {
                cuts.add(n);
                cuts.add(n + 1);
            }
        }
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
