package org.trustrepair.advisor.workbench;

import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the workbench, all under {@code advisor.workbench}.
 *
 * @param enabled Whether to serve the /workbench page (off unless turned on; ./mvnw spring-boot:run turns it on, on
 *     loopback only).
 * @param user The name that logs in to the workbench. Required when the server listens on an address other than
 *     loopback (server.address), and asked for on every address once set.
 * @param passwordHash The bcrypt hash of the workbench user's password, with or without the {bcrypt} prefix; never the
 *     password itself.
 * @param samplesDir The samples a reloaded rule set must pass (skipped when the folder does not exist).
 * @param sweepAtStart Whether to sweep the rules served since start in the background, so that an edit changing no
 *     decision needs no sweep of its own.
 * @param reload The live reload of the rules folder.
 */
@ConfigurationProperties("advisor.workbench")
@Validated
record WorkbenchSettings(
        @DefaultValue("false") boolean enabled,
        String user,

        @Pattern(regexp = BCRYPT, message = "must be a bcrypt hash ({bcrypt}$2a$10$… or $2a$10$…), not a password")
        String passwordHash,

        @DefaultValue("samples") Path samplesDir,
        @DefaultValue("true") boolean sweepAtStart,
        @DefaultValue Reload reload,
        Path proofsDir) {

    /** A bcrypt hash, with or without Spring Security's {@code {bcrypt}} prefix. */
    static final String BCRYPT = "(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}";

    /** Whether a workbench user is configured (both a name and a hash). */
    boolean hasLogin() {
        return user != null && !user.isBlank() && passwordHash != null;
    }

    /**
     * The live reload.
     *
     * @param enabled Whether to watch the rules folder and take up checked edits live (only when the rules come
     *     from a folder, never the jar's copy).
     * @param debounce How long the folder must be quiet before an edit is checked.
     * @param sweep FULL (always, outside tests) or NONE (tests only, to keep them fast: the edit is then checked by
     *     compiling and the samples alone).
     */
    record Reload(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("300ms") Duration debounce,
            @DefaultValue("full") SweepMode sweep) {}

    enum SweepMode {
        FULL,
        NONE
    }
}
