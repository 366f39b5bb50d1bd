package org.trustrepair.advisor.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with an answer: the field, what is wrong in plain words, and the allowed values. It never repeats
 * what was sent: answers are special-category data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldProblem(String field, String message, List<String> allowed) {
    public FieldProblem {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    @Override
    public String toString() {
        return field + ": " + message + (allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")");
    }
}
