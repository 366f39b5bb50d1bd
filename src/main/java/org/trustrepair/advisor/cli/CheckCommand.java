package org.trustrepair.advisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.batch.Counts;
import org.trustrepair.advisor.proof.CheckReport;
import org.trustrepair.advisor.proof.ProofFiles;
import org.trustrepair.advisor.proof.RuleCheck;
import org.trustrepair.advisor.proof.Sweep;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./advisor check [rules-folder]}: may these rules serve? Exit 0 only when everything holds. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a rules folder: compiles it, runs every sample's expectation and sweeps every situation "
                    + "the rules can tell apart for the guardrails. Prints what to fix.",
            "Exit code: 0 everything holds, 1 something to fix, 2 bad usage."
        })
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "rules",
            paramLabel = "RULES-FOLDER",
            description = "The rules folder to check (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(
            names = "--samples",
            defaultValue = "samples",
            paramLabel = "DIR",
            description =
                    "The samples folder; its *.json cases must get the plan they expect (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the sweep (default: the processors).")
    Integer threads;

    @Option(
            names = "--no-cache",
            description = "Sweep even when an earlier check swept rules with the same "
                    + "decisions (by default an edit of words only stands on that sweep).")
    boolean noCache;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "Where earlier sweeps are kept (default: "
                    + "$XDG_CACHE_HOME or ~/.cache, then trust-repair-advisor/check).")
    Path cache;

    @Option(names = "--max-firings", defaultValue = "10000", hidden = true)
    int maxFirings;

    @Override
    public Integer call() {
        try (Quiet quiet = verbosity.logs()) {
            return check();
        }
    }

    private int check() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(rules)) {
            err.println("advisor check: no rules folder at "
                    + rules.toAbsolutePath().normalize());
            err.flush();
            return 2;
        }
        if (!samples.toString().equals("samples") && !Files.isDirectory(samples)) {
            err.println("advisor check: no samples folder at "
                    + samples.toAbsolutePath().normalize());
            err.flush();
            return 2;
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        Function<RuleSet, Sweep.Result> sweep = ruleSet -> new Sweep(ruleSet, n).run();
        // asked before the check, which keeps its own sweep: whether this build of the advisor has checked here before
        boolean newHere = false;
        if (!noCache) {
            ProofFiles kept =
                    new ProofFiles(cache != null ? cache : ProofFiles.defaultFolder(), ProofFiles.codeOfThisProcess());
            newHere = !kept.keptForThisCode();
            sweep = kept.reusing(sweep);
        }
        // the report comes at the end: say now that the wait is expected, and how long it may be
        err.println("advisor check: compiling the rules, running the samples, then trying every situation against"
                + " the guardrails. This takes about a minute on a quiet machine, up to four on a busy one; after an"
                + " edit of words only, seconds.");
        err.flush();
        RuleCheck.Outcome outcome =
                new RuleCheck(maxFirings, sweep).run(RuleFiles.fromDirectory(rules), samples, false);
        String threadsLine =
                threadsLine(outcome.sweep(), n, noCache ? Fresh.NO_CACHE : newHere ? Fresh.NEW_HERE : Fresh.DECIDED);
        if (threadsLine != null) {
            out.println(threadsLine);
        }
        out.print(CheckReport.text(outcome, verbosity.verbose));
        out.flush();
        return outcome.holds() ? 0 : 1;
    }

    /** Why a check swept every situation: asked to, this build of the advisor had no check kept here, or a decision changed. */
    enum Fresh {
        NO_CACHE,
        NEW_HERE,
        DECIDED
    }

    /** The threads the sweep used (the samples run on one), and why it ran, or null when there was no sweep. */
    static String threadsLine(Sweep.Result sweep, int threads, Fresh why) {
        if (sweep == null) {
            return null;
        }
        if (sweep.reused()) {
            return "Guardrail sweep: an earlier sweep stands for these rules, so no thread swept.";
        }
        String next = "; an edit of words only, checked next, stands on this one.";
        return "Guardrail sweep: on " + Counts.of(threads, "thread") + " (--threads N to change)."
                + switch (why) {
                    case NO_CACHE -> " --no-cache: every situation was tried.";
                    case NEW_HERE ->
                        " This is the first check with this copy of the advisor on this computer (it was built,"
                                + " updated or copied since the last), so every situation was tried" + next;
                    case DECIDED ->
                        // a counsellor's trial read "changed" as "your edit changed a decision" after an edit undone
                        " No earlier check on this computer was of rules that decide as these do: each was of rules"
                                + " that differ from these in a condition, a rank, what a rule gives or holds back, a"
                                + " kind, a guardrail, or words a guardrail looks for (as after an edit undone, when the"
                                + " rules as they are now were never checked here), so every situation was tried"
                                + next;
                };
    }
}
