package org.trustrepair.advisor.proof;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Case;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The samples folder: made-up cases, each with the plan it must get. Reading never stops at a bad file: what cannot
 * be read is a failure of its own, named by file.
 */
public final class Samples {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sample and the file it came from. */
    public record Sample(String file, Case value) {}

    /** A sample that does not hold: its id (or file) and each way it fails, in plain words. */
    record Failure(String id, String file, List<String> failures) {}

    /**
     * The samples of a folder, and the files that could not be read as one (each checked nothing, and its fix is in
     * the file, not in the rules).
     */
    public record Loaded(Path folder, List<Sample> samples, List<Failure> unreadable) {
        static Loaded none(Path folder) {
            return new Loaded(folder, List.of(), List.of());
        }

        int count() {
            return samples.size() + unreadable.size();
        }
    }

    private Samples() {}

    /** Every {@code *.json} under the folder, in path order; an empty set when the folder does not exist. */
    public static Loaded read(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Loaded.none(folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return new Loaded(
                    folder,
                    List.of(),
                    List.of(new Failure(
                            folder.toString(),
                            folder.toString(),
                            List.of("the folder cannot be read: " + e.getMessage()))));
        }
        List<Sample> samples = new ArrayList<>();
        List<Failure> unreadable = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            String text = "";
            List<String> problems;
            try {
                Path fileName = file.getFileName();
                text = Files.readString(file);
                Case.Read read = Case.read(
                        JSON.readTree(text),
                        stripJson(fileName == null ? name : fileName.toString()),
                        AnswersReader.strict());
                if (read.ok()) {
                    samples.add(new Sample(name, read.value()));
                    continue;
                }
                problems = read.problems().stream().map(FieldProblem::toString).toList();
            } catch (JsonProcessingException e) {
                problems = List.of(jsonProblem(e, text));
            } catch (IOException e) {
                problems = List.of("cannot be read: " + firstLine(e.getMessage()));
            }
            unreadable.add(new Failure(stripJson(name), name, problems));
        }
        return new Loaded(folder, List.copyOf(samples), List.copyOf(unreadable));
    }

    /** Every sample whose plan falls short of its expectation (a sample without one fails: it would check nothing). */
    static List<Failure> failures(RuleSet rules, Loaded loaded) {
        List<Failure> failures = new ArrayList<>(loaded.unreadable());
        try (RuleSet.Evaluator evaluator = rules.newProofEvaluator()) {
            for (Sample sample : loaded.samples()) {
                Case c = sample.value();
                List<String> wrong;
                if (c.expected() == null) {
                    wrong = List.of("has no \"expected\" block, so it checks nothing");
                } else {
                    try {
                        wrong = c.expected()
                                .failures(evaluator.evaluate(c.answers()).plan(), rules.catalogue());
                    } catch (EvaluationException e) {
                        wrong = List.of("gets no plan: " + e.getMessage());
                    }
                }
                if (!wrong.isEmpty()) {
                    failures.add(new Failure(c.id(), sample.file(), wrong));
                }
            }
        }
        return List.copyOf(failures);
    }

    /**
     * The advice ids (steps and withheld items) of these rules that no sample's expectation names as given or withheld:
     * an edit that drops one of them would pass every sample unseen.
     */
    static List<String> unprotected(RuleSet rules, Loaded loaded) {
        Set<String> named = loaded.samples().stream()
                .map(sample -> sample.value().expected())
                .filter(Objects::nonNull)
                .flatMap(e -> Stream.of(e.steps().stream(), e.withheld().stream(), Stream.ofNullable(e.first()))
                        .flatMap(x -> x))
                .collect(Collectors.toSet());
        // an id written in a sample that cannot be read is that sample's to protect once it is mended (it failed above)
        String unreadable = loaded.unreadable().stream()
                .map(f -> textOf(loaded.folder().resolve(f.file())))
                .collect(Collectors.joining("\n"));
        return rules.catalogue().advice().keySet().stream()
                .filter(id -> !named.contains(id) && !unreadable.contains("\"" + id + "\""))
                .sorted()
                .toList();
    }

    private static String textOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Where the JSON goes wrong, and what to do, for the mistakes a hand-edited file has. The parser's own words are
     * given only when no plain explanation fits.
     */
    static String jsonProblem(JsonProcessingException e, String text) {
        String message = firstLine(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String hint;
        if (message.startsWith("Unexpected character (']'") || message.startsWith("Unexpected character ('}'")) {
            int[] comma = commaBefore(text, at == null ? -1 : at.getCharOffset());
            if (comma != null) {
                // the reader stops at the bracket; the fix is the comma, often on the line above
                line = comma[0];
                column = comma[1];
            }
            hint = "a comma after the last item of a list or a block, before its closing ] or }: remove that comma";
        } else if (message.contains("was expecting comma")) {
            hint = "a comma is missing between two items (at the end of the item before)";
        } else if (message.contains("end-of-input")) {
            hint = "the file ends early: a [, { or \" is not closed";
        } else if (message.contains("was expecting double-quote")) {
            hint = "names and texts go in double quotes: \"name\": \"text\"";
        } else if (message.contains("was expecting a colon")) {
            hint = "a colon is missing between a name and its value: \"name\": \"value\"";
        } else if (message.startsWith("Unrecognized token")) {
            hint = "a value that is not a number, true or false goes in double quotes: \"role\": \"BROKE_TRUST\"";
        } else if (message.contains("CTRL-CHAR")) {
            hint = "a text's closing quote is missing: a text in quotes ends on the line it starts on";
        } else {
            hint = "check the commas, quotes and brackets there (the reader says: " + message + ")";
        }
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return "not valid JSON" + where + ": " + hint;
    }

    /**
     * The line and column (from 1) of the comma just before {@code offset}, with only blanks between; null when the
     * character before is not a comma.
     */
    private static int[] commaBefore(String text, long offset) {
        int i = (int) Math.min(offset, text.length()) - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || text.charAt(i) != ',') {
            return null;
        }
        int line = (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
        return new int[] {line, i - text.lastIndexOf('\n', i - 1)};
    }

    private static String stripJson(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n", -1)[0];
    }
}
