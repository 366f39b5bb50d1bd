package org.trustrepair.advisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Questionnaire.Choice;
import org.trustrepair.advisor.advice.Questionnaire.Question;
import org.trustrepair.advisor.advice.engine.YamlErrors;

/**
 * Answers typed on the command line as a counsellor would type them ({@code preview}): {@code name=value}, where the
 * value is a value of the contract in any case ({@code romantic}), or the words of one of its choices in {@code
 * questionnaire.yaml} ({@code "A friend"}), or words found in exactly one of them ({@code "not ready to talk"});
 * yes or no for a yes/no question; the safety answers one after another ({@code safety="They are afraid of me"
 * safety="I have hurt or threatened them"}) or as a comma-separated list of values ({@code safety=none} for none).
 * The names are those of the API, in any case. What names no answer is passed on as typed, for {@link AnswersReader}
 * to say what is allowed.
 */
final class TypedAnswers {

    private final List<Question> questions;

    private TypedAnswers(List<Question> questions) {
        this.questions = questions;
    }

    /** The answers as this rules folder's questionnaire words them (as typed, when it has none that can be read). */
    static TypedAnswers of(Path rules) {
        try {
            Questionnaire q = YamlErrors.mapper()
                    .readValue(Files.readString(rules.resolve("questionnaire.yaml")), Questionnaire.class);
            return new TypedAnswers(q.questions());
        } catch (IOException | RuntimeException e) {
            return new TypedAnswers(List.of()); // building the rules says what is wrong with the file
        }
    }

    /** The answers as the API takes them, or a problem that names the field and what it allows. */
    record Read(ObjectNode answers, String problem) {}

    /** Reads {@code name=value} answers; the first that cannot be read is the problem. */
    Read read(List<String> typed) {
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        for (String answer : typed) {
            int eq = answer.indexOf('=');
            if (eq <= 0) {
                return new Read(
                        null,
                        "write each answer as name=value (\"" + answer + "\" has no =). Names: "
                                + String.join(", ", AnswersReader.FIELDS));
            }
            String name = field(answer.substring(0, eq).trim());
            String value = answer.substring(eq + 1).trim();
            if (!name.equals("safety")) {
                Named found = value(name, value);
                if (found.problem() != null) {
                    return new Read(null, found.problem());
                }
                answers.put(name, found.value());
                continue;
            }
            ArrayNode flags = answers.has(name) ? (ArrayNode) answers.get(name) : answers.putArray(name);
            Named whole = value(name, value); // a choice's words may hold a comma: the whole first, then each part
            if (whole.problem() == null) {
                flags.add(whole.value());
                continue;
            }
            if (none(value)) {
                continue; // no safety answer ticked
            }
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Named found = value(name, part.trim());
                if (found.problem() != null) {
                    return new Read(null, found.problem());
                }
                flags.add(found.value());
            }
        }
        return new Read(answers, null);
    }

    /** The API's name of a field typed in any case (as typed when it is none). */
    private static String field(String typed) {
        return AnswersReader.FIELDS.stream()
                .filter(f -> f.equalsIgnoreCase(typed))
                .findFirst()
                .orElse(typed);
    }

    /** The value a typed answer stands for (as typed where its question has no words to match), or why it has none. */
    private record Named(String value, String problem) {}

    private Named value(String field, String typed) {
        List<Question> asking =
                questions.stream().filter(q -> q.field().equals(field)).toList();
        if (asking.stream().anyMatch(q -> "yesno".equals(q.type()))) {
            String word = typed.toLowerCase(Locale.ROOT);
            return new Named(word.equals("yes") ? "true" : word.equals("no") ? "false" : typed, null);
        }
        List<Choice> choices =
                asking.stream().flatMap(q -> q.choices().stream()).toList();
        if (choices.isEmpty()) {
            return new Named(typed, null);
        }
        List<Choice> naming = naming(choices, typed);
        if (naming.size() == 1) {
            return new Named(naming.get(0).value(), null);
        }
        if (!naming.isEmpty()) {
            return new Named(null, field + ": \"" + typed + "\" could be more than one answer: " + listed(naming));
        }
        List<Choice> near = near(choices, typed);
        return new Named(
                null,
                field + ": \"" + typed + "\" is not one of its answers; "
                        + (near.isEmpty() ? "" : "did you mean " + listed(near) + "? ")
                        + "write the value or the words of one of: " + listed(choices));
    }

    private static String listed(List<Choice> choices) {
        return choices.stream().map(TypedAnswers::described).collect(Collectors.joining(", "));
    }

    /** Whether these typed words mean "none of these" for a question whose answers are ticked. */
    static boolean none(String typed) {
        return List.of("none", "no", "nothing", "neither", "none of these", "none of them")
                .contains(words(typed));
    }

    /**
     * The choices that share the most words with words that name none: "broke a promise" for "Breaking a promise"
     * (a word of four letters or more alike, or one of five or more that begins as the other does: "cheated",
     * "Cheating"). Offered back as a question, never taken as the answer.
     */
    static List<Choice> near(List<Choice> choices, String typed) {
        List<String> mine = List.of(words(typed).split(" "));
        int best = 0;
        List<Choice> nearest = List.of();
        for (Choice c : choices) {
            List<String> theirs =
                    c.label() == null ? List.of() : List.of(words(c.label()).split(" "));
            int shared = (int) mine.stream()
                    .filter(w -> theirs.stream().anyMatch(t -> alike(w, t)))
                    .count();
            if (shared > best) {
                best = shared;
                nearest = new ArrayList<>(List.of(c));
            } else if (shared == best && shared > 0) {
                nearest.add(c);
            }
        }
        return nearest;
    }

    /** Words too common in the answers to tell one from another. */
    private static final List<String> COMMON =
            List.of("they", "them", "their", "this", "that", "have", "with", "what", "were", "been", "from", "will");

    private static boolean alike(String a, String b) {
        return a.length() >= 4 && !COMMON.contains(a) && a.equals(b)
                || a.length() >= 5 && b.length() >= 5 && a.regionMatches(0, b, 0, 5);
    }

    /**
     * The choices these typed words may name: the one whose value (in any case) or whole words they are; else every
     * one whose words hold them (one is an answer, several are a question to ask back).
     */
    static List<Choice> naming(List<Choice> choices, String typed) {
        String words = words(typed);
        for (Choice c : choices) {
            if (c.value().equalsIgnoreCase(typed)
                    || (c.label() != null && words(c.label()).equals(words))) {
                return List.of(c);
            }
        }
        return words.isEmpty()
                ? List.of()
                : choices.stream()
                        .filter(c -> c.label() != null && (" " + words(c.label()) + " ").contains(" " + words + " "))
                        .toList();
    }

    /** A choice as a problem lists it: its value, and its words in the questionnaire. */
    private static String described(Choice c) {
        return c.value() + " (\"" + c.label() + "\")";
    }

    /** Words compared without case, quotes, punctuation or runs of spaces. */
    private static String words(String text) {
        return String.join(
                " ",
                text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}']+", " ")
                        .trim()
                        .split(" "));
    }
}
