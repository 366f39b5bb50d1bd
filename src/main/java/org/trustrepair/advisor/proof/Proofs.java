package org.trustrepair.advisor.proof;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweeps a running server has made, by {@link RuleSet#decisionKey()}: an edit that changes no decision (a
 * reworded text, reason or source, a comment) is checked against the sweep of the rules it rewords instead of a new
 * one, so it is served in the time it takes to compile and run the samples. A sweep under way is shared: a second
 * rule set with the same decisions waits for it rather than starting its own. Only the last few are kept.
 *
 * <p>With a folder of {@link ProofFiles} (a fleet's shared proofs, written by {@code ./advisor check --cache DIR} and
 * by every replica), a sweep found there for the same decisions and the same build stands too: rules proven before
 * they were published go live in the time it takes to compile them, and each sweep a server makes is kept there.
 */
public class Proofs {

    /** Each sweep kept holds only counts and examples: a few kilobytes. */
    private static final int KEPT = 3;

    private record Entry(RuleSet rules, CompletableFuture<Sweep.Result> result) {}

    /**
     * The last few sweeps, least recently used forgotten first. Not a Caffeine cache on purpose: its size limit admits
     * by frequency, so with three entries the sweep of the rules served now is forgotten as soon as one edit after it
     * is swept (and refused), while older sweeps, used as often, stay; the served rules' sweep is the one an edit of
     * their words needs ({@code ProofsTest} fails with a Caffeine cache of the same size).
     */
    private final Map<String, Entry> byKey = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > KEPT;
        }
    };

    /** Where sweeps are also read and kept, or null: in memory only. */
    private final ProofFiles files;

    /** Sweeps kept in memory only. */
    public Proofs() {
        this(null);
    }

    /** Sweeps kept in memory and in {@code files} (shared with the check command and other servers). */
    public Proofs(ProofFiles files) {
        this.files = files;
    }

    /** A sweeper that sweeps with {@code sweep} only rules whose decisions have not been swept yet. */
    public Function<RuleSet, Sweep.Result> reusing(Function<RuleSet, Sweep.Result> sweep) {
        return rules -> sweep(rules, sweep);
    }

    public Sweep.Result sweep(RuleSet rules, Function<RuleSet, Sweep.Result> sweep) {
        String key = RulesRead.decisionKey(rules);
        Entry mine = new Entry(rules, new CompletableFuture<>());
        Entry earlier;
        synchronized (byKey) {
            earlier = byKey.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            try {
                Sweep.Result result = earlier.result().join();
                String version = earlier.rules().version();
                return version.equals(rules.version()) ? result : result.reusedFrom(version);
            } catch (CompletionException e) {
                // that sweep failed to finish (not a failed guardrail: an error); sweep anew below
                synchronized (byKey) {
                    byKey.remove(key, earlier);
                    byKey.putIfAbsent(key, mine);
                }
            }
        }
        try {
            Sweep.Result result = files != null ? files.reusing(sweep).apply(rules) : sweep.apply(rules);
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
