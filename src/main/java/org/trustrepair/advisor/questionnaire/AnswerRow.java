package org.trustrepair.advisor.questionnaire;

import java.util.List;
import org.trustrepair.advisor.advice.Questionnaire.Choice;
import org.trustrepair.advisor.advice.Questionnaire.Question;

/**
 * One line of the check-your-answers page: the question, what was answered and its labels in the definition's words.
 * {@code shown} says whether the answer was given, is the question's default (left blank), or is nothing at all.
 */
record AnswerRow(Question question, List<String> values, List<String> labels, Shown shown) {

    enum Shown {
        GIVEN,
        DEFAULT,
        NONE
    }

    AnswerRow {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    static AnswerRow of(Question question, List<String> values) {
        if (!values.isEmpty()) {
            return new AnswerRow(question, values, labels(question, values), Shown.GIVEN);
        }
        if (question.defaultValue() != null) {
            List<String> byDefault = List.of(question.defaultValue());
            return new AnswerRow(question, byDefault, labels(question, byDefault), Shown.DEFAULT);
        }
        return new AnswerRow(question, List.of(), List.of(), Shown.NONE);
    }

    private static List<String> labels(Question question, List<String> values) {
        return values.stream()
                .map(v -> question.choice(v).map(Choice::label).orElse(v))
                .toList();
    }
}
