package org.trustrepair.advisor.advice;

import java.util.List;

/** A plan together with the names of the rules that fired to produce it, in firing order (for coverage and tracing). */
public record Evaluation(AdvicePlan plan, List<String> firedRules) {
    public Evaluation {
        firedRules = List.copyOf(firedRules);
    }
}
