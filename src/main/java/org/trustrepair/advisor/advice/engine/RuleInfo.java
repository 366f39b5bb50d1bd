package org.trustrepair.advisor.advice.engine;

import java.util.List;

/**
 * What a reader needs to know about one rule: its name, stable id, plain-language reason (which may name answers as
 * {@code {readiness}}, {@code {daysElapsed}}…), its sources, where it is written, and the words that name what it
 * decides without a number ({@code @alsoCalled}, separated by semicolons: a period's "first days", "fortnight"; empty
 * for most rules), which a check lists when the number behind them moves.
 */
public record RuleInfo(
        String name, String id, String reason, List<String> sources, String file, int line, List<String> alsoCalled) {
    public RuleInfo {
        sources = List.copyOf(sources);
        alsoCalled = List.copyOf(alsoCalled);
    }

    public RuleInfo(String name, String id, String reason, List<String> sources, String file, int line) {
        this(name, id, reason, sources, file, line, List.of());
    }
}
