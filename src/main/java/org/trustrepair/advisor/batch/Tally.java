package org.trustrepair.advisor.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustrepair.advisor.advice.Track;

/**
 * What the summary and the report need, counted as outcomes go by: counters, the first failures and errors (capped,
 * with their total), and the first rows of the case table. Its size does not grow with the input.
 */
public final class Tally {

    static final int MAX_FAILURES = 1_000;
    static final int MAX_ERRORS = 1_000;
    static final int MAX_ROWS = 500;

    /** A row of the report's case table. */
    record Row(String id, String file, long line, String result, Track track, List<Outcome.Step> steps) {}

    /** A case whose plan did not meet its expectation, with every check that failed. */
    record Failure(String id, String file, long line, Track track, List<String> failures) {}

    /** A record that gave no plan. */
    record Problem(String id, String file, long line, String reason) {}

    private long cases;
    private long evaluated;
    private long passed;
    private long failed;
    private long errors;
    private final Map<Track, Long> tracks = new EnumMap<>(Track.class);
    private final Map<String, long[]> firings = new HashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    public Tally(List<String> ruleNames) {
        ruleNames.forEach(name -> firings.put(name, new long[1]));
    }

    public void add(Outcome o) {
        cases++;
        if (o.isError()) {
            errors++;
            if (problems.size() < MAX_ERRORS) {
                problems.add(new Problem(o.id(), o.file(), o.line(), o.error()));
            }
        } else {
            evaluated++;
            tracks.merge(o.track(), 1L, Long::sum);
            for (String rule : o.firedRules()) {
                firings.computeIfAbsent(rule, r -> new long[1])[0]++;
            }
            if (o.passed()) {
                passed++;
            } else if (o.failed()) {
                failed++;
                if (failures.size() < MAX_FAILURES) {
                    failures.add(new Failure(o.id(), o.file(), o.line(), o.track(), o.failures()));
                }
            }
        }
        if (rows.size() < MAX_ROWS) {
            rows.add(new Row(o.id(), o.file(), o.line(), o.result(), o.track(), o.firstSteps()));
        }
    }

    public long cases() {
        return cases;
    }

    long evaluated() {
        return evaluated;
    }

    long passed() {
        return passed;
    }

    long failed() {
        return failed;
    }

    long errors() {
        return errors;
    }

    long withoutExpectation() {
        return evaluated - passed - failed;
    }

    Map<Track, Long> tracks() {
        return tracks;
    }

    /** How many times each rule fired, every rule of the rule set included (0 for those that never fired). */
    Map<String, Long> firings() {
        Map<String, Long> result = new HashMap<>();
        firings.forEach((rule, n) -> result.put(rule, n[0]));
        return result;
    }

    List<Failure> failures() {
        return failures;
    }

    List<Problem> problems() {
        return problems;
    }

    List<Row> rows() {
        return rows;
    }

    /** 0 when every expectation holds, 1 when one failed, 2 when a record could not be read or evaluated. */
    public int exitCode() {
        if (errors > 0) {
            return 2;
        }
        return failed > 0 ? 1 : 0;
    }
}
