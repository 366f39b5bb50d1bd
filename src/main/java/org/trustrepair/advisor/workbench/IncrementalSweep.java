package org.trustrepair.advisor.workbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleChanges;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The sweep of an edit, made from the sweep of the rules before it: only the situations where a changed rule fired
 * before, or could fire now ({@link RuleChanges}), are evaluated again; every other situation is evaluated by
 * exactly the same rules in both rule sets and keeps what it got. The result is the full sweep's, situation by
 * situation, in the time it takes to test the changed rules' conditions on the space and evaluate the few
 * situations that pass. {@code IncrementalSweepTest} compares it with the full sweep for several edits.
 */
final class IncrementalSweep {

  /** A sweep made this way, and how many situations it evaluated again. */
  record Made(Sweep.Result result, long evaluatedAgain) {}

  private IncrementalSweep() {}

  /**
   * The sweep of {@code after}, from the detailed sweep of {@code before}; empty when the edit cannot be bounded
   * (the space changed, text outside the rules changed, a changed rule's conditions cannot be read alone).
   */
  static Optional<Made> of(Sweep.Result old, RuleSet before, RuleSet after, int threads) {
    if (old.detail() == null || !old.proof()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    AnswerSpace space = AnswerSpace.of(after);
    if (!space.sameSituations(old.space())) {
      return Optional.empty();
    }
    Optional<RuleChanges.Probe> probe = RuleChanges.between(before, after);
    if (probe.isEmpty()) {
      return Optional.empty();
    }
    // where a changed rule fired before (exactly), where the run failed before, and where an added rule or one
    // with new conditions could fire now
    BitSet again = (BitSet) old.detail().errors().clone();
    for (String rule : probe.get().changedRules()) {
      again.or(old.detail().firedBy().getOrDefault(rule, new BitSet()));
    }
    if (probe.get().testsConditions()) {
      again.or(mayChange(space, probe.get(), threads));
    }
    Sweep.Result fresh = new Sweep(after, threads).runOn(space, again);
    Sweep.Detail was = old.detail();
    Sweep.Detail now = fresh.detail();

    Map<Guardrail, BitSet> violating = new EnumMap<>(Guardrail.class);
    Map<Guardrail, Long> violations = new EnumMap<>(Guardrail.class);
    Map<Guardrail, Sweep.Example> first = new EnumMap<>(Guardrail.class);
    try (RuleSet.Evaluator evaluator = after.newEvaluator()) {
      for (Guardrail g : Guardrail.values()) {
        BitSet bits = kept(was.violating().get(g), again);
        bits.or(now.violating().get(g));
        violating.put(g, bits);
        violations.put(g, (long) bits.cardinality());
        int lowest = bits.nextSetBit(0);
        if (lowest >= 0) {
          first.put(g, example(lowest, g, again, old.firstViolation().get(g), fresh.firstViolation().get(g),
              space, evaluator));
        }
      }
      BitSet errors = kept(was.errors(), again);
      errors.or(now.errors());
      Sweep.Example firstError = null;
      int lowestError = errors.nextSetBit(0);
      if (lowestError >= 0) {
        firstError = errorExample(lowestError, again, old.firstError(), fresh.firstError(), space, evaluator);
      }
      Map<String, BitSet> firedBy = new HashMap<>();
      Map<String, Long> perRule = new TreeMap<>();
      List<String> never = new ArrayList<>();
      for (String rule : after.rules().keySet()) {
        BitSet bits = kept(was.firedBy().getOrDefault(rule, new BitSet()), again);
        bits.or(now.firedBy().getOrDefault(rule, new BitSet()));
        firedBy.put(rule, bits);
        perRule.put(rule, (long) bits.cardinality());
      }
      perRule.forEach((rule, n) -> {
        if (n == 0) {
          never.add(rule);
        }
      });
      boolean proof = !after.numberUseUnrecognised("daysElapsed") && !after.numberUseUnrecognised("apologiesMade");
      Sweep.Result result = new Sweep.Result(space, space.size(), Duration.ofNanos(System.nanoTime() - start),
          violations, first, errors.cardinality(), firstError, perRule, never, proof, null,
          new Sweep.Detail(violating, errors, firedBy));
      return Optional.of(new Made(result, again.cardinality()));
    }
  }

  /** The situations a changed rule could fire for, old or new: tested with the engine, on every situation. */
  private static BitSet mayChange(AnswerSpace space, RuleChanges.Probe probe, int threads) {
    AtomicLong next = new AtomicLong();
    long chunk = 8192;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "sweep-probe");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<BitSet>> parts = new ArrayList<>();
      for (int i = 0; i < Math.max(1, threads); i++) {
        parts.add(pool.submit(() -> {
          BitSet hits = new BitSet();
          try (RuleChanges.Matcher matcher = probe.newMatcher()) {
            long from;
            while ((from = next.getAndAdd(chunk)) < space.size()) {
              long to = Math.min(space.size(), from + chunk);
              for (long index = from; index < to; index++) {
                if (matcher.mayChange(space.get(index))) {
                  hits.set((int) index);
                }
              }
            }
          }
          return hits;
        }));
      }
      BitSet all = new BitSet();
      for (Future<BitSet> f : parts) {
        all.or(f.get());
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sweep failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The old situations that were not evaluated again. */
  private static BitSet kept(BitSet old, BitSet again) {
    BitSet bits = (BitSet) old.clone();
    bits.andNot(again);
    return bits;
  }

  private static Sweep.Example example(int index, Guardrail g, BitSet again, Sweep.Example old, Sweep.Example fresh,
      AnswerSpace space, RuleSet.Evaluator evaluator) {
    if (again.get(index)) {
      return fresh; // the lowest of the situations evaluated again that break it
    }
    if (old != null && old.index() == index) {
      return old;
    }
    Answers answers = space.get(index);
    String problem;
    try {
      problem = g.violation(answers, evaluator.evaluate(answers).plan()).orElse("");
    } catch (EvaluationException e) {
      problem = e.getMessage();
    }
    return new Sweep.Example(index, answers, problem);
  }

  private static Sweep.Example errorExample(int index, BitSet again, Sweep.Example old, Sweep.Example fresh,
      AnswerSpace space, RuleSet.Evaluator evaluator) {
    if (again.get(index)) {
      return fresh;
    }
    if (old != null && old.index() == index) {
      return old;
    }
    Answers answers = space.get(index);
    try {
      evaluator.evaluate(answers);
      return new Sweep.Example(index, answers, "");
    } catch (EvaluationException e) {
      return new Sweep.Example(index, answers, e.getMessage());
    }
  }
}
