package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustrepair.advisor.batch.Counts;

/**
 * A diff's headline: how many situations get different advice, and how many the same advice in new words, each with
 * the answers all of them share (a count of situations says nothing of how many people a change reaches, the
 * answers say whom); renames, which are not counted; and what a situation is.
 */
final class DiffHeadline {

    /** What a situation is, said wherever a count of them is. */
    static final String SITUATION =
            "A situation is one combination of answers the rules tell apart (a range of days, a set of safety answers"
                    + " they treat alike), not a number of people.";

    private DiffHeadline() {}

    /**
     * What every situation of these boxes shares, one line for each role they are in: the answers of the box of their
     * values ({@link DiffWords#where}). Empty when they share nothing (both roles, any answer to everything else).
     */
    static List<String> shared(List<Boxes.Box> found, DiffWords words) {
        int dimensions = AnswerSpace.DIMENSIONS.size();
        Map<Integer, BitSet[]> byRole = new TreeMap<>();
        for (Boxes.Box box : found) {
            box.values()[AnswerSpace.ROLE].stream().forEach(role -> {
                BitSet[] union = byRole.computeIfAbsent(role, x -> {
                    BitSet[] values = new BitSet[dimensions];
                    Arrays.setAll(values, d -> new BitSet());
                    values[AnswerSpace.ROLE].set(x);
                    return values;
                });
                for (int d = 0; d < dimensions; d++) {
                    if (d != AnswerSpace.ROLE) {
                        union[d].or(box.values()[d]);
                    }
                }
            });
        }
        List<List<String>> said = byRole.values().stream()
                .map(values -> words.where(new Boxes.Box(values)))
                .toList();
        boolean rolesAlone = said.size() > 1 && said.stream().allMatch(lines -> lines.size() == 1);
        return rolesAlone
                ? List.of()
                : said.stream().map(lines -> String.join("; ", lines)).toList();
    }

    /** Said when one situation is listed under several headings of the report, so their counts add up to more. */
    static final String OVERLAP = "One situation can be listed under several headings below, when its plan changes in"
            + " several ways: so their numbers add up to more than these.";

    /**
     * Different advice, and the answers every situation with different advice shares ({@link #shared}: a count says
     * nothing of how many people a change reaches); then the same advice in new words, then renames (not counted),
     * then, when {@code overlap} (a situation is listed under more than one heading), {@link #OVERLAP}; then what a
     * situation is.
     */
    static List<String> lines(
            long situations,
            long different,
            List<String> shared,
            long newWords,
            List<String> sharedByNewWords,
            long renamed,
            boolean overlap) {
        List<String> lines = new ArrayList<>();
        if (different + newWords == 0) {
            lines.add("No change: every situation gets the same advice, in the same words, from both rule sets.");
        } else {
            withShared(
                    lines,
                    "Different advice: " + Counts.of(different, "situation") + " of "
                            + String.format("%,d", situations),
                    different > 0 ? shared : List.of());
            withShared(
                    lines,
                    "Same advice, new words: " + Counts.of(newWords, "more situation", "more situations"),
                    newWords > 0 ? sharedByNewWords : List.of());
        }
        if (renamed > 0) {
            lines.add("Not counted as a change: in " + Counts.of(renamed, "more situation", "more situations")
                    + " only the name of a rule changes (the plan's \"from the rule\" line).");
        }
        if (overlap) {
            lines.add(OVERLAP);
        }
        lines.add(SITUATION);
        return lines;
    }

    /** A count, then the answers its situations share ({@link #shared}), one line each. */
    private static void withShared(List<String> lines, String count, List<String> shared) {
        lines.add(count
                + (shared.isEmpty()
                        ? "."
                        : shared.size() == 1
                                ? ", each with these answers:"
                                : ", each with the answers of one of these lines:"));
        shared.forEach(line -> lines.add("  " + line));
    }
}
