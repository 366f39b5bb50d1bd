package org.trustrepair.advisor.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The questions, their help texts, allowed values and when each is asked. Defined once, in
 * {@code rules/questionnaire.yaml}, where counsellors reword it; served by the API and rendered by the web page.
 *
 * <p>{@code askedWhen} and {@code requiredWhen} map a field to the values that make the question apply, for example
 * {@code {role: [BROKE_TRUST]}}. An empty map means always; for {@code requiredWhen}, a missing map means never.
 *
 * <p>A question answers one {@code field} of the contract. Several questions of type {@code choices} may answer the
 * same field: each contributes the values ticked on it (the safety questions, asked one danger at a time). Each
 * question has its own {@code id}, the field's name when only one question answers it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Questionnaire(String title, String intro, List<Question> questions) {

    /** The key of {@link Question#inReasons} for a question left unanswered, or a list with nothing ticked. */
    public static final String NONE = "none";

    /** The key of {@link Question#inReasons} for any number without words of its own; {@code {n}} is the number. */
    public static final String OTHER = "other";

    private static final Pattern AT_OR_ABOVE = Pattern.compile("[0-9]{1,6}\\+");

    public Questionnaire {
        questions = List.copyOf(questions);
    }

    /** The first question that answers {@code field}. */
    public Optional<Question> question(String field) {
        return questions.stream().filter(q -> q.field().equals(field)).findFirst();
    }

    /** Every question that answers {@code field}, in order. */
    public List<Question> questions(String field) {
        return questions.stream().filter(q -> q.field().equals(field)).toList();
    }

    public Optional<Question> byId(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * How an answer is worded when a reason names it ("they need space"): a choice's {@code inReasons} (or its label),
     * or for yes/no and number questions, and for {@link #NONE}, the question's {@code inReasons}. The value itself
     * when the questionnaire has no words for it.
     */
    public String phrase(String field, String value) {
        for (Question q : questions(field)) {
            Optional<Choice> choice = q.choice(value);
            if (choice.isPresent()) {
                Choice c = choice.get();
                return c.inReasons() != null ? c.inReasons() : c.label();
            }
            if (q.inReasons().containsKey(value)) {
                return q.inReasons().get(value);
            }
        }
        return value;
    }

    /**
     * A number in the words reasons use: the words for that very number if the question has them ("1 apology"), else
     * those of the highest {@code "N+"} at or below it ("365+": "a year or more"), else its {@link #OTHER} words
     * with the number for {@code {n}} ("3 apologies"); the number alone without any.
     */
    public String number(String field, int n) {
        String key = numberKey(field, n);
        if (key == null) {
            return Integer.toString(n);
        }
        return questions(field).stream()
                .map(q -> q.inReasons().get(key))
                .filter(words -> words != null)
                .findFirst()
                .orElseThrow()
                .replace("{n}", Integer.toString(n));
    }

    /**
     * Which of a number question's {@code inReasons} words {@link #number} uses for {@code n}: {@code "3"},
     * {@code "365+"}, {@link #OTHER}, or null when it has none of them. Numbers with the same key read alike but for
     * their {@code {n}}.
     */
    public String numberKey(String field, int n) {
        for (Question q : questions(field)) {
            String exact = Integer.toString(n);
            if (q.inReasons().containsKey(exact)) {
                return exact;
            }
            String from = null;
            for (String key : q.inReasons().keySet()) {
                Integer at = atOrAbove(key);
                if (at != null && at <= n && (from == null || at > atOrAbove(from))) {
                    from = key;
                }
            }
            if (from != null) {
                return from;
            }
            if (q.inReasons().containsKey(OTHER)) {
                return OTHER;
            }
        }
        return null;
    }

    /** The number of an {@code "N+"} key of {@code inReasons} ("365+" is 365), or null for any other key. */
    public static Integer atOrAbove(String key) {
        return AT_OR_ABOVE.matcher(key).matches() ? Integer.valueOf(key.substring(0, key.length() - 1)) : null;
    }

    /**
     * @param id the question's own name, for the page; the field's name unless several questions answer one field
     * @param textFor the question's words for one role (by role value), where they differ from {@code text}
     * @param helpFor the help's words for one role, where they differ from {@code help}
     * @param inReasons for yes/no and number questions, and for an answer left blank: the words a reason uses, by value
     *     ({@code "true"}, {@code "false"}, a number, {@code "N+"} for N and above, {@link #OTHER} with {@code {n}},
     *     {@link #NONE})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            String field,
            String id,
            String type,
            String text,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> textFor,
            String help,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> helpFor,
            Map<String, List<String>> askedWhen,
            Map<String, List<String>> requiredWhen,
            String defaultValue,
            Integer min,
            Integer max,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> inReasons,
            List<Choice> choices) {

        public Question {
            id = id == null ? field : id;
            textFor = textFor == null ? Map.of() : Map.copyOf(textFor);
            helpFor = helpFor == null ? Map.of() : Map.copyOf(helpFor);
            askedWhen = askedWhen == null ? Map.of() : Map.copyOf(askedWhen);
            inReasons = inReasons == null ? Map.of() : Map.copyOf(inReasons);
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public Optional<Choice> choice(String value) {
            return choices.stream().filter(c -> c.value().equals(value)).findFirst();
        }

        /** The question as it is put to someone in this role: its {@code textFor} and {@code helpFor} that role. */
        public Question worded(Object role) {
            String key = role == null ? null : role.toString();
            if (key == null || (!textFor.containsKey(key) && !helpFor.containsKey(key))) {
                return this;
            }
            return new Question(
                    field,
                    id,
                    type,
                    textFor.getOrDefault(key, text),
                    textFor,
                    helpFor.getOrDefault(key, help),
                    helpFor,
                    askedWhen,
                    requiredWhen,
                    defaultValue,
                    min,
                    max,
                    inReasons,
                    choices);
        }

        /** Whether this question applies, given the answers so far (field name to value names). */
        public boolean appliesTo(Map<String, ? extends Object> answers) {
            return matches(askedWhen, answers);
        }

        public boolean requiredFor(Map<String, ? extends Object> answers) {
            return requiredWhen != null && appliesTo(answers) && matches(requiredWhen, answers);
        }

        private static boolean matches(Map<String, List<String>> condition, Map<String, ? extends Object> answers) {
            return condition.entrySet().stream().allMatch(e -> {
                Object given = answers.get(e.getKey());
                return given != null && e.getValue().contains(given.toString());
            });
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(String value, String label, String help, String inReasons) {}
}
