package org.trustrepair.advisor.advice.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Nature;
import org.trustrepair.advisor.advice.Period;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.Severity;
import org.trustrepair.advisor.advice.TheirResponse;
import org.trustrepair.advisor.advice.Track;

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

    /**
     * The problem a compiler message describes, located in {@code source} (the DRL of {@code file}) where the message
     * has no line: the rule it is in, the condition as written there, and for a misspelt value or answer the nearest
     * real name.
     */
    static RuleProblem explain(String file, int line, String text, String source) {
        String message = CODE_PREFIX.matcher(firstLine(text)).replaceFirst("");
        String[] lines = source == null ? new String[0] : source.split("\n", -1);
        int where = line > 0 ? line : lineInText(text);
        Matcher named = STRICT_MODE.matcher(text == null ? "" : text);
        if (named.find()) {
            String misspelt = misspelt(named.group(1), named.group(2));
            if (misspelt != null) {
                String written = misspelt.substring(0, misspelt.indexOf(' '));
                // the compiler gives the line a pattern starts on; the name may be on a later line of it
                int at = where > 0 ? lineOf(lines, written, where) : lineOf(lines, written, 1);
                return new RuleProblem(
                        file,
                        at,
                        inRule(lines, at) + condition(lines, at, text) + misspelt.substring(0, misspelt.indexOf('|')),
                        misspelt.substring(misspelt.indexOf('|') + 1));
            }
        }
        // the compiler names the rule itself in some messages ("mismatched input 'whne' in rule …")
        String in = message.contains("rule \"") ? "" : inRule(lines, where);
        return new RuleProblem(file, where, in + message, hint(text));
    }

    private static final Pattern EXPRESSION =
            Pattern.compile("Unable to Analy[sz]e Expression (.+?):\\s*$", Pattern.MULTILINE);
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern SWAPPED = Pattern.compile("^(.+?)\\s*(==|!=)\\s*(.+)$");

    /**
     * The first line (1 first) from line {@code from} on, up to the end of the rule, where {@code name} is written as a
     * whole word, outside a comment; {@code from} itself when it is there or nowhere after it (0 if {@code from} is 1
     * and it is nowhere).
     */
    private static int lineOf(String[] lines, String name, int from) {
        Pattern word = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])");
        for (int i = from - 1; i < lines.length; i++) {
            String code = lines[i].replaceFirst("//.*$", "");
            if (word.matcher(code).find()) {
                return i + 1;
            }
            if (from > 1 && i >= from && code.strip().equals("end")) {
                break;
            }
        }
        return from > 1 ? from : 0;
    }

    /** "In rule "…": " for the rule that line {@code at} belongs to; empty when there is none. */
    private static String inRule(String[] lines, int at) {
        for (int i = Math.min(at, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_LINE.matcher(lines[i]);
            if (m.find()) {
                return "In rule \"" + m.group(1) + "\": ";
            }
        }
        return "";
    }

    /**
     * "the condition `…`: " as it is written on line {@code at}: the compiler's expression, turned back the way round
     * the rule has it (the compiler quotes {@code readines == Readiness.NEEDS_SPACE} as {@code Readiness.NEEDS_SPACE ==
     * readines}), or the line itself.
     */
    private static String condition(String[] lines, int at, String text) {
        if (at <= 0 || at > lines.length) {
            return "";
        }
        String line = lines[at - 1].strip().replaceAll("\\s+", " ");
        Matcher e = EXPRESSION.matcher(text);
        if (e.find()) {
            String expression = e.group(1).strip().replaceAll("\\s+", " ");
            Matcher swapped = SWAPPED.matcher(expression);
            String reversed =
                    swapped.matches() ? swapped.group(3) + " " + swapped.group(2) + " " + swapped.group(1) : "";
            for (String candidate : List.of(expression, reversed)) {
                if (!candidate.isEmpty() && line.contains(candidate)) {
                    return "the condition " + candidate + ": ";
                }
            }
        }
        return "the line " + line + ": ";
    }

    private static final Pattern STRICT_MODE =
            Pattern.compile("strict-mode: org\\.trustrepair\\.advisor\\.advice\\.(?:facts\\.)?(\\w+)\\.(\\w+)\\(\\)");

    /**
     * For a value or answer name the compiler could not find on a type of the rules: what is wrong and the nearest
     * real name, as "message|hint"; null when the type is not one of the rules' own.
     */
    private static String misspelt(String type, String name) {
        Class<?> found = null;
        for (String pkg : List.of("org.trustrepair.advisor.advice.", "org.trustrepair.advisor.advice.facts.")) {
            try {
                found = Class.forName(pkg + type);
                break;
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        final Class<?> c = found;
        if (c == null) {
            return null;
        }
        List<String> names = c.isEnum()
                ? Arrays.stream(c.getEnumConstants())
                        .map(v -> ((Enum<?>) v).name())
                        .toList()
                : c.isRecord()
                        ? Arrays.stream(c.getRecordComponents())
                                .map(rc -> rc.getName())
                                .toList()
                        : Arrays.stream(c.getMethods())
                                .filter(m -> m.getParameterCount() == 0 && m.getDeclaringClass() == c)
                                .map(m -> property(m.getName()))
                                .filter(n -> !n.equals("toString"))
                                .distinct()
                                .sorted()
                                .toList();
        if (names.isEmpty()) {
            return null;
        }
        if (!c.isEnum() && name.equals(name.toUpperCase(Locale.ROOT))) {
            String value = valueWithoutItsType(name);
            if (value != null) {
                return name + " is a value written without its answer's type in front.|Write " + value
                        + ": a value is written with the name of its answer's type, like Readiness.NEEDS_SPACE.";
            }
        }
        String asked = (c.isEnum() ? name : property(name)).toLowerCase(Locale.ROOT);
        String nearest = names.stream()
                .min(Comparator.comparingInt((String n) -> distance(n.toLowerCase(Locale.ROOT), asked)))
                .orElseThrow();
        String written = c.isEnum() ? type + "." + name : property(name);
        String meant = c.isEnum() ? type + "." + nearest : nearest;
        return written + " is not " + (c.isEnum() ? "a value of " + type : "an answer the rules can read")
                + ".|Did you mean " + meant + "? " + (c.isEnum() ? "The values are: " : "The names are: ")
                + String.join(", ", names) + ".";
    }

    /** The answers' values a rule may name, by the type written in front of them. */
    private static final List<Class<? extends Enum<?>>> VALUE_TYPES = List.of(
            Role.class,
            Relationship.class,
            Breach.class,
            Disclosure.class,
            Readiness.class,
            TheirResponse.class,
            SafetyFlag.class,
            Period.class,
            Phase.class,
            Track.class,
            Nature.class,
            Severity.class);

    /** A value written bare ({@code APOLOGIZED}) with its type in front ({@code TheirResponse.APOLOGIZED}); or null. */
    private static String valueWithoutItsType(String name) {
        for (Class<? extends Enum<?>> type : VALUE_TYPES) {
            for (Enum<?> value : type.getEnumConstants()) {
                if (value.name().equals(name)) {
                    return type.getSimpleName() + "." + name;
                }
            }
        }
        return null;
    }

    /** A getter's property name as a rule writes it: getReadiness and isSafetyConcern are readiness, safetyConcern. */
    private static String property(String method) {
        String p = method.startsWith("get") && method.length() > 3
                ? method.substring(3)
                : method.startsWith("is") && method.length() > 2 ? method.substring(2) : method;
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    /** How many letters must change to turn one word into the other (Levenshtein). */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(
                        Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
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
