package org.trustrepair.advisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;
import picocli.CommandLine.Option;

/** {@code --rules DIR}, the rules folder a command reads one plan from ({@code preview}, {@code ask}). */
final class RulesFolderOption {

    @Option(
            names = "--rules",
            defaultValue = "rules",
            paramLabel = "DIR",
            description = "The rules folder (default: ${DEFAULT-VALUE}).")
    Path rules;

    /** The rules of this folder, or null when they cannot be used, after saying why on {@code err}. */
    RuleSet ruleSet(String command, PrintWriter err) {
        if (!Files.isDirectory(rules)) {
            err.println("advisor " + command + ": no rules folder at "
                    + rules.toAbsolutePath().normalize());
            err.flush();
            return null;
        }
        try {
            return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
        } catch (RuleSetException e) {
            err.println("advisor " + command + ": the rules cannot be used; ./advisor check " + rules + " says why.");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return null;
        }
    }
}
