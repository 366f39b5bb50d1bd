package org.trustrepair.advisor.advice.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.RuleProblem;

/**
 * The reader of the rules' YAML files, and what to do when one cannot be read: the file, its line and column, and the
 * fix for that mistake in plain words (a colon inside a text, a quote not closed, a line indented wrongly, a name
 * written twice), rather than the parser's own terms.
 */
public final class YamlErrors {

    /** The one way the rules' YAML files are read: an unknown field or a name written twice is a mistake. */
    public static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static final Pattern KEY = Pattern.compile("^(\\s*(?:- )?)([\\w.\"'-]+):\\s+(.*)$");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private YamlErrors() {}

    /**
     * What is wrong with {@code text}, the content of {@code file}, that {@code e} was thrown reading it.
     *
     * @return a problem whose line is the one to change and whose message starts with its column
     */
    public static RuleProblem explain(String file, String text, JsonProcessingException e) {
        String[] lines = text.split("\r?\n", -1);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y) {
                // read into a record, a mistake in the YAML itself comes wrapped in a mapping error
                return syntax(file, lines, y);
            }
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String where = column > 0 ? "column " + column + ": " : "";
        Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
        if (duplicate.find()) {
            return new RuleProblem(
                    file,
                    line,
                    where + "\"" + duplicate.group(1) + "\" is written twice at the same level.",
                    "Each name appears once. If you copied an entry, give the copy a name of its own.");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new RuleProblem(
                    file,
                    line,
                    where + "\"" + u.getPropertyName() + "\" is not a field this file knows.",
                    "Check its spelling, and that it is indented under the right entry. The fields here are: "
                            + names(u.getKnownPropertyIds()) + ".");
        }
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            return new RuleProblem(
                    file,
                    line,
                    where + "\"" + f.getValue() + "\" is not one of the names allowed here.",
                    "Use one of: "
                            + Arrays.stream(f.getTargetType().getEnumConstants())
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(", "))
                            + ".");
        }
        if (e instanceof MismatchedInputException m) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "item " + (r.getIndex() + 1))
                    .collect(Collectors.joining(" > "));
            return new RuleProblem(
                    file,
                    line,
                    where + "the entry " + (path.isEmpty() ? "here" : "\"" + path + "\"") + " is not laid out as "
                            + "this file expects.",
                    "Check the indentation: each field of an entry is indented under its name, two spaces further"
                            + " in, like the entries around it. (The reader says: " + firstLine(e.getOriginalMessage())
                            + ")");
        }
        return new RuleProblem(file, line, where + "this line cannot be read.", generic(e.getOriginalMessage()));
    }

    /** A mistake in the YAML itself: located where the fix goes, and explained by what it looks like there. */
    private static RuleProblem syntax(String file, String[] lines, MarkedYAMLException y) {
        String problem = y.getProblem() == null ? "" : y.getProblem();
        String context = y.getContext() == null ? "" : y.getContext();
        Mark at = y.getProblemMark();
        int line = at == null ? 0 : at.getLine() + 1;
        int column = at == null ? 0 : at.getColumn() + 1;
        String here = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        int unclosed = unclosedQuote(lines, line);
        if (unclosed > 0) {
            // a quote left open runs on to the next quote in the file, and the reader stumbles lines later
            return new RuleProblem(
                    file,
                    unclosed,
                    "column " + (lines[unclosed - 1].indexOf(": ") + 3) + ": the text that starts with a quote here"
                            + " is never closed.",
                    "Add the closing quote at the end of the text, on the same line, the same kind as the opening"
                            + " one (\" or '). In single quotes, write '' for an apostrophe ('it''s').");
        }
        if (context.contains("quoted scalar")) {
            Mark opened = y.getContextMark();
            int openLine = opened == null ? line : opened.getLine() + 1;
            int openColumn = opened == null ? column : opened.getColumn() + 1;
            return new RuleProblem(
                    file,
                    openLine,
                    "column " + openColumn + ": the text that starts with a quote here is never closed.",
                    "Add the closing quote at the end of the text, on the same line, the same kind as the opening"
                            + " one (\" or ').");
        }
        if (problem.contains("TAB")) {
            return new RuleProblem(
                    file,
                    line,
                    "column " + column + ": this line is indented with a tab.",
                    "Indent with spaces only, lined up with the lines around it.");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            Matcher key = KEY.matcher(here);
            boolean colonInText = key.matches() && column - 1 > key.end(2);
            if (colonInText) {
                String value = key.group(3).strip();
                return new RuleProblem(
                        file,
                        line,
                        "column " + column + ": the text has a colon followed by a space, which reads as the start"
                                + " of a new field.",
                        "Put the text in double quotes: " + key.group(2) + ": \"" + value.replace("\"", "\\\"") + "\"");
            }
            return new RuleProblem(
                    file,
                    line,
                    "column " + column + ": this line is indented further than the line above it.",
                    "Line it up, with spaces, with the other fields of the same entry.");
        }
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            Mark opened = y.getContextMark();
            return new RuleProblem(
                    file,
                    opened == null ? line : opened.getLine() + 1,
                    "column " + (opened == null ? column : opened.getColumn() + 1) + ": a list in [ ] or { } is "
                            + "not closed, or its items are not separated by commas.",
                    "Close it on the same line: kinds: [action, contact]");
        }
        if (problem.contains("but found '<scalar>'") && endsAQuote(here, column)) {
            return new RuleProblem(
                    file,
                    line,
                    "column " + column + ": the text in quotes ends before the line does.",
                    "A text in double quotes cannot hold a plain \": write \\\" for it, or use single quotes inside"
                            + " (\"say 'no' now\"). In single quotes, write '' for an apostrophe ('it''s').");
        }
        if (problem.startsWith("expected <block end>")) {
            return new RuleProblem(
                    file,
                    line,
                    "column " + column + ": this line is indented differently from the lines it belongs with.",
                    "Line it up, with spaces, with the line above it that starts the same kind of thing (a field"
                            + " under its entry, a text's next line under its first).");
        }
        return new RuleProblem(
                file, line, "column " + column + ": this line cannot be read.", generic(problem + " " + context));
    }

    /** The fields whose value is a one-line text a person reads. */
    private static final Set<String> ONE_LINE_TEXTS =
            Set.of("title", "label", "promise", "help", "inReasons", "name", "text");

    /**
     * One-line texts written without quotes but with a double quote mark that pairs with nothing ({@code title: Reach
     * them"}): the reader takes them as they stand, so the stray mark would be shown to people. Quote marks that pair
     * ({@code title: Say "no"}) are the text's own, and stand.
     */
    public static List<RuleProblem> strayQuotes(String file, String text) {
        List<RuleProblem> found = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher key = KEY.matcher(lines[i]);
            if (!key.matches() || !ONE_LINE_TEXTS.contains(key.group(2))) {
                continue;
            }
            String value = key.group(3).strip();
            if (value.isEmpty() || "\"'>|[{&*!#".indexOf(value.charAt(0)) >= 0 || quotes(value, '"') % 2 == 0) {
                continue;
            }
            // a closing mark with no opening one: the text was meant to be quoted; otherwise keep every mark
            String meant = quoted(value.endsWith("\"") ? value.substring(0, value.length() - 1) : value);
            found.add(new RuleProblem(
                    file,
                    i + 1,
                    "column " + (key.end(2) + 3) + ": the text has a quote mark that pairs with nothing; as it"
                            + " stands, the mark would be shown to people.",
                    "Put the text in " + (meant.startsWith("'") ? "single" : "double") + " quotes, at both ends: "
                            + key.group(2) + ": " + meant));
        }
        return found;
    }

    /**
     * A one-line text in the quotes that keep it as it is: double quotes, or single ones around a text with double
     * quotes in it ({@code 'Say "no"'}); double quotes with each inner one written {@code \"} when it has both.
     */
    private static String quoted(String text) {
        if (text.indexOf('"') < 0) {
            return "\"" + text + "\"";
        }
        if (text.indexOf('\'') < 0) {
            return "'" + text + "'";
        }
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    /**
     * The first line, up to {@code upTo}, whose text opens a quote it does not close (the rules' quoted texts are each
     * on one line); 0 when there is none.
     */
    private static int unclosedQuote(String[] lines, int upTo) {
        for (int i = 0; i < Math.min(upTo, lines.length); i++) {
            Matcher key = KEY.matcher(lines[i]);
            if (key.matches()) {
                String value = key.group(3).strip();
                if (!value.isEmpty()
                        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                        && quotes(value, value.charAt(0)) % 2 != 0) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** How many times {@code quote} appears in {@code text}, not counting a double quote escaped as \". */
    private static int quotes(String text, char quote) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == quote && (quote != '"' || i == 0 || text.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }

    /** Whether the character before {@code column} (1-based) closes a quoted text. */
    private static boolean endsAQuote(String line, int column) {
        String before = line.substring(0, Math.min(Math.max(column - 1, 0), line.length()));
        String trimmed = before.stripTrailing();
        return trimmed.endsWith("\"") || trimmed.endsWith("'");
    }

    private static String generic(String said) {
        return "Check the indentation (spaces, lined up with the lines around it), and put any text with a colon or"
                + " a quote in double quotes. (The reader says: " + firstLine(said) + ")";
    }

    private static String names(Collection<Object> known) {
        return known == null
                ? "?"
                : new TreeSet<>(known.stream().map(String::valueOf).toList())
                        .stream().collect(Collectors.joining(", "));
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
