package org.trustrepair.advisor.advice.engine;

import java.util.List;

/**
 * What a reader needs to know about one rule: its name, stable id, plain-language reason (which may name answers as
 * {@code {readiness}}, {@code {daysElapsed}}…), its sources, and where it is written.
 */
public record RuleInfo(String name, String id, String reason, List<String> sources, String file, int line) {
    public RuleInfo {
        sources = List.copyOf(sources);
    }
}
