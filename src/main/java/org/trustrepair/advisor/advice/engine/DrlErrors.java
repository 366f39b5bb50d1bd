package org.trustrepair.advisor.advice.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustrepair.advisor.advice.RuleProblem;

/** Turns the rule compiler's messages into a file, a line, what is wrong and a hint in plain words. */
final class DrlErrors {

    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '([^']*)'");
    private static final Pattern UNABLE_TO_RESOLVE =
            Pattern.compile("[Uu]nable to resolve (?:ObjectType|type) '?([\\w.]+)'?");
    private static final Pattern UNKNOWN_FIELD =
            Pattern.compile("[Uu]nable to (?:find|resolve).*?['\"]?(\\w+)['\"]? (?:in|on|of)");
    private static final Pattern LINE_IN_TEXT = Pattern.compile("\\[(?:Rule name='[^']*')?[^\\]]*?line (\\d+)");

    private DrlErrors() {}

    private static final Pattern CODE_PREFIX =
            Pattern.compile("^(\\[ERR \\d+\\]\\s*(Line \\d+:\\d+\\s*)?|Rule Compilation error\\s*)");
    private static final Pattern NOT_RESOLVED = Pattern.compile("(\\w+) cannot be resolved");

    static RuleProblem explain(String file, int line, String text) {
        String message = CODE_PREFIX.matcher(firstLine(text)).replaceFirst("");
        int where = line > 0 ? line : lineInText(text);
        return new RuleProblem(file, where, message, hint(text));
    }

    /** Drops the compiler's follow-on messages ("null Package") for a file that already has a located problem. */
    static List<RuleProblem> withoutEchoes(List<RuleProblem> problems) {
        Set<String> located = new HashSet<>();
        problems.stream().filter(p -> p.line() > 0).forEach(p -> located.add(p.file()));
        return problems.stream()
                .filter(p -> !(p.line() == 0
                        && located.contains(p.file())
                        && p.message().contains("null Package")))
                .toList();
    }

    private static String hint(String text) {
        Matcher m = MISMATCHED.matcher(text);
        if (m.find()) {
            return "The rule reads '" + m.group(1) + "' where it expected something else. Check the spelling of "
                    + "'rule', 'when', 'then' and 'end', and that every ( and \" is closed.";
        }
        if (text.contains("no viable alternative") || text.contains("missing")) {
            return "A word or bracket is missing near here: compare with a rule that works.";
        }
        m = UNABLE_TO_RESOLVE.matcher(text);
        if (m.find()) {
            return "'" + m.group(1) + "' is not a known fact or value. Check its spelling (capitals count) and "
                    + "that the file starts with the usual import lines.";
        }
        m = NOT_RESOLVED.matcher(text);
        if (m.find()) {
            return "'" + m.group(1)
                    + "' is not a known answer or value. Check its spelling (capitals count): the answers "
                    + "and their values are listed in rules/README.md, and values are written like Period.UP_TO_A_YEAR.";
        }
        if (text.contains("Unable to Analyse Expression") || text.contains("Unable to analyze expression")) {
            return "A condition names an answer or value that does not exist. The answers and their values are listed in "
                    + "rules/README.md; values are written like Readiness.NEEDS_SPACE.";
        }
        m = UNKNOWN_FIELD.matcher(text);
        if (m.find()) {
            return "'" + m.group(1)
                    + "' is not something the rules can see. The answers are listed in rules/README.md.";
        }
        if (text.contains("Duplicate rule name")) {
            return "Two rules have the same name; every rule needs its own.";
        }
        return "Compare this rule with a working one in the same folder.";
    }

    private static int lineInText(String text) {
        Matcher m = LINE_IN_TEXT.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
