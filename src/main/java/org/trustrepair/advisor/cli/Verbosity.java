package org.trustrepair.advisor.cli;

import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine.Option;

/**
 * {@code --verbose}: the rule engine's own log lines as well as the report, and in a diff the versions compared and
 * how. Without it a command says only what its report says, in plain words (a broken rule's file, line and fix), not
 * the engine's messages around it.
 */
final class Verbosity {

    @Option(
            names = "--verbose",
            description = "Also print what only a rule author needs: the rule engine's own log (its messages about a"
                    + " rule that does not compile), in a check each promise that holds (not only their count), and"
                    + " in a diff the versions compared and how the plans were compared.")
    boolean verbose;

    /** Quiet unless {@code --verbose}; close it when the command ends. */
    Quiet logs() {
        return verbose ? Quiet.engineLog() : Quiet.logs();
    }
}
