package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.proof.Sweep;

/** The workbench keeps the coverage of the last few versions it served, not one per edit of a long day. */
class RuleLoadsTest {

    /** A sweep's outcome as the coverage reads it: counts only (no space, no examples). */
    private static Sweep.Result sweptWith(long situations) {
        return new Sweep.Result(
                null,
                situations,
                Duration.ofMillis(1),
                Map.of(),
                Map.of(),
                0,
                null,
                Map.of("a rule", situations),
                List.of(),
                true,
                null,
                situations,
                1);
    }

    @Test
    void keepsAFewVersionsAndAlwaysTheOneServedNow() {
        RuleLoads loads = new RuleLoads(Caffeine.newBuilder().executor(Runnable::run));
        try {
            for (int edit = 1; edit <= 50; edit++) {
                String version = "version-" + edit;
                loads.swept(version, sweptWith(edit));
                // the page asks for the version served now, as a counsellor reloads it between edits
                assertThat(loads.coverageIfReady(version))
                        .as("the coverage of the version served after edit " + edit)
                        .hasValueSatisfying(
                                c -> assertThat(c.situationsPerRule()).containsEntry("a rule", (long) c.situations()));
            }

            assertThat(loads.versionsKept()).isBetween(1L, (long) RuleLoads.VERSIONS_KEPT);
            assertThat(loads.coverageIfReady("version-50")).isPresent();
        } finally {
            loads.destroy();
        }
    }
}
