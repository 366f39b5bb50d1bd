package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.trustrepair.advisor.AdvisorApplication;
import org.trustrepair.advisor.advice.RulesFolder;

/**
 * Readiness follows the rule set that serves: a broken edit of the rules folder is refused by the live reload and
 * the server stays ready on the rules it had; a sound edit is taken up and readiness names the new version.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadinessAcrossReloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefusedReloadKeepsTheServerReadyOnItsRules(CapturedOutput output) throws Exception {
        Path rules = dir.resolve("rules");
        FileSystemUtils.copyRecursively(RulesFolder.FIXTURE, rules);
        // the sweep is left out to keep this fast: a broken file is refused at compile time either way
        try (ConfigurableApplicationContext server = new SpringApplication(AdvisorApplication.class)
                .run(
                        "--server.port=0",
                        "--advisor.rules-dir=" + rules,
                        "--advisor.workbench.reload.sweep=none",
                        "--advisor.workbench.reload.debounce=100ms",
                        "--advisor.workbench.samples-dir=" + RulesFolder.FIXTURE_SAMPLES.toAbsolutePath(),
                        "--spring.main.banner-mode=off")) {
            String base = "http://localhost:"
                    + ((WebServerApplicationContext) server).getWebServer().getPort();
            String before = readyVersion(base);
            assertThat(before).isEqualTo(RulesFolder.fixture().version());

            Path file = rules.resolve("step-back/step-back.drl");
            String sound = Files.readString(file);
            Files.writeString(file, sound.replaceFirst("\nthen\n", "\nthne\n"));
            await(() -> output.toString().contains("Rules edit refused"), "the broken edit is refused");

            assertThat(readyVersion(base))
                    .as("still ready, on the rules it had")
                    .isEqualTo(before);
            HttpResponse<String> plan = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/advice"))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plan.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(plan.body()).path("rulesVersion").asText()).isEqualTo(before);

            Files.writeString(file, sound + "\n// a counsellor's note\n");
            await(() -> output.toString().contains("Rules reloaded"), "the sound edit is taken up");
            assertThat(readyVersion(base)).as("ready, on the new rules").isNotEqualTo(before);
        }
    }

    private String readyVersion(String base) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        return health.at("/components/rules/details/rulesVersion").asText();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within two minutes").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling, not waiting for an outcome
        }
    }
}
