package org.trustrepair.advisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Advisors;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.AnswersReader;
import picocli.CommandLine;

/**
 * Issue 4's benchmark over the generated cases ({@code advisor generate --count 100000 --seed 1}): each invocation
 * handles the whole file, so a score is milliseconds per 100,000 cases.
 *
 * <ul>
 *   <li>{@code batch}: the batch command in-process (reading, evaluating on every core, writing JSON lines in order),
 *       with a rule set already built;</li>
 *   <li>{@code evaluateOneThread}, {@code evaluateTwoThreads}: {@code Advisor.evaluate} alone over answers already
 *       read;</li>
 *   <li>{@code floorSameOutput}: the JSON floor, reading every line with Jackson and writing an output line of the
 *       batch's shape and size (a plan computed beforehand), with no rules; {@code floorEcho}: reading every line and
 *       writing it back.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BatchBenchmark {

    @Param("target/bench/cases-100k.jsonl")
    public String cases;

    private Advisor advisor;
    private List<Answers> answers;
    private List<AdvicePlan> plans;
    private ExecutorService two;
    private Path out;
    private final ObjectWriter json = CaseReader.JSON.writer();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Path.of(cases);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run scripts/benchmark-batch.sh, or "
                    + "./advisor generate --count 100000 --seed 1 --out " + file);
        }
        advisor = Advisors.fromFolderOrClasspath(Path.of("rules"));
        answers = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answers.add(AnswersReader.strict()
                        .read(CaseReader.JSON.readTree(line).get("answers"))
                        .answers());
            }
        }
        plans = answers.stream().limit(1_000).map(advisor::advise).toList();
        two = Executors.newFixedThreadPool(2);
        out = Files.createTempFile("batch-benchmark", ".jsonl");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        two.shutdownNow();
        Files.deleteIfExists(out);
    }

    Advisor advisor() {
        return advisor;
    }

    List<Answers> answers() {
        return answers;
    }

    @Benchmark
    public int batch() {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        int exit = new CommandLine(new BatchCommand(rules -> advisor))
                .setErr(quiet)
                .execute(cases, "--out", out.toString(), "--no-progress");
        if (exit != 0) {
            throw new IllegalStateException("batch exited with " + exit);
        }
        return exit;
    }

    @Benchmark
    public void evaluateOneThread(Blackhole hole) {
        for (Answers a : answers) {
            hole.consume(advisor.evaluate(a));
        }
    }

    @Benchmark
    public void evaluateTwoThreads(Blackhole hole) throws Exception {
        int half = answers.size() / 2;
        List<Future<?>> parts = List.of(
                two.submit(() -> answers.subList(0, half).forEach(a -> hole.consume(advisor.evaluate(a)))),
                two.submit(
                        () -> answers.subList(half, answers.size()).forEach(a -> hole.consume(advisor.evaluate(a)))));
        for (Future<?> part : parts) {
            part.get();
        }
    }

    @Benchmark
    public long floorSameOutput() throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(cases));
                OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode node = CaseReader.JSON.readTree(line);
                n++;
                w.write(json.writeValueAsBytes(new Outcome.Line(
                        node.get("id").asText(), cases, n, plans.get((int) (n % plans.size())), null, null)));
                w.write('\n');
            }
        }
        return n;
    }

    @Benchmark
    public long floorEcho() throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(cases));
                OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode node = CaseReader.JSON.readTree(line);
                n++;
                w.write(json.writeValueAsBytes(node));
                w.write('\n');
            }
        }
        return n;
    }
}
