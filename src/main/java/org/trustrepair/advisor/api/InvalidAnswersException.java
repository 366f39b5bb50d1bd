package org.trustrepair.advisor.api;

import java.util.List;
import org.trustrepair.advisor.advice.FieldProblem;

/** Answers that cannot be read; carries the field problems, never the answers. */
class InvalidAnswersException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidAnswersException(List<FieldProblem> problems) {
        super("invalid answers", null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
