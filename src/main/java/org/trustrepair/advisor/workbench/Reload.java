package org.trustrepair.advisor.workbench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.proof.CheckReport;
import org.trustrepair.advisor.proof.RuleCheck;
import org.trustrepair.advisor.proof.Sweep;

/**
 * Takes up an edited rules folder only when the whole check holds: it compiles, passes the samples and keeps every
 * guardrail over the whole space. The new rule set is built and checked on the side while the old one serves;
 * {@link Advisor#use} then swaps it in atomically, so requests in flight finish on the rules they started with.
 * Anything less, and the old rules go on serving and the refusal is kept for the workbench page and logged (rule
 * problems only: there are no answers here to log). Each edit served or refused counts in {@value #RELOADS}
 * ({@code advisor_reloads_total{outcome="served"}} or {@code "refused"}).
 */
final class Reload {

    private static final Logger log = LoggerFactory.getLogger(Reload.class);

    static final String RELOADS = "advisor.reloads";

    /** What became of one edit. */
    record Decision(boolean accepted, String version, Duration took, List<String> problems) {}

    private final Advisor advisor;
    private final RuleCheck check;
    private final Path samples;
    private final RuleLoads loads;
    private final Clock clock;
    private final Counter served;
    private final Counter refused;

    Reload(Advisor advisor, RuleCheck check, Path samples, RuleLoads loads, Clock clock, MeterRegistry meters) {
        this.advisor = advisor;
        this.check = check;
        this.samples = samples;
        this.loads = loads;
        this.clock = clock;
        this.served = reloads(meters, "served");
        this.refused = reloads(meters, "refused");
    }

    private static Counter reloads(MeterRegistry meters, String outcome) {
        return Counter.builder(RELOADS)
                .description("Edits of the rules folder checked by the live reload, served or refused")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Checks the folder as it is now; serves it if everything holds. Nothing happens when its content is unchanged. */
    Decision apply(Path folder) {
        long start = System.nanoTime();
        RuleFiles files;
        try {
            files = RuleFiles.fromDirectory(folder);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return refuse(start, "?", List.of("the rules folder cannot be read: " + e.getMessage()));
        }
        if (files.version().equals(advisor.rulesVersion())) {
            return new Decision(false, files.version(), since(start), List.of());
        }
        log.info(
                "Checking the edited rules (version {}): compiling, the samples, the guardrail sweep; version {} "
                        + "goes on serving meanwhile",
                files.version(),
                advisor.rulesVersion());
        loads.checking(files.version());
        RuleCheck.Outcome outcome;
        try {
            outcome = check.run(files, samples, true);
        } finally {
            loads.doneChecking();
        }
        if (!outcome.holds()) {
            return refuse(start, files.version(), CheckReport.todo(outcome));
        }
        String previous = advisor.rulesVersion();
        advisor.use(outcome.ruleSet());
        served.increment();
        if (outcome.sweep() != null) {
            loads.swept(outcome.ruleSet().version(), outcome.sweep());
        }
        Duration took = since(start);
        long compiled = outcome.compileTime().toMillis();
        long samplesRun = outcome.samplesTime().toMillis();
        log.info(
                "Rules reloaded: now serving version {} ({} rules) instead of {}, checked in {} ms (compiling {} ms, "
                        + "the samples {} ms, the sweep or its kept proof {} ms){}",
                files.version(),
                outcome.ruleSet().rules().size(),
                previous,
                took.toMillis(),
                compiled,
                samplesRun,
                Math.max(0, took.toMillis() - compiled - samplesRun),
                reusedSweep(outcome.sweep(), files.version()));
        return new Decision(true, files.version(), took, List.of());
    }

    /** How the log says that an earlier sweep stands for these rules, or nothing. */
    private static String reusedSweep(Sweep.Result sweep, String version) {
        if (sweep == null || !sweep.reused()) {
            return "";
        }
        return sweep.reusedFrom().equals(version)
                ? " (proven before: a sweep of this version in the proofs folder stands for it)"
                : " (no decision changed: the sweep of version " + sweep.reusedFrom() + " stands for it)";
    }

    private Decision refuse(long start, String version, List<String> problems) {
        loads.rejected(new RuleLoads.Rejection(clock.instant(), version, problems));
        refused.increment();
        log.warn(
                "Rules edit refused (version {}); still serving version {}. What to fix:\n  {}",
                version,
                advisor.rulesVersion(),
                String.join("\n  ", problems));
        return new Decision(false, version, since(start), problems);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
