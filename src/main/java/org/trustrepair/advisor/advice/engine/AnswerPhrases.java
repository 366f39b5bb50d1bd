package org.trustrepair.advisor.advice.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Questionnaire;

/**
 * The questionnaire's words for each answer value, as a reason names them ("they need space", "20 days"), looked up
 * once for a rule set rather than for every plan.
 */
final class AnswerPhrases {

    private final Questionnaire questionnaire;
    private final Map<String, Map<String, String>> byField = new HashMap<>();
    private final Map<String, String[]> numbers = new ConcurrentHashMap<>();

    AnswerPhrases(Questionnaire q) {
        this.questionnaire = q;
        for (var question : q.questions()) {
            Map<String, String> values = byField.computeIfAbsent(question.field(), f -> new HashMap<>());
            for (var choice : question.choices()) {
                values.put(choice.value(), q.phrase(question.field(), choice.value()));
            }
            question.inReasons().keySet().forEach(v -> values.put(v, q.phrase(question.field(), v)));
        }
    }

    /** Whether every answer's words are non-blank and free of braces (a number's once {@code {n}} is written in). */
    boolean inert() {
        return byField.values().stream()
                .flatMap(m -> m.values().stream())
                .map(p -> p == null ? null : p.replace("{n}", "0"))
                .allMatch(p -> p != null && !p.isBlank() && !p.contains("{") && !p.contains("}"));
    }

    String phrase(String field, Enum<?> value) {
        return word(field, value == null ? Questionnaire.NONE : value.name());
    }

    String phrase(String field, boolean value) {
        return word(field, Boolean.toString(value));
    }

    /** A number's words, looked up once for each number a question allows (a reason may name one in every plan). */
    String number(String field, int n) {
        String[] words = numbers.computeIfAbsent(
                field,
                f -> questionnaire
                        .question(f)
                        .filter(q -> q.max() != null && q.max() <= Answers.MAX_DAYS)
                        .map(q -> IntStream.rangeClosed(0, q.max())
                                .mapToObj(i -> questionnaire.number(f, i))
                                .toArray(String[]::new))
                        .orElse(new String[0]));
        return n >= 0 && n < words.length ? words[n] : questionnaire.number(field, n);
    }

    String word(String field, String value) {
        return byField.getOrDefault(field, Map.of()).getOrDefault(value, value);
    }
}
