package org.trustrepair.advisor.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.advice.engine.RuleFiles;

/** {@code check} warns of two steps whose details repeat each other's words, and refuses nothing for it. */
class RepeatedDetailsTest {

    @TempDir
    Path dir;

    /** The check's report on these rules, without a sweep (the warning is read from the texts alone). */
    private static String report(Path rules) {
        return CheckReport.text(new RuleCheck(10_000, null).run(RuleFiles.fromDirectory(rules), rules, false), true);
    }

    @Test
    void aDetailCopiedFromAnotherOrHoldingAnotherWholeIsNamedWithBothIdsAndFiles() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // the same words as listen-first's detail, in other capitals and line breaks
        RulesCopy.edit(
                rules,
                "apologize/advice.yaml",
                "    Some people take an apology best face to face, others in writing, where they can read it in their"
                        + " own time and\n    are not put on the spot. Use what you know of them. A letter and a"
                        + " conversation only if both are welcome.",
                "    LET THEM say everything they need to, for as long as they need to,\n    without defending"
                        + " yourself or asking for a decision.  Then apologize.");
        // offer-a-fix-plan's detail, whole, inside another
        holdOfferAFixWhole(rules);

        String report = report(rules);

        assertThat(report)
                .contains("Said twice (2): two steps or things not to do with the same detail, or one whose detail"
                        + " holds another's whole. Say it once: give both rules the same id, or reword one")
                .contains(
                        "\n      “Choose the way they would prefer” (choose-the-venue) in apologize/advice.yaml has"
                                + " the same detail as “Listen until they feel heard” (listen-first) in apologize/advice.yaml\n")
                .contains("\n      “Fill in what your apology left out, once” (complete-the-apology) in"
                        + " apologize/advice.yaml holds the whole detail of “Offer a concrete fix” (offer-a-fix-plan) in"
                        + " apologize/advice.yaml\n")
                .as("a warning, not a thing to fix")
                .contains("VERDICT: the rules compile and the samples hold");
    }

    /** A variant keeps the other's title, whole or with words added to it. */
    @ParameterizedTest
    @ValueSource(strings = {"Offer a concrete fix", "Offer a concrete fix; with it, what your apology left out"})
    void variantsOfOneStepKeepingItsTitleAreNotWarnedOf(String title) throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // complete-the-apology holds offer-a-fix-plan's detail whole, as above, but here under its title
        holdOfferAFixWhole(rules);
        RulesCopy.edit(
                rules, "apologize/advice.yaml", "title: Fill in what your apology left out, once", "title: " + title);

        assertThat(report(rules)).doesNotContain("Said twice");
    }

    /** complete-the-apology's detail made to hold offer-a-fix-plan's whole. */
    private static void holdOfferAFixWhole(Path rules) throws IOException {
        RulesCopy.edit(
                rules,
                "apologize/advice.yaml",
                "    them, do not repeat it: let your actions carry it from here.",
                "    them, do not repeat it. With the apology, say what you will put right, how, and by when, and what"
                        + " will stop the\n    mistake happening again.");
    }

    @Test
    void rulesWhoseDetailsAreEachTheirOwnGetNoWarning() {
        assertThat(report(RulesFolder.FIXTURE)).doesNotContain("Said twice");
        assertThat(RepeatedDetails.in(RulesFolder.fixture().catalogue())).isEmpty();
    }
}
