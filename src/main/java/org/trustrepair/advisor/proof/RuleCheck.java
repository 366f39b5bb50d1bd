package org.trustrepair.advisor.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * Everything that must hold before a rule set may serve: it compiles with complete metadata and texts, every sample
 * gets the plan its expectation describes, and the sweep over the whole answer space finds no broken guardrail, no
 * situation without a plan or a step, and no rule that never fires. The check command and the live reload both use
 * this, so what a counsellor checks is what the server accepts.
 */
public record RuleCheck(int maxFirings, Duration maxEvaluationTime, Function<RuleSet, Sweep.Result> sweeper) {

    /** What a check found. {@code ruleSet} is null when the rules did not build; {@code sweep} null when not run. */
    public record Outcome(
            String origin,
            String version,
            RuleSet ruleSet,
            List<RuleProblem> problems,
            Samples.Loaded samples,
            List<Samples.Failure> sampleFailures,
            List<String> unprotected,
            Sweep.Result sweep,
            Duration compileTime,
            Duration samplesTime) {

        boolean compiles() {
            return ruleSet != null && problems.isEmpty();
        }

        /** Whether the rule set may serve. A check whose sweep was skipped (tests only) relies on the rest. */
        public boolean holds() {
            return compiles()
                    && sampleFailures.isEmpty()
                    && (sweep == null
                            || (sweep.holds()
                                    && sweep.proof()
                                    && sweep.rulesNeverFired().isEmpty()));
        }
    }

    /** {@code sweeper} null: no sweep (only for tests that must stay fast; a real check always sweeps). */
    public RuleCheck(int maxFirings, Function<RuleSet, Sweep.Result> sweeper) {
        this(maxFirings, RuleSetBuilder.DEFAULT_MAX_EVALUATION_TIME, sweeper);
    }

    /** The same check, building rule sets whose evaluations stop after {@code time}: a reload keeps the server's limit. */
    public RuleCheck withMaxEvaluationTime(Duration time) {
        return new RuleCheck(maxFirings, time, sweeper);
    }

    /**
     * The full check, which sweeps only rules whose decisions {@code proofs} has not seen swept: an edit of texts,
     * reasons, sources or comments stands on the sweep of the rules it rewords, and an edit of some rules is swept
     * again only where those rules could fire (the live reload).
     */
    public static RuleCheck full(int maxFirings, int threads, Proofs proofs) {
        return new RuleCheck(maxFirings, proofs.reusing(rules -> new Sweep(rules, threads).run()));
    }

    /**
     * Checks the rule files with the samples of a folder (none when it does not exist). With {@code failFast} the sweep
     * is skipped once the rules fail to build or a sample fails (the live reload: the edit is refused either way); the
     * check command runs everything it can, so the counsellor sees all there is to fix at once.
     */
    public Outcome run(RuleFiles files, Path samplesFolder, boolean failFast) {
        long start = System.nanoTime();
        RuleSet ruleSet;
        try {
            ruleSet = new RuleSetBuilder(maxFirings, maxEvaluationTime).build(files);
            Guardrails.of(ruleSet); // a mistake in guardrails.yaml is refused like a rule that does not compile
        } catch (RuleSetException e) {
            return new Outcome(
                    files.origin(),
                    files.version(),
                    null,
                    e.problems(),
                    Samples.Loaded.none(samplesFolder),
                    List.of(),
                    List.of(),
                    null,
                    since(start),
                    Duration.ZERO);
        }
        Duration compileTime = since(start);
        long samplesStart = System.nanoTime();
        Samples.Loaded samples = Samples.read(samplesFolder);
        List<Samples.Failure> failures = Samples.failures(ruleSet, samples);
        List<String> unprotected = samples.count() == 0 ? List.of() : Samples.unprotected(ruleSet, samples);
        Duration samplesTime = since(samplesStart);
        Sweep.Result sweep = null;
        if (sweeper != null && !(failFast && !failures.isEmpty())) {
            sweep = sweeper.apply(ruleSet);
        }
        return new Outcome(
                files.origin(),
                files.version(),
                ruleSet,
                List.of(),
                samples,
                failures,
                unprotected,
                sweep,
                compileTime,
                samplesTime);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
