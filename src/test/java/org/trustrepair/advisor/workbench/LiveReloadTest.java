package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.RulesCopy;

/**
 * A running server picks up an edit of its rules folder within seconds, and refuses a broken one while the old rules
 * serve on. The sweep is skipped here to keep the test fast ({@code advisor.workbench.reload.sweep=none}, tests only);
 * {@link ReloadTest} proves the default, full check refuses a guardrail-breaking edit.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "advisor.workbench.reload.sweep=none",
            "advisor.workbench.reload.debounce=200ms",
            "advisor.workbench.samples-dir=src/test/resources/fixture/samples"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class LiveReloadTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Path RULES;

    static {
        try {
            RULES = RulesCopy.of(Files.createTempDirectory("live-reload-").resolve("rules"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules-dir", RULES::toString);
    }

    @AfterAll
    static void removeCopy() throws IOException {
        FileSystemUtils.deleteRecursively(RULES.getParent());
    }

    @Autowired
    Advisor advisor;

    @Autowired
    RuleLoads loads;

    @Autowired
    MeterRegistry meters;

    private double reloads(String outcome) {
        return meters.get(Reload.RELOADS).tag("outcome", outcome).counter().count();
    }

    private final Answers needsSpace = Answers.of(Relationship.ROMANTIC, Breach.HALF_TRUTHS, Readiness.NEEDS_SPACE, 20)
            .withApologiesMade(1);

    private static boolean within(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    private String doorOpenWhy() {
        return advisor.advise(needsSpace).steps().stream()
                .filter(s -> s.id().equals("leave-one-door-open"))
                .findFirst()
                .orElseThrow()
                .why();
    }

    @Test
    @Order(1)
    void anEditedRuleIsServedWithinSeconds() throws Exception {
        String before = advisor.rulesVersion();
        assertThat(advisor.ruleSet().origin())
                .isEqualTo(RULES.toAbsolutePath().normalize().toString());
        assertThat(doorOpenWhy()).startsWith("You have apologized");

        RulesCopy.edit(
                RULES,
                "step-back/step-back.drl",
                "@reason(\"You have apologized ({apologiesMade}) and they " + "need space.",
                "@reason(\"They need space, and you have apologized ({apologiesMade}).");
        long written = System.nanoTime();

        assertThat(within(() -> !advisor.rulesVersion().equals(before)))
                .as("a new version serves")
                .isTrue();
        System.out.printf(
                "live reload: edit served %d ms after the write%n", (System.nanoTime() - written) / 1_000_000);
        assertThat(doorOpenWhy()).startsWith("They need space, and you have apologized (1 apology).");
        assertThat(advisor.advise(needsSpace).rulesVersion()).isEqualTo(advisor.rulesVersion());
        assertThat(reloads("served")).as("reloads served, in the metrics").isEqualTo(1);
        assertThat(reloads("refused")).isZero();
    }

    @Test
    @Order(2)
    void aBrokenEditIsRefusedAndTheRulesBeforeItServeOn() throws Exception {
        String serving = advisor.rulesVersion();
        String why = doorOpenWhy();

        RulesCopy.edit(
                RULES,
                "step-back/step-back.drl",
                "rule \"Leave one door open, then step back\"\n",
                "rule \"Leave one door open, then step back\"\n  whne\n");

        assertThat(within(() -> loads.lastRejection().isPresent()))
                .as("the edit is refused")
                .isTrue();
        var rejection = loads.lastRejection().orElseThrow();
        assertThat(rejection.problems()).anySatisfy(p -> assertThat(p).matches("step-back/step-back\\.drl:\\d+: .*"));
        assertThat(rejection.version()).isNotEqualTo(serving);
        assertThat(advisor.rulesVersion()).isEqualTo(serving);
        assertThat(doorOpenWhy()).isEqualTo(why);
        assertThat(reloads("refused")).as("reloads refused, in the metrics").isEqualTo(1);
    }
}
