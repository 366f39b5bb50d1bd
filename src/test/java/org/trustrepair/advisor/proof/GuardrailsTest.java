package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Classification;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Nature;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.Track;

/** Guardrails as counsellors write them in guardrails.yaml: read, refused with a plain reason, and evaluated. */
class GuardrailsTest {

    private static final Set<String> SOURCES = Set.of("OVA", "SEED");
    private static final Set<String> ADVICE_IDS = Set.of("deny", "covert-monitoring", "mediator");

    private static Guardrails read(String yaml) {
        return Guardrails.read(yaml, SOURCES, ADVICE_IDS);
    }

    /** Empty when the plan keeps this guardrail for these answers; otherwise what is wrong, without any answer. */
    static Optional<String> check(Guardrail g, Answers answers, AdvicePlan plan) {
        return g.check(answers, plan, Guardrails.words(plan, g.phrases()));
    }

    private static Step step(String id, Phase phase, String... kinds) {
        return new Step(
                1,
                1,
                phase,
                null,
                id,
                "A title",
                "A detail",
                "A reason",
                "A rule",
                List.of(),
                List.of(kinds),
                List.of());
    }

    private static AdvicePlan plan(Track track, List<Step> steps, List<WithheldAdvice> withheld) {
        return new AdvicePlan(
                "v", new Classification(Nature.INTEGRITY, null, track, null, null, List.of()), steps, withheld, "d");
    }

    private static final Answers NO_CONTACT =
            Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.NO_CONTACT, 30);
    private static final Answers WILLING =
            Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, 30);

    @Nested
    class Evaluated {
        private final Guardrail noContact = read("""
                guardrails:
                  - id: no-contact
                    promise: "No contact after a no-contact request."
                    sources: [OVA]
                    when:
                      role: BROKE_TRUST
                      anyOf:
                        - readiness: NO_CONTACT
                        - daysElapsed: {atLeast: 3650}
                    then:
                      noStepOfKind: [contact, apology]
                """).all().get(0);

        @Test
        void aStepOfAForbiddenKindBreaksTheGuardrailWhereItApplies() {
            AdvicePlan plan = plan(Track.STEP_BACK, List.of(step("door-open", Phase.STEP_BACK, "contact")), List.of());
            assertThat(check(noContact, NO_CONTACT, plan)).contains("step “A title” (door-open) is of kind contact");
            assertThat(check(noContact, WILLING, plan)).isEmpty();
        }

        @Test
        void anyStepInTheApologizePhaseCountsAsAnApology() {
            AdvicePlan plan = plan(Track.STEP_BACK, List.of(step("sorry", Phase.APOLOGIZE, "action")), List.of());
            assertThat(check(noContact, NO_CONTACT, plan))
                    .contains("step “A title” (sorry) is of kind apology (every step in the phase “APOLOGIZE” is)");
        }

        @Test
        void numbersAreComparedWithTheirBounds() {
            AdvicePlan plan = plan(Track.REPAIR, List.of(step("door-open", Phase.STEP_BACK, "contact")), List.of());
            Answers tenYears = Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, 3650);
            assertThat(check(noContact, tenYears, plan)).isPresent();
        }
    }

    @Test
    void oneStepOfAKindMayBeAllowedButNotTwo() {
        Guardrail g = read("""
                guardrails:
                  - id: one-word
                    promise: "One word that they are there, and nothing more."
                    sources: [SEED]
                    when: {track: STEP_BACK}
                    then:
                      atMostOneStepOfKind: [contact]
                """).all().get(0);
        Step word = step("door-open", Phase.STEP_BACK, "contact");
        Step letter = step("letter", Phase.STEP_BACK, "reflection");
        assertThat(check(g, WILLING, plan(Track.STEP_BACK, List.of(word, letter), List.of())))
                .isEmpty();
        assertThat(check(
                        g,
                        WILLING,
                        plan(Track.STEP_BACK, List.of(word, letter, step("gift", Phase.PROVE, "contact")), List.of())))
                .contains(
                        "steps “A title” (door-open) and “A title” (gift) are both of kind contact, where at most one may be");
    }

    @Test
    void promisesAboutTheFirstStepTheTrackAndWhatIsWithheldAreKept() {
        Guardrail g = read("""
                guardrails:
                  - id: shaped
                    promise: "Shaped."
                    sources: [SEED]
                    when: {track: STEP_BACK}
                    then:
                      firstPhase: REFLECT
                      withholds: [concealment]
                      maxSteps: 1
                """).all().get(0);
        WithheldAdvice deny =
                new WithheldAdvice("deny", Phase.DISCLOSE, "t", "r", "rule", List.of(), List.of("concealment"));
        assertThat(check(g, WILLING, plan(Track.STEP_BACK, List.of(step("a", Phase.REFLECT)), List.of(deny))))
                .isEmpty();
        assertThat(check(g, WILLING, plan(Track.STEP_BACK, List.of(step("a", Phase.REFLECT)), List.of())))
                .contains("nothing of kind concealment is withheld");
        assertThat(check(g, WILLING, plan(Track.STEP_BACK, List.of(step("a", Phase.STOP)), List.of(deny))))
                .contains("the first step is not in phase REFLECT");
        assertThat(check(
                        g,
                        WILLING,
                        plan(Track.STEP_BACK, List.of(step("a", Phase.REFLECT), step("b", Phase.STOP)), List.of(deny))))
                .contains("2 steps, more than 1");
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(), List.of()))).isEmpty();
    }

    @Test
    void promisesThatSomethingIsNotWithheldAreKept() {
        Guardrail g = read("""
                guardrails:
                  - id: not-for-a-victim
                    promise: "Not said to a victim."
                    sources: [SEED]
                    then:
                      noWithheldIds: [covert-monitoring]
                      maxWithheld: 1
                """).all().get(0);
        WithheldAdvice deny =
                new WithheldAdvice("deny", Phase.DISCLOSE, "t", "r", "rule", List.of(), List.of("concealment"));
        WithheldAdvice spy = new WithheldAdvice(
                "covert-monitoring", Phase.PROVE, "t", "r", "rule", List.of(), List.of("surveillance"));
        AdvicePlan safe = plan(Track.SAFETY, List.of(step("a", Phase.SAFETY)), List.of(deny));
        assertThat(check(g, WILLING, safe)).isEmpty();
        assertThat(check(g, WILLING, plan(Track.SAFETY, List.of(step("a", Phase.SAFETY)), List.of(spy))))
                .contains("“t” (covert-monitoring) is withheld");
        assertThat(check(g, WILLING, plan(Track.SAFETY, List.of(step("a", Phase.SAFETY)), List.of(deny, deny))))
                .contains("2 items withheld, more than 1");
    }

    @Test
    void aReasonThatSaysForbiddenWordsBreaksThePromiseWhereverThePersonReadsIt() {
        Guardrail g = read("""
                guardrails:
                  - id: no-shock-passed
                    promise: "No reason says the shock has passed."
                    sources: [SEED]
                    then:
                      noReasonSays: ["The shock has passed"]
                """).all().get(0);
        Step says = new Step(
                1,
                1,
                Phase.REFLECT,
                null,
                "says",
                "The shock has passed",
                "A detail",
                "A reason",
                "A rule",
                List.of(),
                List.of("reflection"),
                List.of());
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(says), List.of())))
                .as("a title is not a reason: noStepSays reads titles")
                .isEmpty();
        Step why = new Step(
                1,
                1,
                Phase.REFLECT,
                null,
                "why",
                "A title",
                "A detail",
                "Now that the shock has passed, listen.",
                "A rule",
                List.of(),
                List.of("reflection"),
                List.of());
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(why), List.of())))
                .contains("the why of step “A title” (why) says \"The shock has passed\"");
        WithheldAdvice withheld = new WithheldAdvice(
                "deny", Phase.DISCLOSE, "t", "As THE SHOCK HAS PASSED…", "rule", List.of(), List.of("concealment"));
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(), List.of(withheld))))
                .contains("the reason of withheld “t” (deny) says \"The shock has passed\"");
        AdvicePlan situation = new AdvicePlan(
                "v",
                new Classification(
                        Nature.INTEGRITY,
                        null,
                        Track.REPAIR,
                        null,
                        null,
                        List.of("It is 30 days: the shock has passed.")),
                List.of(),
                List.of(),
                "d");
        assertThat(check(g, WILLING, situation)).contains("your situation says \"The shock has passed\"");
    }

    @Test
    void twoStepsOrTwoThingsNotToDoWithTheSameTitleBreakDistinctTitles() {
        Guardrail g = read("""
                guardrails:
                  - id: each-thing-said-once-per-plan
                    promise: "No plan shows two steps, or two things not to do, with the same title."
                    sources: [SEED]
                    then:
                      distinctTitles: true
                """).all().get(0);
        Step keep = titled(step("keep-the-promise-now", Phase.STOP, "action"), "Stop breaking the promise");
        Step variant =
                titled(step("keep-the-promise-without-contact", Phase.STOP, "action"), "Stop  breaking the PROMISE");
        Step other = titled(step("make-good-on-the-promise", Phase.PROVE, "action"), "Make good on the promise");
        WithheldAdvice deny = withheld("deny-or-minimize", "Deny it");
        WithheldAdvice denyAgain = withheld("deny-it-at-work", "Deny it");

        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(keep, other), List.of(deny))))
                .isEmpty();
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(keep, other, variant), List.of())))
                .contains("steps keep-the-promise-now and keep-the-promise-without-contact have the same title,"
                        + " “Stop breaking the promise”");
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(keep), List.of(deny, denyAgain))))
                .contains("withheld items deny-or-minimize and deny-it-at-work have the same title, “Deny it”");
        // a step and a thing not to do may share words: one is done, the other not
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(titled(other, "Deny it")), List.of(deny))))
                .isEmpty();
    }

    @Test
    void twoStepsWithTheSameWordsBreakDistinctDetails() {
        Guardrail g = read("""
                guardrails:
                  - id: each-thing-said-once-per-plan
                    promise: "No plan shows two steps with the same words."
                    sources: [SEED]
                    then:
                      distinctDetails: true
                """).all().get(0);
        Step keep = detailed(step("keep-the-promise-now", Phase.STOP, "action"), "Do what you promised, now.");
        Step other = detailed(step("make-good-on-the-promise", Phase.PROVE, "action"), "Make good what it cost them.");
        Step copy = detailed(step("ask-for-it-in-writing", Phase.PROVE, "action"), "DO WHAT YOU  PROMISED, NOW.");

        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(keep, other), List.of())))
                .isEmpty();
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(keep, other, copy), List.of())))
                .hasValueSatisfying(broken -> assertThat(broken)
                        .startsWith("steps keep-the-promise-now and ask-for-it-in-writing have the same detail, “"));
    }

    private static Step titled(Step s, String title) {
        return worded(s, title, s.detail());
    }

    private static Step detailed(Step s, String detail) {
        return worded(s, s.title(), detail);
    }

    private static Step worded(Step s, String title, String detail) {
        return new Step(
                s.order(),
                s.rank(),
                s.phase(),
                s.phaseTitle(),
                s.id(),
                title,
                detail,
                s.why(),
                s.rule(),
                s.sources(),
                s.kinds(),
                s.helplines());
    }

    private static WithheldAdvice withheld(String id, String title) {
        return new WithheldAdvice(id, Phase.DISCLOSE, title, "A reason", "A rule", List.of(), List.of("concealment"));
    }

    @Test
    void aStepForbiddenByItsIdIsNamedWhateverItsWords() {
        Guardrail g = read("""
                guardrails:
                  - id: no-mediator
                    promise: "No mediator."
                    sources: [SEED]
                    then:
                      noStepIds: [mediator]
                """).all().get(0);
        Step mediator = step("mediator", Phase.PROVE, "reconciliation");
        Step other = step("take-your-time", Phase.GIVE_TIME, "reflection");
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(other), List.of())))
                .isEmpty();
        assertThat(check(g, WILLING, plan(Track.REPAIR, List.of(other, mediator), List.of())))
                .contains("step “A title” (mediator) is given");
    }

    @Test
    void notSafetyHoldsOnlyWhenNoneOfTheFlagsIsTicked() {
        Guardrails g = read("""
                guardrails:
                  - id: victim
                    promise: "For a victim who does not control."
                    sources: [SEED]
                    when:
                      safety: [I_FEAR_THEM]
                      notSafety: [CONTROL_BY_ME, MY_SELF_HARM]
                    then: {noWithheldIds: [covert-monitoring]}
                """);
        Guardrail victim = g.all().get(0);
        WithheldAdvice spy = new WithheldAdvice(
                "covert-monitoring", Phase.PROVE, "t", "r", "rule", List.of(), List.of("surveillance"));
        AdvicePlan plan = plan(Track.SAFETY, List.of(step("a", Phase.SAFETY)), List.of(spy));
        assertThat(check(victim, withFlags(SafetyFlag.I_FEAR_THEM), plan))
                .contains("“t” (covert-monitoring) is withheld");
        assertThat(check(victim, withFlags(SafetyFlag.I_FEAR_THEM, SafetyFlag.CONTROL_BY_ME), plan))
                .isEmpty();
        assertThat(check(victim, withFlags(SafetyFlag.I_FEAR_THEM, SafetyFlag.MY_SELF_HARM), plan))
                .isEmpty();
        assertThat(check(victim, withFlags(), plan)).isEmpty();
        assertThat(g.answersRead(org.trustrepair.advisor.advice.Role.WAS_HURT)).containsExactly("role", "safety");
        assertThat(g.safetyConstraints())
                .containsExactly(
                        "safety contains SafetyFlag.I_FEAR_THEM",
                        "safety contains SafetyFlag.CONTROL_BY_ME || safety contains SafetyFlag.MY_SELF_HARM");
    }

    private static Answers withFlags(SafetyFlag... flags) {
        return new Answers(
                org.trustrepair.advisor.advice.Role.WAS_HURT,
                Relationship.ROMANTIC,
                Breach.INFIDELITY,
                null,
                30,
                null,
                false,
                false,
                0,
                false,
                false,
                null,
                Set.of(flags));
    }

    /** A counsellor looks up which guardrail protects whom in the guide's table: a new one is added there too. */
    @Test
    void everyGuardrailOfTheRulesIsNamedInTheGuide() throws IOException {
        String yaml = Files.readString(Path.of("rules/guardrails.yaml"));
        String guide = Files.readString(Path.of("rules/README.md"));
        List<String> ids = Pattern.compile("(?m)^  - id: (\\S+)")
                .matcher(yaml)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(ids).hasSizeGreaterThan(60);
        assertThat(ids)
                .as("guardrails missing from the table \"Which guardrail protects what\" in rules/README.md")
                .allSatisfy(id -> assertThat(guide).contains("`" + id + "`"));
    }

    @Test
    void theAnswersAGuardrailReadsAreKnownForEachRole() {
        Guardrails g = read("""
                guardrails:
                  - id: a
                    promise: "A."
                    when:
                      role: BROKE_TRUST
                      stillHappening: true
                      anyOf:
                        - {role: WAS_HURT, theirResponse: MINIMIZES}
                        - {disclosure: UNDISCLOSED}
                    then: {phaseOrder: true}
                  - id: b
                    promise: "B."
                    when: {safety: [MY_SELF_HARM]}
                    then: {firstKind: crisis-line}
                """);
        assertThat(g.answersRead(org.trustrepair.advisor.advice.Role.BROKE_TRUST))
                .containsExactlyInAnyOrder("role", "stillHappening", "disclosure", "safety");
        assertThat(g.answersRead(org.trustrepair.advisor.advice.Role.WAS_HURT))
                .containsExactlyInAnyOrder("role", "safety");
        assertThat(g.safetyConstraints()).containsExactly("safety contains SafetyFlag.MY_SELF_HARM");
    }

    @Nested
    class Refused {
        private List<String> problems(String yaml) {
            try {
                read(yaml);
            } catch (RuleSetException e) {
                return e.problems().stream().map(RuleProblem::toString).toList();
            }
            throw new AssertionError("not refused");
        }

        @Test
        void anUnknownAnswerNamesTheAnswersThereAre() {
            assertThat(problems("""
                    guardrails:
                      - id: a
                        promise: "A."
                        when: {readines: NO_CONTACT}
                        then: {phaseOrder: true}
                    """))
                    .singleElement()
                    .asString()
                    .contains("guardrails.yaml", "\"readines\" is not an answer", "readiness");
        }

        @Test
        void anUnknownValueOrKindOrSourceNamesWhatIsAllowed() {
            assertThat(problems("""
                    guardrails:
                      - id: a
                        promise: "A."
                        sources: [NOPE]
                        when: {readiness: NEEDS_SPAC}
                        then: {noStepOfKind: [contacts]}
                    """))
                    .anyMatch(p -> p.contains("readiness can be") && p.contains("NEEDS_SPACE"))
                    .anyMatch(p -> p.contains("\"contacts\" is not a kind") && p.contains("contact,"))
                    .anyMatch(p -> p.contains("\"NOPE\"") && p.contains("sources.yaml"));
        }

        @Test
        void anUnknownAdviceIdIsNamed() {
            assertThat(problems("""
                    guardrails:
                      - id: a
                        promise: "A."
                        then: {noWithheldIds: [covert-monitorin], withholdsIds: [deny], noStepIds: [take-your-tim]}
                    """))
                    .hasSize(2)
                    .anySatisfy(
                            p -> assertThat(p.toString()).contains("\"covert-monitorin\" is not the id of any advice"))
                    .anySatisfy(
                            p -> assertThat(p.toString()).contains("\"take-your-tim\" is not the id of any advice"));
        }

        @Test
        void anUnknownFieldIsNamedWithItsLineAndTheFieldsThereAre() {
            assertThat(problems("""
                    guardrails:
                      - id: a
                        promise: "A."
                        then: {noSuchPromise: true}
                    """))
                    .singleElement()
                    .asString()
                    .startsWith("guardrails.yaml:4:")
                    .contains("\"noSuchPromise\" is not a field")
                    .contains("noStepOfKind");
        }

        @Test
        void aColonInAnUnquotedPromiseSaysToQuoteIt() {
            assertThat(problems("""
                    guardrails:
                      - id: a
                        promise: No contact: none at all.
                        then: {noStepOfKind: [contact]}
                    """))
                    .singleElement()
                    .asString()
                    .startsWith("guardrails.yaml:3: column 24:")
                    .contains("colon")
                    .contains("promise: \"No contact: none at all.\"");
        }

        @Test
        void aMissingFileIsNamed() {
            assertThatThrownBy(() -> read(null)).hasMessageContaining("guardrails.yaml");
        }
    }
}
