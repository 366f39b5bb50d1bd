package org.trustrepair.advisor.workbench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.proof.Sweep;

/**
 * What the workbench knows about the rule sets this server has loaded: the last edit it refused and why, and for each
 * version how many situations of the space each rule fires for (from a sweep, computed once in the background and
 * cached). Holds no answers: only rule problems and counts.
 */
@Component
class RuleLoads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleLoads.class);

    /** An edit that was checked and refused: when, the version it would have been, and what is wrong. */
    record Rejection(Instant at, String version, List<String> problems) {}

    /** How many situations of the space each rule fires for, under one version. */
    record Coverage(
            String version, long situations, Map<String, Long> situationsPerRule, boolean proof, Duration elapsed) {

        static Coverage of(String version, Sweep.Result sweep) {
            return new Coverage(
                    version, sweep.situations(), Map.copyOf(sweep.situationsPerRule()), sweep.proof(), sweep.elapsed());
        }
    }

    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();
    /** The version of an edit being checked now (compiled, samples, sweep), or null. */
    private final AtomicReference<String> checking = new AtomicReference<>();

    private final Map<String, CompletableFuture<Coverage>> coverage = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-coverage");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /** An edit is being checked: the version served so far goes on serving until it is done. */
    void checking(String version) {
        checking.set(version);
    }

    void doneChecking() {
        checking.set(null);
    }

    Optional<String> checking() {
        return Optional.ofNullable(checking.get());
    }

    void rejected(Rejection rejection) {
        lastRejection.set(rejection);
    }

    Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection.get());
    }

    /** A sweep already run for this version (by the live reload's check) is the coverage: no need to run another. */
    void swept(RuleSet rules, Sweep.Result sweep) {
        coverage.put(rules.version(), CompletableFuture.completedFuture(Coverage.of(rules.version(), sweep)));
    }

    /** Starts the sweep for this version in the background, once; later calls return the same future. */
    CompletableFuture<Coverage> coverage(RuleSet rules, Function<RuleSet, Sweep.Result> sweeper) {
        return coverage.computeIfAbsent(
                rules.version(),
                v -> CompletableFuture.supplyAsync(
                        () -> {
                            Sweep.Result sweep = sweeper.apply(rules);
                            log.info(
                                    "Swept the answer space for rules {}: {} situations in {} ms",
                                    v,
                                    sweep.situations(),
                                    sweep.elapsed().toMillis());
                            return Coverage.of(v, sweep);
                        },
                        background));
    }

    /** The coverage of a version when it is ready. */
    Optional<Coverage> coverageIfReady(String version) {
        CompletableFuture<Coverage> f = coverage.get(version);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
