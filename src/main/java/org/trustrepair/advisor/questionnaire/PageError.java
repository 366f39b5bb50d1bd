package org.trustrepair.advisor.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.advice.Questionnaire.Question;

/**
 * An answer that needs attention, as the page words it: {@code messageKey} picks the wording (in
 * {@code messages.properties}) by the question's type and by whether the answer is missing or not allowed; the
 * question's own {@code min} and {@code max} fill it in. Never carries what was entered.
 */
record PageError(String field, String messageKey) {

    static List<PageError> of(Question question, List<FieldProblem> problems) {
        Map<String, PageError> byField = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String kind = problem.message().startsWith("is required") ? "required" : "invalid";
            // the page's answer box is named by the question's id, which several questions of one field tell apart
            byField.putIfAbsent(
                    Journey.fieldOf(problem), new PageError(question.id(), "error." + question.type() + "." + kind));
        }
        return List.copyOf(byField.values());
    }
}
