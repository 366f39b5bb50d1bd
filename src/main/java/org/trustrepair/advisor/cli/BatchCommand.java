package org.trustrepair.advisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Advisors;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.batch.CaseReader;
import org.trustrepair.advisor.batch.Counts;
import org.trustrepair.advisor.batch.InputFiles;
import org.trustrepair.advisor.batch.JunitReport;
import org.trustrepair.advisor.batch.Outcome;
import org.trustrepair.advisor.batch.OutputFormat;
import org.trustrepair.advisor.batch.OutputLines;
import org.trustrepair.advisor.batch.Pipeline;
import org.trustrepair.advisor.batch.Progress;
import org.trustrepair.advisor.batch.Report;
import org.trustrepair.advisor.batch.Summary;
import org.trustrepair.advisor.batch.Tally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code advisor batch <file-or-folder>…}: evaluates every case and writes one JSON line per case, in input order,
 * with an optional report for people. Streams: reader, a pool of workers and a writer joined by a bounded queue.
 */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluates many cases and writes one JSON line per case: its id, file, line, plan, and the result of its "
                    + "expectation (or the error that kept it from a plan); with --format csv, one spreadsheet row per "
                    + "case instead.",
            "Reads *.json (one case, or a list of cases), *.jsonl (one case a line) and *.csv (a header row with the "
                    + "answer names, plus optional id, description and expected.<check> columns; safety as ;-separated "
                    + "values). Folders are read recursively, in sorted order."
        },
        exitCodeOnExecutionException = BatchCommand.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every expectation holds",
            "1:some expectation failed",
            "2:bad usage, a record that could not be read or evaluated (wins over 1), or output that cannot be "
                    + "written"
        })
final class BatchCommand implements Callable<Integer> {

    static final int USAGE = 2;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER", description = "Case files, or folders of them.")
    List<Path> inputs;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "The rules folder (default: rules in the current folder, else the project's rules folder, "
                    + "else the copy packaged in the jar).")
    Path rules;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write the lines here (default: stdout).")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "jsonl",
            description = "jsonl: one JSON line per case, with its plan (default); csv: one row per case for a "
                    + "spreadsheet (id, file, line, result, track, step ids, message), after a header row.")
    String format;

    @Option(
            names = "--junit",
            paramLabel = "FILE.xml",
            description = "Also write a JUnit XML report (a testcase per case, a failure per failed expectation, an "
                    + "error per record that gave no plan), for a CI server.")
    Path junit;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Also write a report for people: FILE.html (with charts) or FILE.md.")
    Path report;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "Worker threads evaluating cases (default: one per processor).")
    int threads;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    private final Function<Path, Advisor> advisors;

    BatchCommand() {
        this(Advisors::fromFolderOrClasspath);
    }

    /** For tests and benchmarks: {@code advisors} builds the advisor for the rules folder (null: the default). */
    BatchCommand(Function<Path, Advisor> advisors) {
        this.advisors = advisors;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (report != null && !isHtml(report) && !isMarkdown(report)) {
            return usage(err, "--report " + report + ": name it *.html or *.md, to say which report to write");
        }
        OutputFormat lineFormat = OutputFormat.named(format);
        if (lineFormat == null) {
            return usage(err, "--format " + format + ": must be one of " + OutputFormat.names());
        }
        if (rules != null && !Files.isDirectory(rules)) {
            return usage(err, "--rules " + rules + ": no such folder");
        }
        if (threads < 0) {
            return usage(err, "--threads must be 1 or more");
        }
        List<Path> files;
        try {
            files = InputFiles.expand(inputs);
        } catch (InputFiles.BadInput e) {
            return usage(err, e.getMessage());
        }
        if (files.isEmpty()) {
            return usage(err, "no case files (*.json, *.jsonl, *.csv) in " + inputs);
        }

        long buildStart = System.nanoTime();
        Advisor advisor;
        try {
            advisor = advisors.apply(rules != null ? rules : defaultRules());
        } catch (RuleSetException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        Duration build = Duration.ofNanos(System.nanoTime() - buildStart);

        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        JunitReport cases = junit == null ? null : openJunit(junit);
        try {
            return run(err, files, advisor, build, workers, lineFormat, cases);
        } finally {
            if (cases != null) {
                cases.close(); // removes its part file, also when the run stopped early
            }
        }
    }

    /** Reads, evaluates and writes every case, then the reports; {@code cases} may be null (no JUnit report). */
    private int run(
            PrintWriter err,
            List<Path> files,
            Advisor advisor,
            Duration build,
            int workers,
            OutputFormat lineFormat,
            JunitReport cases)
            throws Exception {
        Tally tally = new Tally(advisor.ruleNames());
        CaseReader reader = new CaseReader();
        Progress progress = new Progress(
                err, !noProgress && System.console() != null, InputFiles.totalBytes(files), reader::bytesRead);
        Echo echo = new Echo(err, progress);

        long start = System.nanoTime();
        OutputLines lines =
                out == null ? OutputLines.toWriter(spec.commandLine().getOut()) : open(out);
        try {
            if (lineFormat.header() != null) {
                lines.write(lineFormat.header());
            }
            new Pipeline(workers, 128 * workers)
                    .run(
                            sink -> {
                                for (Path file : files) {
                                    reader.read(file, sink);
                                }
                            },
                            input -> Outcome.of(input, advisor, lineFormat),
                            outcome -> {
                                lines.write(outcome.output());
                                if (cases != null) {
                                    cases.add(outcome);
                                }
                                tally.add(outcome);
                                echo.accept(outcome);
                                progress.update(tally.cases());
                            });
        } catch (IOException e) {
            progress.done();
            err.println("advisor batch: cannot write the plans: " + e.getMessage() + "; stopped after "
                    + Counts.of(tally.cases(), "case"));
            err.flush();
            return USAGE;
        } finally {
            lines.close();
            progress.done();
        }
        Duration run = Duration.ofNanos(System.nanoTime() - start);

        Summary summary = new Summary(
                tally,
                advisor.rulesVersion(),
                advisor.rulesOrigin(),
                advisor.ruleNames(),
                files.stream().map(f -> f.toString().replace('\\', '/')).toList(),
                workers,
                build,
                run,
                Instant.now());
        echo.finish();
        if (report != null) {
            writeReport(summary);
        }
        if (cases != null) {
            cases.finish(summary);
        }
        err.println(summary.oneLine());
        err.flush();
        return tally.exitCode();
    }

    /**
     * The rules folder of the current folder; else that of the project the {@code ./advisor} launcher runs from
     * (system property {@code advisor.project}); else none, and the jar's own copy serves.
     */
    static Path defaultRules() {
        Path here = Path.of("rules");
        if (Files.isDirectory(here)) {
            return here;
        }
        String project = System.getProperty("advisor.project");
        if (project != null && !project.isBlank() && Files.isDirectory(Path.of(project, "rules"))) {
            return Path.of(project, "rules");
        }
        return null;
    }

    private void writeReport(Summary summary) throws IOException {
        String text = isHtml(report) ? Report.html(summary) : Report.markdown(summary);
        createParent(report);
        Files.writeString(report, text, StandardCharsets.UTF_8);
    }

    private static JunitReport openJunit(Path file) throws IOException {
        createParent(file);
        return JunitReport.to(file);
    }

    private static OutputLines open(Path file) throws IOException {
        createParent(file);
        return OutputLines.toFile(file);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static boolean isHtml(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase();
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    private static boolean isMarkdown(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase().endsWith(".md");
    }

    private int usage(PrintWriter err, String message) {
        err.println("advisor batch: " + message);
        err.println("Try 'advisor batch --help'.");
        err.flush();
        return USAGE;
    }

    /**
     * The first errors and failed expectations also go to the error stream, so that they are seen when the lines go to
     * a file (as in CI).
     */
    private static final class Echo {
        private static final int MAX = 20;
        private final PrintWriter err;
        private final Progress progress;
        private int shown;
        private long echoable;

        Echo(PrintWriter err, Progress progress) {
            this.err = err;
            this.progress = progress;
        }

        void accept(Outcome outcome) {
            if (!outcome.isError() && !outcome.failed()) {
                return;
            }
            echoable++;
            if (shown < MAX) {
                shown++;
                progress.done();
                String where = outcome.file() + ":" + outcome.line() + ": ";
                if (outcome.isError()) {
                    err.println(where + outcome.error());
                } else {
                    err.println(
                            where + outcome.id() + ": expectation failed: " + String.join("; ", outcome.failures()));
                }
            }
        }

        void finish() {
            if (echoable > shown) {
                long more = echoable - shown;
                err.printf(
                        "… and %s: see the output lines or the report.%n",
                        Counts.of(more, "more error or failed expectation", "more errors or failed expectations"));
            }
        }
    }
}
