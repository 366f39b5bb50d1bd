package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** A diff speaks the questionnaire's words and the plan's, and says what a count of situations means. */
class DiffWordsTest {

    private static final RuleSet RULES = RulesFolder.fixture();
    private static final AnswerSpace SPACE = AnswerSpace.of(RULES);
    private static final DiffWords WORDS =
            new DiffWords(RULES.questionnaire(), SPACE, RulesRead.safetyFlagClasses(RULES));

    private static final SafetyWords SAFETY = new SafetyWords(RULES.questionnaire());

    /** An enum code (NEEDS_SPACE, BROKE_TRUST) or a blank, which a counsellor should never read. */
    private static final String CODE = ".*\\b([A-Z]+_[A-Z_]+|null|blank)\\b.*";

    @Nested
    class ASituation {

        @Test
        void isSaidAsTheQuestionsAndAnswersOfTheQuestionnaire() {
            Answers a = new Answers(
                    Role.BROKE_TRUST,
                    Relationship.ROMANTIC,
                    Breach.INFIDELITY,
                    Readiness.NEEDS_SPACE,
                    90,
                    Disclosure.DISCOVERED,
                    false,
                    false,
                    2,
                    false,
                    true,
                    null,
                    Set.of());

            List<String> lines = DiffWords.situation(RULES.questionnaire(), a);

            assertThat(lines)
                    .startsWith("Which describes you: I broke someone's trust")
                    .contains(
                            "What is the relationship: A partner, spouse or someone I was dating",
                            "Where does the other person stand now: They are hurt or angry and not ready to talk",
                            "How many days ago did they find out: 90 days",
                            "How many times have you apologized for it so far: 2 apologies",
                            "Is it still going on: no",
                            "no safety concern");
            assertThat(lines).noneMatch(line -> line.matches(CODE));
        }

        @Test
        void showsOnlyTheQuestionsAskedOfThatPerson() {
            Answers hurt = SPACE.get(SPACE.size() - 1);
            assertThat(hurt.role()).isEqualTo(Role.WAS_HURT);

            List<String> lines = DiffWords.situation(RULES.questionnaire(), hurt);

            assertThat(lines)
                    .contains("Which describes you: Someone broke my trust")
                    .anyMatch(l -> l.startsWith("How many days ago did you find out: "))
                    .anyMatch(l -> l.startsWith("How has the person who broke your trust responded: "))
                    .noneMatch(l -> l.contains("apologized"))
                    .noneMatch(l -> l.startsWith("How much do they know"))
                    .noneMatch(l -> l.startsWith("Where does the other person stand"))
                    .noneMatch(l -> l.matches(CODE));
        }

        @Test
        void leavesOutWhereTheyStandWhenTheOtherPersonDoesNotKnow() {
            Answers a = relativeTenDaysAgo(null, Disclosure.UNDISCLOSED);

            assertThat(DiffWords.situation(RULES.questionnaire(), a))
                    .contains("How much do they know, and how did they learn it: They do not know")
                    .noneMatch(l -> l.startsWith("Where does the other person stand"));
        }

        @Test
        void saysHowTheDaysAreCountedWhenTheOtherPersonDoesNotKnow() {
            // the page asks "How many days ago did they find out?" of them too, with this help under it
            String untold = " (“If they do not know yet, count from when it happened or stopped.”)";
            Answers a = relativeTenDaysAgo(null, Disclosure.UNDISCLOSED);
            Answers known = relativeTenDaysAgo(Readiness.UNDECIDED, Disclosure.CONFESSED);

            assertThat(DiffWords.situation(RULES.questionnaire(), a))
                    .contains("How many days ago did they find out: 10 days" + untold);
            assertThat(DiffWords.situation(RULES.questionnaire(), known))
                    .contains("How many days ago did they find out: 10 days");

            Boxes boxes = new Boxes(SPACE);
            RoaringBitmap untoldRecently = new RoaringBitmap();
            for (int i = 0; i < SPACE.start(1); i++) {
                Answers s = SPACE.get(i);
                if (s.disclosure() == Disclosure.UNDISCLOSED && s.daysElapsed() < 14) {
                    untoldRecently.add(i);
                }
            }
            assertThat(WORDS.where(boxes.of(untoldRecently).get(0)))
                    .containsExactly(
                            "Which describes you: I broke someone's trust",
                            "How much do they know, and how did they learn it: They do not know",
                            "How many days ago did they find out: 0–13 days" + untold);
        }
    }

    @Test
    void severalAnswersToOneQuestionAreEachInQuotes() {
        // "I told them everything myself or They found out (or were told…)": which words are whose?
        Boxes boxes = new Boxes(SPACE);
        RoaringBitmap told = new RoaringBitmap();
        for (int i = 0; i < SPACE.start(1); i++) {
            Disclosure d = SPACE.get(i).disclosure();
            if (d == Disclosure.CONFESSED || d == Disclosure.DISCOVERED) {
                told.add(i);
            }
        }

        assertThat(WORDS.where(boxes.of(told).get(0)))
                .contains("How much do they know, and how did they learn it: “I told them everything myself” or “They"
                        + " found out (or were told by someone else)”");
    }

    @Test
    void answersLeftOutAreNamedWhenFewerAndQuestionsLeftOpenAreSaid() {
        // three of four answers: "anything but" the fourth
        Boxes boxes = new Boxes(SPACE);
        RoaringBitmap known = new RoaringBitmap();
        for (int i = 0; i < SPACE.start(1); i++) {
            if (SPACE.get(i).disclosure() != Disclosure.UNDISCLOSED
                    && SPACE.get(i).apologiesMade() == 0) {
                known.add(i);
            }
        }
        Boxes.Box box = boxes.of(known).get(0);

        assertThat(WORDS.where(box))
                .containsExactly(
                        "Which describes you: I broke someone's trust",
                        "How much do they know, and how did they learn it: anything but “They do not know”",
                        "How many times have you apologized for it so far: 0 apologies");
        // a question left out means any answer: said, in the questionnaire's order, only those asked of that person
        assertThat(WORDS.anyAnswerTo(box))
                .startsWith("Any answer to: What is the relationship; What happened; Where does the other person stand"
                        + " now; How many days ago did they find out; Is it still going on;")
                .endsWith("; the safety questions")
                .doesNotContain("How has the person who broke your trust responded")
                .doesNotContain("How many times have you apologized");
    }

    @Nested
    class SafetyAnswers {

        @Test
        void areNamedAsAPersonWould() {
            assertThat(SAFETY.of(Set.of())).isEqualTo("no safety concern");
            assertThat(SAFETY.of(EnumSet.of(SafetyFlag.THEY_FEAR_ME))).isEqualTo("they are afraid of you");
            assertThat(SAFETY.of(EnumSet.of(SafetyFlag.MY_SELF_HARM, SafetyFlag.THEY_FEAR_ME)))
                    .isEqualTo("they are afraid of you and you have had thoughts of self-harm");
            assertThat(SAFETY.of(
                            EnumSet.of(SafetyFlag.I_FEAR_THEM, SafetyFlag.THEY_FEAR_ME, SafetyFlag.ORDER_AGAINST_ME)))
                    .isEqualTo("they are afraid of you, you are afraid of them and there is an order against you");
        }

        @Test
        void manySetsAreNamedByWhatTheyShareNotCounted() {
            java.util.BitSet selfHarm = new java.util.BitSet();
            java.util.BitSet noSelfHarm = new java.util.BitSet();
            java.util.BitSet concern = new java.util.BitSet();
            int[] at = new int[AnswerSpace.DIMENSIONS.size()];
            for (int v = 0; v < SPACE.sizesWithin(0)[AnswerSpace.SAFETY]; v++) {
                at[AnswerSpace.SAFETY] = v;
                Set<SafetyFlag> flags = SPACE.at(0, at).safety();
                // the fixture's rules treat either self-harm answer alike
                boolean either = flags.contains(SafetyFlag.MY_SELF_HARM) || flags.contains(SafetyFlag.THEIR_SELF_HARM);
                (either ? selfHarm : noSelfHarm).set(v);
                concern.set(v, !flags.isEmpty());
            }
            assertThat(selfHarm.cardinality()).isGreaterThan(SafetyWords.MAX_GROUPS);

            assertThat(WORDS.safety(0, selfHarm))
                    .isEqualTo("“you have had thoughts of self-harm” or “they have spoken of self-harm”, whatever else"
                            + " is ticked");
            assertThat(WORDS.safety(0, noSelfHarm))
                    .isEqualTo("neither “you have had thoughts of self-harm” nor “they have spoken of self-harm”");
            assertThat(WORDS.safety(0, concern)).isEqualTo("any safety concern");
        }

        @Test
        void whereAChangeAppliesSaysThemSoToo() {
            Boxes boxes = new Boxes(SPACE);
            RoaringBitmap safe = new RoaringBitmap();
            for (int i = 0; i < SPACE.start(1); i++) {
                if (SPACE.get(i).safety().isEmpty() && SPACE.get(i).apologiesMade() == 0) {
                    safe.add(i);
                }
            }

            List<String> words = WORDS.where(boxes.of(safe).get(0));

            assertThat(words)
                    .containsExactly(
                            "Which describes you: I broke someone's trust",
                            "How many times have you apologized for it so far: 0 apologies",
                            "Safety questions: no safety concern");
        }
    }

    @Nested
    class TheHeadline {

        @Test
        void separatesDifferentAdviceFromNewWordsAndDoesNotCountARename() {
            assertThat(DiffHeadline.lines(
                            2_000, 1, List.of("Which describes you: I broke someone's trust"), 2, List.of(), 3, false))
                    .containsExactly(
                            "Different advice: 1 situation of 2,000, each with these answers:",
                            "  Which describes you: I broke someone's trust",
                            "Same advice, new words: 2 more situations.",
                            "Not counted as a change: in 3 more situations only the name of a rule changes (the"
                                    + " plan's \"from the rule\" line).",
                            DiffHeadline.SITUATION);
            assertThat(DiffHeadline.SITUATION)
                    .contains("one combination of answers the rules tell apart")
                    .contains("not a number of people");
        }

        @Test
        void saysNoChangeWhenOnlyARuleIsRenamed() {
            assertThat(DiffHeadline.lines(10, 0, List.of(), 0, List.of(), 1, false)
                            .get(0))
                    .startsWith("No change: every situation gets the same advice, in the same words");
        }

        @Test
        void saysWhenOneSituationIsListedUnderSeveralHeadingsAndOnlyThen() {
            List<String> overlapping = DiffHeadline.lines(2_000, 720, List.of(), 3_904, List.of(), 0, true);
            List<String> apart = DiffHeadline.lines(2_000, 720, List.of(), 3_904, List.of(), 0, false);

            assertThat(overlapping)
                    .containsSubsequence(
                            "Same advice, new words: 3,904 more situations.",
                            DiffHeadline.OVERLAP,
                            DiffHeadline.SITUATION);
            assertThat(DiffHeadline.OVERLAP)
                    .contains("listed under several headings")
                    .contains("add up to more");
            assertThat(apart).doesNotContain(DiffHeadline.OVERLAP);
        }
    }

    @Test
    void aRuleGivingTheSameStepUnderAnotherNameIsARenameNotARewording() throws Exception {
        AdvicePlan plan = anAffairPlan();
        AdvicePlan.Step s = plan.steps().get(0);

        List<Change> changes = Change.between(
                plan, withFirstStep(plan, step(s, s.id(), s.title(), s.detail(), s.rule() + ", renamed")));

        assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.STEP_RENAMED);
        assertThat(changes.get(0).renameOnly()).isTrue();
        assertThat(changes.get(0).wordsOnly()).isFalse();
    }

    @Test
    void aStepGivenInOtherWordsUnderANewIdIsARewordingNotAStepAddedAndOneRemoved() throws Exception {
        AdvicePlan plan = anAffairPlan();
        AdvicePlan.Step s = plan.steps().get(0);
        // a variant for another relationship: same title, same phase, its own id and words
        AdvicePlan.Step variant = step(s, s.id() + "-at-work", s.title(), s.detail() + " At work, too.", s.rule());

        List<Change> changes = Change.between(plan, withFirstStep(plan, variant));

        assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.STEP_REWORDED);
        assertThat(changes.get(0).parts()).containsExactly("detail");
        assertThat(changes.get(0).wordsOnly()).isTrue();

        // a new step with a title of its own is still a step added and one removed
        AdvicePlan.Step other = step(s, s.id() + "-other", "Another title", s.detail(), s.rule());
        assertThat(Change.between(plan, withFirstStep(plan, other)))
                .extracting(Change::kind)
                .containsExactlyInAnyOrder(Change.Kind.STEP_ADDED, Change.Kind.STEP_REMOVED);
    }

    @Test
    void aRewordedTrackSentenceIsTheSameAdviceInNewWordsAndSaysBoth() throws Exception {
        AdvicePlan plan = anAffairPlan();
        AdvicePlan.Classification c = plan.classification();
        AdvicePlan reworded = new AdvicePlan(
                plan.rulesVersion(),
                new AdvicePlan.Classification(
                        c.nature(), c.severity(), c.track(), c.period(), "Repair may be possible, in time.", c.why()),
                plan.steps(),
                plan.withheld(),
                plan.disclaimer());

        List<Change> changes = Change.between(plan, reworded);

        assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.SUMMARY);
        assertThat(changes.get(0).wordsOnly()).isTrue();
        ChangeWords.Said said = ChangeWords.of(RULES, RULES, changes.get(0), null, plan, reworded);
        assertThat(said.what())
                .isEqualTo("The sentence at the top of the plan is reworded (plan.yaml, tracks: " + c.track() + ")");
        assertThat(said.words())
                .containsExactly("before: “" + c.summary() + "”", "after: “Repair may be possible, in time.”");
    }

    private static AdvicePlan anAffairPlan() {
        try (var evaluator = RULES.newEvaluator()) {
            return evaluator
                    .evaluate(Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.UNDECIDED, 0))
                    .plan();
        }
    }

    /** Step {@code s} with another id, title, detail and rule; the rest as it was. */
    private static AdvicePlan.Step step(AdvicePlan.Step s, String id, String title, String detail, String rule) {
        return new AdvicePlan.Step(
                s.order(),
                s.rank(),
                s.phase(),
                s.phaseTitle(),
                id,
                title,
                detail,
                s.why(),
                rule,
                s.sources(),
                s.kinds(),
                s.helplines());
    }

    /** The plan with its first step replaced. */
    private static AdvicePlan withFirstStep(AdvicePlan plan, AdvicePlan.Step first) {
        List<AdvicePlan.Step> steps = new ArrayList<>(plan.steps());
        steps.set(0, first);
        return new AdvicePlan(plan.rulesVersion(), plan.classification(), steps, plan.withheld(), plan.disclaimer());
    }

    /** One who broke a relative's trust ten days ago ("something else"), nothing else ticked; readiness and disclosure as given. */
    private static Answers relativeTenDaysAgo(Readiness readiness, Disclosure disclosure) {
        return new Answers(
                Role.BROKE_TRUST,
                Relationship.FAMILY,
                Breach.OTHER,
                readiness,
                10,
                disclosure,
                false,
                false,
                0,
                false,
                false,
                null,
                Set.of());
    }
}
