package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/**
 * A thing not to do that is no longer held back (or is held back only now) says why, where it can be told: the step
 * it went with is no longer given, the period changed, the rule that held it back was edited; and nothing but the
 * rule that held it back where it cannot (a counsellor's trial read "No longer held back" with only the old reason).
 */
class HeldBackWordsTest {

    @TempDir
    Path dir;

    /** Day 14, a partner who will listen: under the new edge, in the first period; under the old, the second. */
    private static final Answers DAY_14 = new Answers(
            Role.BROKE_TRUST,
            Relationship.ROMANTIC,
            Breach.INFIDELITY,
            Readiness.UNDECIDED,
            14,
            Disclosure.CONFESSED,
            false,
            false,
            0,
            false,
            false,
            null,
            null);

    @Test
    void noLongerHeldBackBecauseTheStepItWentWithIsNoLongerGiven() throws IOException {
        // "Check up on the other person in secret" goes with "Offer transparency", given after the first period only
        RuleSet before = rules("before", false, TRANSPARENCY_AFTER_THE_FIRST_PERIOD);
        RuleSet after = rules("after", true, TRANSPARENCY_AFTER_THE_FIRST_PERIOD);

        ChangeWords.Said said = said(before, after, Change.Kind.WITHHELD_REMOVED, "covert-monitoring");

        assertThat(said.what()).isEqualTo("No longer held back: “Check up on the other person in secret”");
        assertThat(said.before())
                .containsExactly("why it was held back: “Openness you offer about yourself is repair; checking up on"
                        + " them is control.” (from the rule “Transparency never means watching them”)");
        assertThat(said.after())
                .containsExactly(
                        "why it is no longer held back: that rule no longer applies here: it went with the"
                                + " step “Offer openness about yourself, for an agreed time” (Show the change), which"
                                + " this situation no longer gets",
                        // a counsellor's trial read "No longer held back: Check up … in secret" as now allowed
                        "it is not given as a step either: only its warning is gone from this plan");
    }

    @Test
    void heldBackOnlyNowBecauseThePeriodChanged() throws IOException {
        String[] pressingInTheFirstPeriod = {
            "apologize/apologize.drl",
            "then\n  insert( new Withhold( \"press-for-forgiveness\"",
            "  PeriodIs( period == Period.FIRST_TWO_WEEKS )\nthen\n  insert( new Withhold( \"press-for-forgiveness\""
        };
        // "Never press for forgiveness" now reads the period itself
        RuleSet before = rules("before", false, pressingInTheFirstPeriod);
        RuleSet after = rules("after", true, pressingInTheFirstPeriod);

        ChangeWords.Said said = said(before, after, Change.Kind.WITHHELD_ADDED, "press-for-forgiveness");

        assertThat(said.after())
                .hasSize(2)
                .last()
                .isEqualTo("why it is held back only now: that rule now applies here: how long ago it was, 14 days, is"
                        + " now in the first period, not in the second period");
    }

    @Test
    void noLongerHeldBackBecauseTheRuleWasEdited() throws IOException {
        RuleSet before = RulesFolder.fixture();
        RuleSet after = rules(
                "after",
                false,
                "prove/prove.drl",
                "  Advice( id == \"offer-transparency\" )\nthen\n  insert( new Withhold( \"covert-monitoring\"",
                "  Advice( id == \"offer-transparency\" )\n  Situation( apologiesMade > 0 )\nthen\n"
                        + "  insert( new Withhold( \"covert-monitoring\"");

        ChangeWords.Said said = said(before, after, Change.Kind.WITHHELD_REMOVED, "covert-monitoring");

        assertThat(said.after())
                .hasSize(2)
                .last()
                .isEqualTo("it is not given as a step either: only its warning is gone from this plan");
        assertThat(said.after())
                .first()
                .asString()
                .matches("why it is no longer held back: that rule \\(prove/prove\\.drl:\\d+\\) was edited, and no"
                        + " longer holds it back here");
    }

    @Test
    void whyIsNotGuessedWhenTheRuleReadsAStepByLessThanItsId() throws IOException {
        // the rule goes with any step of rank 2 in its phase: which one it went with cannot be told
        String[] anyRankTwo = {
            "prove/prove.drl",
            "  Advice( id == \"offer-transparency\" )\nthen\n  insert( new Withhold( \"covert-monitoring\"",
            "  Advice( phase == Phase.PROVE, rank == 2 )\nthen\n  insert( new Withhold( \"covert-monitoring\""
        };
        RuleSet before = rules("before", false, TRANSPARENCY_AFTER_THE_FIRST_PERIOD, anyRankTwo);
        RuleSet after = rules("after", true, TRANSPARENCY_AFTER_THE_FIRST_PERIOD, anyRankTwo);

        ChangeWords.Said said = said(before, after, Change.Kind.WITHHELD_REMOVED, "covert-monitoring");

        assertThat(said.before()).singleElement().asString().contains("(from the rule “Transparency never means");
        assertThat(said.after())
                .containsExactly("it is not given as a step either: only its warning is gone from this plan");
    }

    /** "Offer transparency" no longer in the first period, in both rule sets. */
    private static final String[] TRANSPARENCY_AFTER_THE_FIRST_PERIOD = {
        "prove/prove.drl",
        "  NatureIs( nature == Nature.INTEGRITY )\n  TrackIs( track == Track.REPAIR )\nthen\n"
                + "  insert( new Advice( \"offer-transparency\"",
        "  NatureIs( nature == Nature.INTEGRITY )\n  TrackIs( track == Track.REPAIR )\n"
                + "  PeriodIs( period != Period.FIRST_TWO_WEEKS )\nthen\n  insert( new Advice( \"offer-transparency\""
    };

    /** The fixture with these edits (file, text, new text), and with the first period ending on day 21 if {@code moved}. */
    private RuleSet rules(String name, boolean moved, String[]... edits) throws IOException {
        Path rules = RulesCopy.of(dir.resolve(name));
        for (String[] edit : edits) {
            RulesCopy.edit(rules, edit[0], edit[1], edit[2]);
        }
        if (moved) {
            RulesCopy.moveFirstPeriodEnd(rules, 21);
        }
        return new RuleSetBuilder(10_000).build(RuleFiles.fromDirectory(rules));
    }

    private RuleSet rules(String name, boolean moved, String file, String from, String to) throws IOException {
        return rules(name, moved, new String[] {file, from, to});
    }

    /** The change of this kind to this item at day 14, in words. */
    private static ChangeWords.Said said(RuleSet before, RuleSet after, Change.Kind kind, String id) {
        AdvicePlan a = before.evaluate(DAY_14).plan();
        AdvicePlan b = after.evaluate(DAY_14).plan();
        Change change = Change.between(a, b).stream()
                .filter(c -> c.kind() == kind && c.subject().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + id + " not among " + Change.between(a, b)));
        return ChangeWords.of(before, after, change, DAY_14, a, b);
    }
}
