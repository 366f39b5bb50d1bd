package org.trustrepair.advisor.advice;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why start-up stopped when the rules do not build: each file, line and problem, without a stack trace. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the rule files named above (or run ./advisor check rules for the same list), then start again.",
                cause);
    }
}
