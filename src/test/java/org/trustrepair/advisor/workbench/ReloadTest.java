package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.RulesCopy;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.proof.Proofs;
import org.trustrepair.advisor.proof.RuleCheck;
import org.trustrepair.advisor.proof.Sweep;

/**
 * The live reload's decision with the check it uses by default (the full sweep): an edit that breaks a guardrail is
 * refused however well it compiles, and the rules before it go on serving.
 */
class ReloadTest {

    @TempDir
    Path dir;

    @Test
    void aGuardrailBreakingEditIsRefusedByTheFullCheckAndTheOldRulesServeOn() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Advisor advisor = new Advisor(RulesFolder.fixture());
        String serving = advisor.rulesVersion();
        RuleLoads loads = new RuleLoads();
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        List<String> swept = new ArrayList<>();
        Proofs proofs = new Proofs();
        MeterRegistry meters = new SimpleMeterRegistry();
        Reload reload = new Reload(
                advisor,
                new RuleCheck(10_000, proofs.reusing(ruleSet -> {
                    swept.add(ruleSet.version());
                    return new Sweep(ruleSet, 2).run();
                })),
                RulesFolder.FIXTURE_SAMPLES,
                loads,
                clock,
                meters);
        // compiles, and passes every sample, but apologizing is now advised to people who were asked for no contact
        RulesCopy.edit(
                rules,
                "step-back/step-back.drl",
                "readiness == Readiness.MOVED_ON, apologiesMade == 0, " + "!safetyConcern",
                "readiness in ( Readiness.MOVED_ON, Readiness.NO_CONTACT ), apologiesMade == 0, " + "!safetyConcern");

        try {
            Reload.Decision decision = reload.apply(rules);

            assertThat(decision.accepted()).isFalse();
            assertThat(advisor.rulesVersion()).isEqualTo(serving);
            assertThat(decision.problems())
                    .anySatisfy(p -> assertThat(p)
                            .startsWith("guardrail broken in")
                            .contains("No contact, direct or indirect")
                            .contains("one-short-acknowledgement"));
            assertThat(decision.problems()).noneMatch(p -> p.startsWith("sample "));
            var rejection = loads.lastRejection().orElseThrow();
            assertThat(rejection.at()).isEqualTo(clock.instant());
            assertThat(rejection.version()).isEqualTo(decision.version()).isNotEqualTo(serving);
            assertThat(rejection.problems()).isEqualTo(decision.problems());
            assertThat(swept).containsExactly(decision.version());

            // rewording a text of the refused rules changes no decision: refused again, on the sweep already made
            RulesCopy.edit(rules, "step-back/advice.yaml", "title: ", "title: (reworded) ");
            Reload.Decision again = reload.apply(rules);

            assertThat(again.accepted()).isFalse();
            assertThat(again.version()).isNotEqualTo(decision.version());
            assertThat(again.problems()).isEqualTo(decision.problems());
            assertThat(swept).as("no second sweep").containsExactly(decision.version());
            assertThat(meters.get(Reload.RELOADS)
                            .tag("outcome", "refused")
                            .counter()
                            .count())
                    .isEqualTo(2);
            assertThat(meters.get(Reload.RELOADS)
                            .tag("outcome", "served")
                            .counter()
                            .count())
                    .isZero();
        } finally {
            advisor.use(RulesFolder.fixture());
        }
    }

    @Test
    void anUnchangedFolderIsNotCheckedAgain() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Advisor advisor = new Advisor(RulesFolder.fixture());
        RuleLoads loads = new RuleLoads();
        MeterRegistry meters = new SimpleMeterRegistry();
        Reload reload = new Reload(
                advisor,
                new RuleCheck(10_000, ruleSet -> new Sweep(ruleSet, 2).run()),
                RulesFolder.FIXTURE_SAMPLES,
                loads,
                Clock.systemUTC(),
                meters);

        Reload.Decision decision = reload.apply(rules);

        assertThat(decision.accepted()).isFalse();
        assertThat(decision.problems()).isEmpty();
        assertThat(loads.lastRejection()).isEmpty();
        assertThat(meters.get(Reload.RELOADS).counters())
                .as("an unchanged folder is neither served nor refused")
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }
}
