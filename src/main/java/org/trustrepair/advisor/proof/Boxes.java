package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiPredicate;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Role;

/**
 * A set of situations said in a few lines instead of thousands: as a union of boxes, a box being, for each answer,
 * a set of its values ("any" when all of them). Each role's part of the set is said on its own (the roles' parts of
 * the space take different answers: the hurt party is not asked readiness). Start from the box of the part's
 * projections; if the part fills it, that is the answer; otherwise split on the answer with the fewest distinct
 * values, describe each piece the same way, and merge boxes that differ in one answer only. The boxes are exact:
 * together they hold the set and nothing else.
 */
final class Boxes {

    /** For each dimension of the space ({@link AnswerSpace#DIMENSIONS}), the value indexes the box takes. */
    record Box(BitSet[] values) {

        /** The one dimension in which the two boxes differ, or -1 (none, or more than one). */
        int differsIn(Box other) {
            int found = -1;
            for (int d = 0; d < values.length; d++) {
                if (!values[d].equals(other.values[d])) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = d;
                }
            }
            return found;
        }
    }

    private final AnswerSpace space;

    Boxes(AnswerSpace space) {
        this.space = space;
    }

    /**
     * The boxes whose union is exactly the given situations (by index in the space), each within one role; one box,
     * "every situation", for the whole space.
     */
    List<Box> of(BitSet situations) {
        List<Box> result = new ArrayList<>();
        for (int role = 0; role < space.roleCount(); role++) {
            int from = (int) space.start(role);
            int[] points = situations.get(from, (int) space.start(role + 1)).stream()
                    .map(p -> p + from)
                    .toArray();
            if (points.length > 0) {
                result.addAll(merge(cover(role, points)));
            }
        }
        if (result.size() == space.roleCount() && situations.cardinality() == space.size()) {
            return List.of(everySituation());
        }
        return result;
    }

    private Box everySituation() {
        BitSet[] values = new BitSet[AnswerSpace.DIMENSIONS.size()];
        for (int d = 0; d < values.length; d++) {
            values[d] = new BitSet();
            for (int role = 0; role < space.roleCount(); role++) {
                values[d].set(d == AnswerSpace.ROLE ? role : 0, d == AnswerSpace.ROLE ? role + 1 : sizes(role)[d]);
            }
        }
        return new Box(values);
    }

    /** How many values each dimension takes in one role's part (role itself: 1). */
    private int[] sizes(int role) {
        return space.sizesWithin(role);
    }

    private List<Box> cover(int role, int[] points) {
        int[] sizes = sizes(role);
        int dims = sizes.length;
        BitSet[] projection = new BitSet[dims];
        for (int d = 0; d < dims; d++) {
            projection[d] = new BitSet();
        }
        int[] c = new int[dims];
        for (int p : points) {
            space.coordinates(p, c);
            for (int d = 0; d < dims; d++) {
                projection[d].set(c[d]);
            }
        }
        Box box = new Box(projection);
        if (count(box) == points.length) {
            return List.of(box);
        }
        int split = -1;
        for (int d = 0; d < dims; d++) {
            int n = projection[d].cardinality();
            if (n > 1 && (split < 0 || n < projection[split].cardinality())) {
                split = d;
            }
        }
        int[] counts = new int[sizes[split]];
        for (int p : points) {
            space.coordinates(p, c);
            counts[c[split]]++;
        }
        int[][] parts = new int[sizes[split]][];
        int[] filled = new int[sizes[split]];
        for (int v = 0; v < parts.length; v++) {
            parts[v] = new int[counts[v]];
        }
        for (int p : points) {
            space.coordinates(p, c);
            parts[c[split]][filled[c[split]]++] = p;
        }
        List<Box> result = new ArrayList<>();
        for (int[] part : parts) {
            if (part.length > 0) {
                result.addAll(merge(cover(role, part)));
            }
        }
        return result;
    }

    /** More boxes than this are left unmerged: merging is quadratic, and no reader goes through hundreds of lines. */
    static final int MAX_MERGE = 300;

    /** Merges boxes that differ in one dimension only, until no two do. Disjoint boxes stay disjoint and exact. */
    static List<Box> merge(List<Box> boxes) {
        if (boxes.size() > MAX_MERGE) {
            return boxes;
        }
        List<Box> result = new ArrayList<>(boxes);
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < result.size(); i++) {
                // box i takes in every later box it can; each time it grows, the later ones are looked at again
                for (int j = i + 1; j < result.size(); ) {
                    int d = result.get(i).differsIn(result.get(j));
                    if (d < 0) {
                        j++;
                        continue;
                    }
                    BitSet[] values = result.get(i).values().clone();
                    values[d] = (BitSet) values[d].clone();
                    values[d].or(result.get(j).values()[d]);
                    result.set(i, new Box(values));
                    result.remove(j);
                    merged = true;
                    j = i + 1;
                }
            }
        }
        return result;
    }

    /** How many situations of the space lie in the box. */
    long count(Box box) {
        long total = 0;
        BitSet roles = box.values()[AnswerSpace.ROLE];
        for (int role = roles.nextSetBit(0); role >= 0; role = roles.nextSetBit(role + 1)) {
            int[] within = sizes(role);
            long situations = 1;
            for (int d = 0; d < within.length; d++) {
                if (d != AnswerSpace.ROLE) {
                    situations *= box.values()[d].get(0, within[d]).cardinality();
                }
            }
            total += situations;
        }
        return total;
    }

    /**
     * The box in words, one part per answer that is not "any": {@code readiness NEEDS_SPACE}, {@code daysElapsed
     * 14–89}, {@code breach INFIDELITY or HALF_TRUTHS}. Empty when the box is the whole space. Readiness is not named
     * when the box holds only situations in which it is not asked (the other person does not know).
     */
    List<String> words(Box box, BoxWords wording) {
        List<String> parts = new ArrayList<>();
        int role = box.values()[AnswerSpace.ROLE].nextSetBit(0);
        for (int d : wording.order()) {
            BitSet values = box.values()[d];
            if (isAny(box, d) || (d == AnswerSpace.READINESS && !someSituation(box, Answers::readinessAsked))) {
                continue;
            }
            String text = switch (d) {
                case AnswerSpace.DAYS ->
                    wording.number(d, numbers(role, d, values))
                            + (someSituation(box, Boxes::theyDoNotKnow) ? wording.untold(role, d) : "");
                case AnswerSpace.APOLOGIES -> wording.number(d, numbers(role, d, values));
                case AnswerSpace.SAFETY -> wording.safety(role, values);
                default -> {
                    List<String> words = new ArrayList<>();
                    values.stream().forEach(v -> words.addAll(wording.value(role, d, v)));
                    yield oneOf(words);
                }
            };
            parts.add(wording.answer(role, d) + " " + text);
        }
        return parts;
    }

    /**
     * Whether some situation of the box has a role and disclosure that pass {@code test} (readiness is asked: the
     * person broke trust and the other person knows).
     */
    private boolean someSituation(Box box, BiPredicate<Role, Disclosure> test) {
        BitSet roles = box.values()[AnswerSpace.ROLE];
        for (int role = roles.nextSetBit(0); role >= 0; role = roles.nextSetBit(role + 1)) {
            Role r = Role.valueOf(space.valueWords(role, AnswerSpace.ROLE, role).get(0));
            BitSet disclosures = box.values()[AnswerSpace.DISCLOSURE];
            for (int v = disclosures.nextSetBit(0); v >= 0; v = disclosures.nextSetBit(v + 1)) {
                for (String d : space.valueWords(role, AnswerSpace.DISCLOSURE, v)) {
                    if (test.test(r, Disclosure.valueOf(d))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The person broke trust, and the other person does not know: days count from when it happened or stopped. */
    private static boolean theyDoNotKnow(Role role, Disclosure disclosure) {
        return role == Role.BROKE_TRUST && disclosure == Disclosure.UNDISCLOSED;
    }

    /** The box in one line: "readiness NEEDS_SPACE and apologiesMade 1", or "every situation". */
    String line(Box box) {
        List<String> parts = words(box, BoxWords.codes(space));
        return parts.isEmpty() ? "every situation" : String.join(" and ", parts);
    }

    private boolean isAny(Box box, int d) {
        BitSet values = box.values()[d];
        if (d == AnswerSpace.ROLE) {
            return values.cardinality() == space.roleCount();
        }
        BitSet roles = box.values()[AnswerSpace.ROLE];
        for (int role = roles.nextSetBit(0); role >= 0; role = roles.nextSetBit(role + 1)) {
            int within = sizes(role)[d];
            if (values.get(0, within).cardinality() != within) {
                return false;
            }
        }
        return true;
    }

    /** Sets of safety answers listed in a box; more are counted or named by what they share. */
    static final int MAX_SAFETY_SETS = 3;

    /** Tried numbers as the ranges they stand for, adjacent ranges joined: "14–364", "2", "3 or more". */
    private String numbers(int role, int d, BitSet values) {
        int n = sizes(role)[d];
        List<int[]> ranges = new ArrayList<>();
        List<String> singles = new ArrayList<>();
        int v = 0;
        while (v < n) {
            int[] range = space.range(role, d, v);
            int end = v;
            while (end + 1 < n && Arrays.equals(space.range(role, d, end + 1), range)) {
                end++;
            }
            boolean all = true;
            boolean some = false;
            for (int i = v; i <= end; i++) {
                all &= values.get(i);
                some |= values.get(i);
            }
            if (all) {
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] + 1 == range[0]) {
                    ranges.get(ranges.size() - 1)[1] = range[1];
                } else {
                    ranges.add(range.clone());
                }
            } else if (some) {
                for (int i = v; i <= end; i++) {
                    if (values.get(i)) {
                        singles.add(space.valueWords(role, d, i).get(0));
                    }
                }
            }
            v = end + 1;
        }
        int max = d == AnswerSpace.DAYS ? Answers.MAX_DAYS : Answers.MAX_APOLOGIES;
        List<String> words = new ArrayList<>();
        for (int[] r : ranges) {
            words.add(r[0] == r[1] ? Integer.toString(r[0]) : r[1] == max ? r[0] + " or more" : r[0] + "–" + r[1]);
        }
        words.addAll(singles);
        return oneOf(words);
    }

    static String oneOf(List<String> words) {
        if (words.size() <= 1) {
            return words.isEmpty() ? "" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
