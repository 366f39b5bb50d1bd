package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.roaringbitmap.RoaringBitmap;

/**
 * A set of situations said in a few lines instead of thousands: as a union of boxes, a box being, for each answer,
 * a set of its values ("any" when all of them). Each role's part of the set is said on its own (the roles' parts of
 * the space take different answers: the hurt party is not asked readiness). Start from the box of the part's
 * projections; if the part fills it, that is the answer; otherwise split on the answer with the fewest distinct
 * values, describe each piece the same way, and merge boxes that differ in one answer only. The boxes are exact:
 * together they hold the set and nothing else. {@link DiffWords#where} says a box in words.
 */
record Boxes(AnswerSpace space) {

    /** For each dimension of the space ({@link AnswerSpace#DIMENSIONS}), the value indexes the box takes. */
    record Box(BitSet[] values) {

        /** The one dimension in which the two boxes differ, or -1 (none, or more than one). */
        int differsIn(Box other) {
            int[] differ = IntStream.range(0, values.length)
                    .filter(d -> !values[d].equals(other.values[d]))
                    .limit(2)
                    .toArray();
            return differ.length == 1 ? differ[0] : -1;
        }
    }

    /**
     * The boxes whose union is exactly the given situations (by index in the space), each within one role; one box,
     * "every situation", for the whole space.
     */
    List<Box> of(RoaringBitmap situations) {
        if (situations.getLongCardinality() == space.size()) {
            return List.of(everySituation());
        }
        List<Box> result = new ArrayList<>();
        for (int role = 0; role < space.roleCount(); role++) {
            int[] points = RoaringBitmap.and(
                            situations, RoaringBitmap.bitmapOfRange(space.start(role), space.start(role + 1)))
                    .toArray();
            if (points.length > 0) {
                result.addAll(merge(cover(role, points)));
            }
        }
        return result;
    }

    private Box everySituation() {
        BitSet[] values = new BitSet[AnswerSpace.DIMENSIONS.size()];
        for (int d = 0; d < values.length; d++) {
            values[d] = new BitSet();
            for (int role = 0; role < space.roleCount(); role++) {
                values[d].set(
                        d == AnswerSpace.ROLE ? role : 0,
                        d == AnswerSpace.ROLE ? role + 1 : space.sizesWithin(role)[d]);
            }
        }
        return new Box(values);
    }

    private List<Box> cover(int role, int[] points) {
        int[] sizes = space.sizesWithin(role);
        int dims = sizes.length;
        BitSet[] projection = Stream.generate(BitSet::new).limit(dims).toArray(BitSet[]::new);
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
        // split on the answer with the fewest values (the first of them), of those with more than one
        int split = IntStream.range(0, dims)
                .filter(d -> projection[d].cardinality() > 1)
                .boxed()
                .min(Comparator.comparingInt(d -> projection[d].cardinality()))
                .orElseThrow();
        List<IntStream.Builder> parts =
                Stream.generate(IntStream::builder).limit(sizes[split]).toList();
        for (int p : points) {
            space.coordinates(p, c);
            parts.get(c[split]).add(p);
        }
        List<Box> result = new ArrayList<>();
        for (IntStream.Builder part : parts) {
            int[] in = part.build().toArray();
            if (in.length > 0) {
                result.addAll(merge(cover(role, in)));
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
        return box.values()[AnswerSpace.ROLE].stream()
                .mapToLong(role -> IntStream.range(0, box.values().length)
                        .filter(d -> d != AnswerSpace.ROLE)
                        .mapToLong(d -> box.values()[d]
                                .get(0, space.sizesWithin(role)[d])
                                .cardinality())
                        .reduce(1, (x, y) -> x * y))
                .sum();
    }
}
