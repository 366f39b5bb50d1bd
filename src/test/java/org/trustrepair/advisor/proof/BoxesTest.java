package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RulesFolder;

/** A set of situations is said as a few boxes of answers that hold exactly that set. */
class BoxesTest {

    private final AnswerSpace space = AnswerSpace.of(RulesFolder.fixture());
    private final Boxes boxes = new Boxes(space);

    private BitSet where(Predicate<Answers> test) {
        BitSet set = new BitSet();
        for (long i : LongStream.range(0, space.size())
                .parallel()
                .filter(i -> test.test(space.get(i)))
                .toArray()) {
            set.set((int) i);
        }
        return set;
    }

    /** Every situation of the set is in a box, and the boxes hold no other (their counts add up to the set's). */
    private void assertExact(BitSet set, List<Boxes.Box> found) {
        assertThat(found.stream().mapToLong(boxes::count).sum()).isEqualTo(set.cardinality());
        int[] c = new int[AnswerSpace.DIMENSIONS.size()];
        set.stream().forEach(i -> {
            space.coordinates(i, c);
            assertThat(found.stream().anyMatch(b -> {
                        for (int d = 0; d < c.length; d++) {
                            if (!b.values()[d].get(c[d])) {
                                return false;
                            }
                        }
                        return true;
                    }))
                    .isTrue();
        });
    }

    @Test
    void oneBoxIsSaidByTheAnswersItFixes() {
        BitSet set = where(a -> a.role() == Role.BROKE_TRUST
                && a.apologiesMade() == 2
                && a.safety().isEmpty());

        List<Boxes.Box> found = boxes.of(set);

        assertThat(found).hasSize(1);
        assertThat(boxes.line(found.get(0))).isEqualTo("role BROKE_TRUST and apologiesMade 2 or more and safety none");
        assertExact(set, found);
    }

    @Test
    void numbersAreSaidAsTheRangesTheyStandForAndStandInsAsTheValuesTheyCover() {
        BitSet set = where(a -> a.daysElapsed() >= 14
                && a.daysElapsed() < 365
                && a.apologiesMade() >= 2
                && a.relationship() == org.trustrepair.advisor.advice.Relationship.FAMILY);

        List<Boxes.Box> found = boxes.of(set);

        assertThat(found).hasSize(1);
        // only the person who broke trust is asked how many apologies they made
        assertThat(boxes.line(found.get(0)))
                .isEqualTo("role BROKE_TRUST and relationship FAMILY or FRIENDSHIP and daysElapsed 14–364 and "
                        + "apologiesMade 2 or more");
        assertExact(set, found);
    }

    @Test
    void aUnionIsSplitIntoFewBoxesThatHoldExactlyIt() {
        BitSet set = where(a -> (a.readiness() == Readiness.NEEDS_SPACE && a.apologiesMade() == 1)
                || (a.role() == Role.WAS_HURT && a.readiness() == null));

        List<Boxes.Box> found = boxes.of(set);

        assertExact(set, found);
        assertThat(found).hasSizeLessThanOrEqualTo(3);
        // the hurt party's readiness is always blank, and so is readiness when the other person does not know
        assertThat(found.stream().map(boxes::line))
                .contains(
                        "role BROKE_TRUST and readiness NEEDS_SPACE and disclosure PARTLY_DISCLOSED, CONFESSED or "
                                + "DISCOVERED and apologiesMade 1",
                        "role WAS_HURT");
    }

    @Test
    void theWholeSpaceIsEverySituation() {
        BitSet all = new BitSet();
        all.set(0, (int) space.size());

        List<Boxes.Box> found = boxes.of(all);

        assertThat(found).hasSize(1);
        assertThat(boxes.line(found.get(0))).isEqualTo("every situation");
    }
}
