package org.trustrepair.advisor.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.SameFirings;

/**
 * The sweep's shortcut: one engine evaluation for each kind of situation, where two situations are of a kind when
 * {@link SameFirings} shows they fire exactly the same rules. Each situation's {@code Situation( … )} conditions are
 * read from tables made once, with the engine, for each combination of the answers a condition reads; the first
 * situation of a kind is evaluated, and the rules its facts leave open say which conditions the next situations must
 * share with it to be of its kind. A situation of a known kind gets that kind's plan (the same steps, kinds, phases,
 * ranks, track and texts; only the answers written into reasons differ, and they cannot make a reason blank or leave
 * a brace in it: {@link RuleSet#phrasesInert()}), and the guardrails are checked on it with the situation's own
 * answers. So every situation of the space is still checked; only the engine runs fewer times.
 *
 * <p>Thread-safe: kinds are shared between the sweep's threads (two threads may both evaluate a new kind; both get
 * the same plan, and one is kept).
 */
final class AlikeSituations {

  /**
   * What every situation of a kind gets: the plan (up to wording) and the rules that fired, each once; with the
   * situation patterns of the rules open for it and the id of its plan as the guardrails see it. One object for each
   * set of rules fired, so a kind is its own identity (maps keyed by kinds compare them as objects).
   */
  static final class Kind {
    private final AdvicePlan plan;
    private final List<String> fired;
    private final long[] open;
    private final int shape;

    private Kind(AdvicePlan plan, List<String> fired, long[] open, int shape) {
      this.plan = plan;
      this.fired = fired;
      this.open = open;
      this.shape = shape;
    }

    AdvicePlan plan() {
      return plan;
    }

    List<String> fired() {
      return fired;
    }

    long[] open() {
      return open;
    }

    int shape() {
      return shape;
    }
  }

  /** The dimensions of the answers a guardrail check reads ({@link Guardrail#ANSWERS_CHECKED}). */
  private static final int[] CHECKED = Guardrail.ANSWERS_CHECKED.stream()
      .mapToInt(AnswerSpace.DIMENSIONS::indexOf).toArray();

  private final AnswerSpace space;
  private final long[] always;
  private final int[][] groupDims;
  /** By role index, group and combination of the group's value indexes: the patterns of the group that hold. */
  private final long[][][][] tables;
  private final List<long[]> opens = new CopyOnWriteArrayList<>();
  private final Map<Key, Integer> openIds = new ConcurrentHashMap<>();
  private final Map<Key, CopyOnWriteArrayList<Integer>> opensByAlways = new ConcurrentHashMap<>();
  private final Map<Key, Kind> kinds = new ConcurrentHashMap<>();
  private final Map<List<String>, Kind> byFired = new ConcurrentHashMap<>();
  private final Map<AdvicePlan, Integer> shapes = new ConcurrentHashMap<>();
  private final Map<Long, String[]> verdicts = new ConcurrentHashMap<>();
  private final SameFirings firings;

  private AlikeSituations(SameFirings firings, AnswerSpace space, int[][] groupDims, long[][][][] tables) {
    this.firings = firings;
    this.space = space;
    this.always = firings.alwaysOpen();
    this.groupDims = groupDims;
    this.tables = tables;
  }

  /** The shortcut for these rules over this space, or empty when the rules do not qualify (see SameFirings). */
  static Optional<AlikeSituations> of(RuleSet rules, AnswerSpace space, int threads) {
    if (!rules.phrasesInert()) {
      return Optional.empty();
    }
    Optional<SameFirings> analysed = SameFirings.of(rules).firings();
    if (analysed.isEmpty()) {
      return Optional.empty();
    }
    SameFirings firings = analysed.get();
    int words = firings.words();
    Map<List<Integer>, long[]> groups = new LinkedHashMap<>();
    for (int p = 0; p < firings.patterns(); p++) {
      List<Integer> dims = new ArrayList<>();
      for (String field : firings.fieldsRead(p)) {
        int d = AnswerSpace.DIMENSIONS.indexOf(field);
        if (d < 0) {
          return Optional.empty();
        }
        dims.add(d);
      }
      long[] mask = groups.computeIfAbsent(dims.stream().sorted().distinct().toList(), k -> new long[words]);
      mask[p >>> 6] |= 1L << (p & 63);
    }
    int[][] groupDims = groups.keySet().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    List<long[]> groupMasks = new ArrayList<>(groups.values());
    int roles = space.roleCount();
    long[][][][] tables = new long[roles][groupDims.length][][];
    // one table per role and group, made on the sweep's threads
    int groupCount = groupDims.length;
    Parallel.over((long) roles * groupCount, threads, "sweep-tables", () -> new Parallel.Part<Void>() {
      final SameFirings.Probe probe = firings.newProbe();
      final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];

      @Override
      public void take(long task) {
        int role = (int) (task / groupCount);
        int g = (int) (task % groupCount);
        int[] sizes = space.sizesWithin(role);
        int[] dims = groupDims[g];
        int combinations = 1;
        for (int d : dims) {
          combinations *= sizes[d];
        }
        long[][] table = new long[combinations][];
        java.util.Arrays.fill(coords, 0);
        long[] mask = groupMasks.get(g);
        for (int combination = 0; combination < combinations; combination++) {
          int rest = combination;
          for (int i = dims.length - 1; i >= 0; i--) {
            coords[dims[i]] = rest % sizes[dims[i]];
            rest /= sizes[dims[i]];
          }
          long[] holding = probe.holding(space.at(role, coords));
          for (int w = 0; w < words; w++) {
            holding[w] &= mask[w];
          }
          table[combination] = holding;
        }
        tables[role][g] = table;
      }

      @Override
      public Void result() {
        return null;
      }

      @Override
      public void close() {
        probe.close();
      }
    });
    return Optional.of(new AlikeSituations(firings, space, groupDims, tables));
  }

  Part newPart() {
    return new Part();
  }

  /** One thread's use: its own probe and buffers. */
  final class Part implements AutoCloseable {
    private final SameFirings.Probe probe = firings.newProbe();
    private final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];
    private Kind lastKind;
    private long[] lastHolding;

    /**
     * The guardrails' verdicts on situation {@code index} (the one last given to {@link #holding}) of this kind:
     * checked once for each plan the checks can tell apart and each combination of the answers they read.
     */
    String[] problems(Kind kind, long index) {
      int[] sizes = space.sizesWithin(coords[AnswerSpace.ROLE]);
      long key = kind.shape();
      for (int d : CHECKED) {
        key = d == AnswerSpace.ROLE ? key * space.roleCount() + coords[d] : key * sizes[d] + coords[d];
      }
      String[] known = verdicts.get(key);
      if (known == null) {
        known = Guardrail.problems(space.get(index), kind.plan());
        verdicts.put(key, known);
      }
      return known;
    }

    /** The situation patterns that hold for situation {@code index}, read from the tables. */
    long[] holding(long index) {
      space.coordinates(index, coords);
      int role = coords[AnswerSpace.ROLE];
      int[] sizes = space.sizesWithin(role);
      long[] bits = new long[always.length];
      for (int g = 0; g < groupDims.length; g++) {
        int combination = 0;
        for (int d : groupDims[g]) {
          combination = combination * sizes[d] + (d == AnswerSpace.ROLE ? 0 : coords[d]);
        }
        long[] part = tables[role][g][combination];
        for (int w = 0; w < bits.length; w++) {
          bits[w] |= part[w];
        }
      }
      return bits;
    }

    /** The kind of a situation whose patterns hold as given, if a situation of that kind was evaluated. */
    Kind find(long[] holding) {
      // the situation before it was of a kind: it is of that kind too if they agree where that kind looks
      if (lastKind != null && agree(holding, lastHolding, lastKind.open())) {
        lastHolding = holding;
        return lastKind;
      }
      Kind kind = lookUp(holding);
      lastKind = kind;
      lastHolding = holding;
      return kind;
    }

    private Kind lookUp(long[] holding) {
      List<Integer> candidates = opensByAlways.get(new Key(-2, and(holding, always)));
      if (candidates == null) {
        return null;
      }
      for (int id : candidates) {
        Kind kind = kinds.get(new Key(id, and(holding, opens.get(id))));
        if (kind != null) {
          return kind;
        }
      }
      return null;
    }

    /** The kind of an evaluated situation, known from now on: its patterns that hold, the facts its rules made. */
    Kind remember(long[] holding, Collection<Object> facts, Evaluation evaluation) {
      List<String> fired = List.copyOf(new java.util.TreeSet<>(evaluation.firedRules()));
      Kind kind = byFired.get(fired);
      if (kind == null) {
        // the rules that fired decide the facts they inserted, and so which rules those leave open
        kind = byFired.computeIfAbsent(fired, f -> new Kind(evaluation.plan(), f,
            probe.openBy(facts), shapeOf(evaluation.plan())));
      }
      long[] open = kind.open();
      int id = idOf(open);
      // another thread may have recorded this kind under the same key first: the same rules fired, the same kind
      Kind known = kinds.putIfAbsent(new Key(id, and(holding, open)), kind);
      if (known != null) {
        kind = known;
      }
      opensByAlways.computeIfAbsent(new Key(-2, and(holding, always)), k -> new CopyOnWriteArrayList<>())
          .addIfAbsent(id);
      lastKind = kind;
      lastHolding = holding;
      return kind;
    }

    @Override
    public void close() {
      probe.close();
    }
  }

  /** Plans the guardrails cannot tell apart ({@link Guardrail#asChecked}) share verdicts. */
  private int shapeOf(AdvicePlan plan) {
    AdvicePlan shape = Guardrail.asChecked(plan);
    Integer id = shapes.get(shape);
    return id != null ? id : shapes.computeIfAbsent(shape, k -> shapes.size());
  }

  private synchronized int idOf(long[] open) {
    return openIds.computeIfAbsent(new Key(-1, open), k -> {
      opens.add(open);
      return opens.size() - 1;
    });
  }

  private static boolean agree(long[] a, long[] b, long[] mask) {
    for (int w = 0; w < mask.length; w++) {
      if (((a[w] ^ b[w]) & mask[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static long[] and(long[] a, long[] b) {
    long[] r = new long[a.length];
    for (int w = 0; w < a.length; w++) {
      r[w] = a[w] & b[w];
    }
    return r;
  }

  /** Patterns that hold, under one mask of open rules (by id; -1 and -2 for the masks' own tables). */
  private record Key(int mask, long[] bits) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.mask == mask && Arrays.equals(k.bits, bits);
    }

    @Override
    public int hashCode() {
      return 31 * mask + Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
      return "Key[" + mask + "]";
    }
  }
}
