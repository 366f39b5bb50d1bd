package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** A set of situations is said as a few boxes of answers that hold exactly that set. */
class BoxesTest {

    private static final RuleSet RULES = RulesFolder.fixture();
    private final AnswerSpace space = AnswerSpace.of(RULES);
    private final Boxes boxes = new Boxes(space);
    private final DiffWords words = new DiffWords(RULES.questionnaire(), space, RulesRead.safetyFlagClasses(RULES));

    /** A box as the report says where a change applies. */
    private String line(Boxes.Box box) {
        List<String> parts = words.where(box);
        return parts.isEmpty() ? "every situation" : String.join("; ", parts);
    }

    private RoaringBitmap where(Predicate<Answers> test) {
        RoaringBitmap set = new RoaringBitmap();
        for (long i : LongStream.range(0, space.size())
                .parallel()
                .filter(i -> test.test(space.get(i)))
                .toArray()) {
            set.add((int) i);
        }
        return set;
    }

    /** Every situation of the set is in a box, and the boxes hold no other (their counts add up to the set's). */
    private void assertExact(RoaringBitmap set, List<Boxes.Box> found) {
        assertThat(found.stream().mapToLong(boxes::count).sum()).isEqualTo(set.getLongCardinality());
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
        RoaringBitmap set = where(a -> a.role() == Role.BROKE_TRUST
                && a.apologiesMade() == 2
                && a.safety().isEmpty());

        List<Boxes.Box> found = boxes.of(set);

        assertThat(found).hasSize(1);
        assertThat(line(found.get(0)))
                .isEqualTo(
                        "Which describes you: I broke someone's trust; How many times have you apologized for it so far:"
                                + " 2 or more apologies; Safety questions: no safety concern");
        assertExact(set, found);
    }

    @Test
    void numbersAreSaidAsTheRangesTheyStandForAndStandInsAsTheValuesTheyCover() {
        RoaringBitmap set = where(a -> a.daysElapsed() >= 14
                && a.daysElapsed() < 365
                && a.apologiesMade() >= 2
                && a.relationship() == org.trustrepair.advisor.advice.Relationship.FAMILY);

        List<Boxes.Box> found = boxes.of(set);

        assertThat(found).hasSize(1);
        // only the person who broke trust is asked how many apologies they made
        assertThat(line(found.get(0)))
                .isEqualTo(
                        "Which describes you: I broke someone's trust; What is the relationship: “Family” or “A friend”;"
                                + " How many days ago did they find out: 14–364 days (“If they do not know yet, count from when it"
                                + " happened or stopped.”); How many times have you apologized for it so far: 2 or more apologies");
        assertExact(set, found);
    }

    @Test
    void aUnionIsSplitIntoFewBoxesThatHoldExactlyIt() {
        RoaringBitmap set = where(a -> (a.readiness() == Readiness.NEEDS_SPACE && a.apologiesMade() == 1)
                || (a.role() == Role.WAS_HURT && a.readiness() == null));

        List<Boxes.Box> found = boxes.of(set);

        assertExact(set, found);
        assertThat(found).hasSizeLessThanOrEqualTo(3);
        // the hurt party's readiness is always blank, and so is readiness when the other person does not know
        assertThat(found.stream().map(this::line))
                .contains(
                        "Which describes you: I broke someone's trust; How much do they know, and how did they learn it:"
                                + " anything but “They do not know”; Where does the other person stand now: They are hurt or angry and"
                                + " not ready to talk; How many times have you apologized for it so far: 1 apology",
                        "Which describes you: Someone broke my trust");
    }

    @Test
    void theWholeSpaceIsEverySituation() {
        RoaringBitmap all = new RoaringBitmap();
        all.add(0L, space.size());

        List<Boxes.Box> found = boxes.of(all);

        assertThat(found).hasSize(1);
        assertThat(line(found.get(0))).isEqualTo("every situation");
    }
}
