package org.trustrepair.advisor.workbench;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * cached for the last few versions). Holds no answers: only rule problems and counts.
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

    /**
     * Versions whose coverage is kept. The page shows the version served now, the newest one swept or asked for:
     * Caffeine keeps the newest entry (in its admission window), and forgets older versions, the least used first,
     * so a workbench reloading all day holds a few coverages, not one per edit.
     */
    static final int VERSIONS_KEPT = 4;

    private final AsyncCache<String, Coverage> coverage;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-coverage");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    RuleLoads() {
        this(Caffeine.newBuilder());
    }

    /** For tests: {@code builder} may carry a same-thread executor. */
    RuleLoads(Caffeine<Object, Object> builder) {
        this.coverage = builder.maximumSize(VERSIONS_KEPT).buildAsync();
    }

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
    void swept(String version, Sweep.Result sweep) {
        coverage.put(version, CompletableFuture.completedFuture(Coverage.of(version, sweep)));
    }

    /** Starts the sweep for this version in the background, once; later calls return the same future. */
    CompletableFuture<Coverage> coverage(RuleSet rules, Function<RuleSet, Sweep.Result> sweeper) {
        return coverage.get(
                rules.version(),
                (v, caffeines) -> CompletableFuture.supplyAsync(
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
        CompletableFuture<Coverage> f = coverage.getIfPresent(version);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /** How many versions' coverages are kept now (after Caffeine's pending maintenance). */
    long versionsKept() {
        coverage.synchronous().cleanUp();
        return coverage.synchronous().estimatedSize();
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
