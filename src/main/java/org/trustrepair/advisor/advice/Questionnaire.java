package org.trustrepair.advisor.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions, their help texts, allowed values and when each is asked. Defined once, in
 * {@code rules/questionnaire.yaml}, where counsellors reword it; served by the API and rendered by the web page.
 *
 * <p>{@code askedWhen} and {@code requiredWhen} map a field to the values that make the question apply, for example
 * {@code {role: [BROKE_TRUST]}}. An empty map means always; for {@code requiredWhen}, a missing map means never.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Questionnaire(String title, String intro, List<Question> questions) {

    public Questionnaire {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String field) {
        return questions.stream().filter(q -> q.field().equals(field)).findFirst();
    }

    /** The label of a value in the words reasons use ("they need space"), or the value itself. */
    public String phrase(String field, String value) {
        return question(field)
                .flatMap(q -> q.choice(value))
                .map(c -> c.inReasons() != null ? c.inReasons() : c.label())
                .orElse(value);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            String field,
            String type,
            String text,
            String help,
            Map<String, List<String>> askedWhen,
            Map<String, List<String>> requiredWhen,
            String defaultValue,
            Integer min,
            Integer max,
            List<Choice> choices) {

        public Question {
            askedWhen = askedWhen == null ? Map.of() : Map.copyOf(askedWhen);
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public Optional<Choice> choice(String value) {
            return choices.stream().filter(c -> c.value().equals(value)).findFirst();
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
