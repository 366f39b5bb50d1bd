package org.trustrepair.advisor.advice;

/**
 * The rules could not produce a plan for a situation: they gave no track or two, fired without end, or failed while
 * running. The message names rules and facts, never the person's answers.
 */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
