package org.trustrepair.advisor.workbench;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the workbench, all under {@code advisor.workbench}. {@code enabled}: serve the /workbench page (off
 * unless turned on; {@code ./mvnw spring-boot:run} turns it on). {@code samplesDir}: the samples a reloaded rule set
 * must pass (skipped when the folder does not exist). {@code reload.enabled}: watch the rules folder and take up
 * checked edits live (only when the rules come from a folder, never the jar's copy); {@code reload.debounce}: how long
 * the folder must be quiet before an edit is checked; {@code reload.sweep}: {@code full} (always, outside tests) or
 * {@code none} (tests only, to keep them fast: the edit is then checked by compiling and the samples alone);
 * {@code sweepAtStart}: sweep the rules served since start in the background, so that an edit changing no decision
 * needs no sweep.
 */
@ConfigurationProperties("advisor.workbench")
record WorkbenchSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("samples") Path samplesDir,
        @DefaultValue("true") boolean sweepAtStart,
        @DefaultValue Reload reload) {

    record Reload(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("300ms") Duration debounce,
            @DefaultValue("full") SweepMode sweep) {}

    enum SweepMode {
        FULL,
        NONE
    }
}
