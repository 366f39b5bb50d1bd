package org.trustrepair.advisor.advice;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * Builds an advisor outside Spring, for the commands: from a rules folder when there is one, else from the copy the
 * jar carries. The doors call this instead of the engine, so that none of them imports it.
 */
public final class Advisors {

    /** The most rule firings one evaluation may take; the same default as {@link AdvisorSettings}. */
    public static final int MAX_FIRINGS = 10_000;

    private Advisors() {}

    /**
     * The advisor over {@code folder} when it is a directory, else over the packaged rules.
     *
     * @throws RuleSetException naming every problem when the rules do not build
     */
    public static Advisor fromFolderOrClasspath(Path folder) {
        RuleFiles files = folder != null && Files.isDirectory(folder)
                ? RuleFiles.fromDirectory(folder)
                : RuleFiles.fromClasspath();
        return new Advisor(new RuleSetBuilder(MAX_FIRINGS).build(files));
    }
}
