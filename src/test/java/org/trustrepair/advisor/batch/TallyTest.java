package org.trustrepair.advisor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.Track;

/** The report's memory does not grow with the input: counts go on, lists stop at their caps. */
class TallyTest {

    private static Outcome failed(int n) {
        return new Outcome(
                "c" + n,
                "f",
                n,
                new byte[0],
                Track.REPAIR,
                List.of(),
                List.of("rule a", "rule a"),
                List.of("track should be SAFETY but is REPAIR"),
                null);
    }

    private static Outcome error(int n) {
        return new Outcome("e" + n, "f", n, new byte[0], null, List.of(), List.of(), null, "not valid JSON");
    }

    @Test
    void countsEverythingButKeepsOnlyTheFirstFailuresErrorsAndRows() {
        Tally tally = new Tally(List.of("rule a", "rule b"));
        for (int i = 0; i < 5_000; i++) {
            tally.add(failed(i));
            tally.add(error(i));
        }

        assertThat(tally.cases()).isEqualTo(10_000);
        assertThat(tally.failed()).isEqualTo(5_000);
        assertThat(tally.errors()).isEqualTo(5_000);
        assertThat(tally.failures()).hasSize(Tally.MAX_FAILURES);
        assertThat(tally.problems()).hasSize(Tally.MAX_ERRORS);
        assertThat(tally.rows()).hasSize(Tally.MAX_ROWS);
        assertThat(tally.firings()).containsEntry("rule a", 10_000L).containsEntry("rule b", 0L);
        assertThat(tally.tracks()).containsEntry(Track.REPAIR, 5_000L);
        assertThat(tally.exitCode()).isEqualTo(2);
    }

    @Test
    void exitCodes() {
        Tally none = new Tally(List.of());
        Tally failing = new Tally(List.of());
        failing.add(failed(1));

        assertThat(none.exitCode()).isZero();
        assertThat(failing.exitCode()).isEqualTo(1);
    }
}
