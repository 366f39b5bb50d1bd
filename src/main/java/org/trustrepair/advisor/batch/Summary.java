package org.trustrepair.advisor.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Everything a report says about one batch run. */
public record Summary(
        Tally tally,
        String rulesVersion,
        String rulesOrigin,
        List<String> ruleNames,
        List<String> inputs,
        int threads,
        Duration build,
        Duration run,
        Instant finishedAt) {

    /** A rule and how many times it fired. */
    record Coverage(String rule, long firings) {}

    /** Every rule, the most fired first, then by name. */
    List<Coverage> coverage() {
        return tally.firings().entrySet().stream()
                .map(e -> new Coverage(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Coverage::firings).reversed().thenComparing(Coverage::rule))
                .toList();
    }

    List<String> neverFired() {
        return tally.firings().entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    long rulesFired() {
        return tally.firings().values().stream().filter(n -> n > 0).count();
    }

    double casesPerSecond() {
        double seconds = run.toNanos() / 1e9;
        return seconds <= 0 ? 0 : tally.cases() / seconds;
    }

    public String oneLine() {
        return String.format(
                "%s: %,d passed, %,d failed, %s, %,d without expectation; rules %s; %s (%,.0f cases/s)",
                Counts.of(tally.cases(), "case"),
                tally.passed(),
                tally.failed(),
                Counts.of(tally.errors(), "error"),
                tally.withoutExpectation(),
                rulesVersion,
                seconds(run),
                casesPerSecond());
    }

    static String seconds(Duration d) {
        return String.format("%.2f s", d.toNanos() / 1e9);
    }
}
