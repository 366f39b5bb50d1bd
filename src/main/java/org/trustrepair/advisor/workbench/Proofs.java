package org.trustrepair.advisor.workbench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweeps a running server has made, by {@link RuleSet#decisionKey()}: an edit that changes no decision (a
 * reworded text, reason or source, a comment) is checked against the sweep of the rules it rewords instead of a new
 * one, so it is served in the time it takes to compile and run the samples. A sweep under way is shared: a second
 * rule set with the same decisions waits for it rather than starting its own. Only the last few are kept.
 */
@Component
class Proofs {

    /** Each sweep kept with its situation by situation detail takes about 31 MB (15 MB of it the kinds it met). */
    private static final int KEPT = 3;

    private static final Logger log = LoggerFactory.getLogger(Proofs.class);

    private record Entry(RuleSet rules, CompletableFuture<Sweep.Result> result) {
        String version() {
            return rules.version();
        }
    }

    private final Map<String, Entry> byKey = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > KEPT;
        }
    };

    /** A sweeper that sweeps with {@code sweep} only rules whose decisions have not been swept yet. */
    Function<RuleSet, Sweep.Result> reusing(Function<RuleSet, Sweep.Result> sweep) {
        return rules -> sweep(rules, sweep);
    }

    /**
     * The sweep of rules whose decisions have not been swept: made from the latest sweep kept, evaluating again only
     * the situations the edit can change ({@link IncrementalSweep}), or, when the edit cannot be bounded so, a full
     * sweep. Either way kept situation by situation, for the next edit.
     */
    Sweep.Result fromLatest(RuleSet rules, int threads) {
        Entry base = null;
        synchronized (byKey) {
            for (Entry e : byKey.values()) {
                if (e.rules() != rules
                        && e.result().isDone()
                        && !e.result().isCompletedExceptionally()
                        && e.result().join().detail() != null) {
                    base = e; // the last one in access order is the latest used
                }
            }
        }
        if (base != null) {
            long start = System.nanoTime();
            Optional<IncrementalSweep.Made> made =
                    IncrementalSweep.of(base.result().join(), base.rules(), rules, threads);
            if (made.isPresent()) {
                log.info(
                        "Swept rules {} from the sweep of {}: {} of {} situations evaluated again, {} of them by the engine"
                                + " ({} ms)",
                        rules.version(),
                        base.version(),
                        made.get().evaluatedAgain(),
                        made.get().result().situations(),
                        made.get().result().evaluated(),
                        (System.nanoTime() - start) / 1_000_000);
                return made.get().result();
            }
        }
        return new Sweep(rules, threads).runDetailed(AnswerSpace.of(rules));
    }

    Sweep.Result sweep(RuleSet rules, Function<RuleSet, Sweep.Result> sweep) {
        String key = rules.decisionKey();
        Entry mine = new Entry(rules, new CompletableFuture<>());
        Entry earlier;
        synchronized (byKey) {
            earlier = byKey.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            try {
                Sweep.Result result = earlier.result().join();
                return earlier.version().equals(rules.version()) ? result : result.reusedFrom(earlier.version());
            } catch (CompletionException e) {
                // that sweep failed to finish (not a failed guardrail: an error); sweep anew below
                synchronized (byKey) {
                    byKey.remove(key, earlier);
                    byKey.putIfAbsent(key, mine);
                }
            }
        }
        try {
            Sweep.Result result = sweep.apply(rules);
            mine.result().complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            synchronized (byKey) {
                byKey.remove(key, mine);
            }
            mine.result().completeExceptionally(e);
            throw e;
        }
    }
}
