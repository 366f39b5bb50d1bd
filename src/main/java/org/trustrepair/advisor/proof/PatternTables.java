package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the rules' {@code Situation( … )} patterns ({@link SameFirings}) hold for each situation of a space, and
 * which of the guardrails' conditions on answers, read from small tables made once. A pattern holds when each of its
 * conditions does, and a guardrail's conditions on answers hold when each of their parts does ({@link
 * Condition#answerParts}); so each condition is tested on the few answers it reads alone. The sets of answers read
 * are the <em>factors</em>: for each role and factor, the table gives, for every combination of the values of the
 * factor's answers, the bits whose conditions on those answers hold (the patterns' by the engine's probe,
 * {@link SameFirings#newProbeSession}; the guardrails' in Java), with every bit that has no condition on them set.
 * Bit {@code patterns + g} stands for guardrail {@code g}. A situation's bits are the intersection of one entry per
 * factor. {@link RunReader} reads them a run of situations at a time.
 */
final class PatternTables {

    private static final Logger log = LoggerFactory.getLogger(PatternTables.class);

    /** The most entries any factor's table may have; a larger one stops the shortcut. */
    private static final long MOST_ENTRIES = 1 << 24;

    final AnswerSpace space;
    /** How many situation patterns there are: the bits before the guardrails'. */
    final int patterns;
    /** How many bits there are: the patterns', then one for each guardrail. */
    final int bits;
    /** Each factor's dimensions, in {@link AnswerSpace#DIMENSIONS} order. */
    final int[][] factorDims;
    /** By role index, factor and combination of the factor's value indexes: the bits whose conditions there hold. */
    final BitSet[][][] tables;
    /** The bits with a condition in a factor that reads the safety flags: the bits that may differ within a run. */
    final BitSet readFlags;

    private PatternTables(
            AnswerSpace space, int patterns, int bits, int[][] factorDims, BitSet[][][] tables, BitSet readFlags) {
        this.space = space;
        this.patterns = patterns;
        this.bits = bits;
        this.factorDims = factorDims;
        this.tables = tables;
        this.readFlags = readFlags;
    }

    /**
     * The tables for these patterns and guardrails over this space, made on {@code threads} threads; empty if a table
     * would have more than {@link #MOST_ENTRIES} entries.
     */
    static Optional<PatternTables> of(SameFirings firings, List<Guardrail> guardrails, AnswerSpace space, int threads) {
        int patterns = firings.patterns();
        int bits = patterns + guardrails.size();
        Map<List<String>, Factor> byAnswers = new LinkedHashMap<>();
        BitSet readFlags = new BitSet();
        List<SameFirings.Part> parts = firings.parts();
        for (int i = 0; i < parts.size(); i++) {
            Factor.of(parts.get(i).answersRead(), byAnswers).probes().add(i);
            if (parts.get(i).answersRead().contains("safety")) {
                readFlags.set(parts.get(i).pattern());
            }
        }
        for (int g = 0; g < guardrails.size(); g++) {
            for (Condition part : guardrails.get(g).when().answerParts()) {
                Factor factor = Factor.of(part.answersRead(null), byAnswers);
                factor.guardrailBits().add(patterns + g);
                factor.guardrailParts().add(part);
                if (part.answersRead(null).contains("safety")) {
                    readFlags.set(patterns + g);
                }
            }
        }
        List<Factor> factors = List.copyOf(byAnswers.values());
        int[][] factorDims = factors.stream().map(Factor::dims).toArray(int[][]::new);
        for (int role = 0; role < space.roleCount(); role++) {
            for (int[] dims : factorDims) {
                if (combinations(dims, space.sizesWithin(role)) > MOST_ENTRIES) {
                    log.warn(
                            "A condition reads answers with more than {} combinations: the sweep runs the engine for"
                                    + " every situation",
                            MOST_ENTRIES);
                    return Optional.empty();
                }
            }
        }
        int count = factorDims.length;
        BitSet[][][] tables = new BitSet[space.roleCount()][count][];
        Parallel.over((long) space.roleCount() * count, threads, "sweep-tables", () -> new Parallel.Part<Void>() {
            /** A session of each factor's probes, made when first needed. */
            final Map<List<String>, ProbeBase.Session> probes = new HashMap<>();

            final int[] coords = new int[AnswerSpace.DIMENSIONS.size()];

            @Override
            public void take(long task) {
                int role = (int) (task / count);
                int f = (int) (task % count);
                int[] sizes = space.sizesWithin(role);
                int[] dims = factorDims[f];
                BitSet[] table = new BitSet[(int) combinations(dims, sizes)];
                // equal entries are shared
                Map<BitSet, BitSet> entries = new HashMap<>();
                Arrays.fill(coords, 0);
                for (int combination = 0; combination < table.length; combination++) {
                    int rest = combination;
                    for (int i = dims.length - 1; i >= 0; i--) {
                        coords[dims[i]] = rest % sizes[dims[i]];
                        rest /= sizes[dims[i]];
                    }
                    var answers = space.at(role, coords);
                    BitSet entry = new BitSet(bits);
                    entry.set(0, bits);
                    Factor factor = factors.get(f);
                    if (!factor.probes().isEmpty()) {
                        BitSet held = probes.computeIfAbsent(factor.answersRead(), firings::newProbeSession)
                                .fired(answers);
                        factor.probes().stream()
                                .filter(i -> !held.get(i))
                                .forEach(i -> entry.clear(parts.get(i).pattern()));
                    }
                    for (int j = 0; j < factor.guardrailParts().size(); j++) {
                        if (!factor.guardrailParts().get(j).holdsForAnswers(answers)) {
                            entry.clear(factor.guardrailBits().get(j));
                        }
                    }
                    table[combination] = entries.computeIfAbsent(entry, e -> e);
                }
                tables[role][f] = table;
            }

            @Override
            public void close() {
                probes.values().forEach(ProbeBase.Session::close);
            }
        });
        return Optional.of(new PatternTables(space, patterns, bits, factorDims, tables, readFlags));
    }

    /**
     * Some answers (by name, sorted) and their dimensions, and the conditions that read them: the patterns' parts (by
     * probe number, {@link SameFirings#parts}) and the guardrails' parts, each with its bit.
     */
    private record Factor(
            List<String> answersRead,
            int[] dims,
            List<Integer> probes,
            List<Integer> guardrailBits,
            List<Condition> guardrailParts) {
        /** The factor of these answers, made the first time. */
        static Factor of(Collection<String> answersRead, Map<List<String>, Factor> byAnswers) {
            return byAnswers.computeIfAbsent(
                    answersRead.stream().sorted().toList(),
                    answers -> new Factor(
                            answers,
                            AnswerSpace.dimensionsOf(answers),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>()));
        }
    }

    private static long combinations(int[] dims, int[] sizes) {
        return Arrays.stream(dims).mapToLong(d -> sizes[d]).reduce(1, (x, y) -> x * y);
    }

    /** The combination of a factor's dimensions for these value indexes (the role's index counts as 0). */
    static int combination(int[] dims, int[] sizes, int[] coords) {
        int combination = 0;
        for (int d : dims) {
            combination = combination * sizes[d] + (d == AnswerSpace.ROLE ? 0 : coords[d]);
        }
        return combination;
    }

    /** How far apart two combinations of these dimensions that differ by one set of safety flags are; 0 if none. */
    static int safetyPlace(int[] dims, int[] sizes) {
        int place = 0;
        for (int d : dims) {
            place = d == AnswerSpace.SAFETY ? 1 : place * sizes[d];
        }
        return place;
    }
}
