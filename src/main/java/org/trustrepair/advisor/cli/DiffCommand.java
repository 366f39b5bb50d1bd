package org.trustrepair.advisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleFormat;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;
import org.trustrepair.advisor.proof.DiffView;
import org.trustrepair.advisor.proof.RuleDiff;
import org.trustrepair.advisor.proof.RulesSource;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./advisor diff <old-rules> <new-rules>}: exactly which situations an edit changes, and how. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates every situation either rule set can tell apart under both and reports whose plan "
                    + "changes, grouped by the kind of change and described by the answers each covers.",
            "Either side may be a folder or a git revision (HEAD, HEAD~1, a branch; REV:path for another folder than "
                    + "rules).",
            "Exit code: 0 no change (or only renamed rules), 1 some advice or its words change (not an error: the"
                    + " report's last line says so), 2 bad usage or rules that do not build."
        })
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Parameters(index = "0", paramLabel = "OLD", description = "The rules before the edit: a folder or a git revision.")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The rules after the edit: a folder or a git revision.")
    String after;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write the report as an HTML page.")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the processors).")
    Integer threads;

    @Option(names = "--max-firings", defaultValue = "10000", hidden = true)
    int maxFirings;

    @Override
    public Integer call() {
        try (Quiet quiet = verbosity.logs()) {
            return diff();
        }
    }

    private int diff() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RulesSource old = RulesSource.of(before);
                RulesSource now = RulesSource.of(after)) {
            RuleFiles oldFiles = RuleFiles.fromDirectory(old.folder());
            RuleFiles newFiles = RuleFiles.fromDirectory(now.folder());
            RuleFormat oldFormat = RuleFormat.of(oldFiles);
            RuleFormat newFormat = RuleFormat.of(newFiles);
            if (oldFormat.number() != newFormat.number()) {
                err.println("advisor diff: the rules in " + old.label() + " are " + oldFormat + ", those in "
                        + now.label() + " are " + newFormat + ".");
                err.println("A diff compares the plans of two rule sets of one format, situation by situation; "
                        + "between these formats the answers and the facts themselves changed:");
                err.println("  "
                        + RuleFormat.changes(
                                Math.min(oldFormat.number(), newFormat.number()),
                                Math.max(oldFormat.number(), newFormat.number())));
                err.flush();
                return 2;
            }
            RuleSet a = build(oldFiles, old.label(), err);
            RuleSet b = build(newFiles, now.label(), err);
            if (a == null || b == null) {
                return 2;
            }
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
            RuleDiff.Result result = new RuleDiff(n).compare(a, b);
            DiffView view = DiffView.of(result, old.label(), now.label());
            out.print((verbosity.verbose ? view : view.withoutAuthorsNotes()).text());
            if (report != null) {
                Path parent = report.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(report, view.html(), StandardCharsets.UTF_8);
                out.println();
                out.println("Report written to " + report);
            }
            int code = view.noChange() ? 0 : 1;
            out.println();
            out.println(exitLine(code));
            out.flush();
            return code;
        } catch (RulesSource.NotFound e) {
            err.println("advisor diff: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("advisor diff: cannot write the report: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /**
     * The report's last line: what its exit code means, in words, since a 1 reads as a failure to someone who meets
     * exit codes in scripts.
     */
    static String exitLine(int code) {
        return code == 0
                ? "Exit code 0: both rule sets give every situation the same advice, in the same words."
                : "Exit code 1: the rule sets give some situations different advice or words, as listed above. This is"
                        + " not an error (an error is exit code 2, with no report).";
    }

    private RuleSet build(RuleFiles files, String label, PrintWriter err) {
        try {
            return new RuleSetBuilder(maxFirings).build(files);
        } catch (RuleSetException e) {
            err.println("advisor diff: the rules in " + label + " do not build (run ./advisor check on them):");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return null;
        }
    }
}
