package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;

/**
 * What an operator's Prometheus scrapes from the management port after a few plans, bad requests and a rate-limited
 * one: each listed metric with the right counts, tagged with the track and the rules version, and not one answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "advisor.rate-limit.requests-per-minute=6")
@AutoConfigureObservability(tracing = false)
class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEP_BACK = "{\"relationship\":\"ROMANTIC\",\"breach\":\"HALF_TRUTHS\","
            + "\"readiness\":\"NEEDS_SPACE\",\"daysElapsed\":" + NothingKeptTest.DAYS
            + ",\"disclosure\":\"DISCOVERED\",\"apologiesMade\":" + NothingKeptTest.APOLOGIES + "}";
    private static final String HURT = "{\"role\":\"WAS_HURT\",\"relationship\":\"FAMILY\",\"breach\":\"INFIDELITY\","
            + "\"daysElapsed\":" + NothingKeptTest.DAYS + ",\"theirResponse\":\"MINIMIZES\",\"apologiesMade\":"
            + NothingKeptTest.APOLOGIES + "}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Advisor advisor;

    @Test
    void countsPlansByTrackProblemsRefusalsAndReloadsWithoutAnAnswer() throws Exception {
        Map<String, Integer> plansByTrack = new HashMap<>();
        for (String body : List.of(STEP_BACK, HURT, STEP_BACK)) {
            HttpResponse<String> plan = post(body, "application/json");
            assertThat(plan.statusCode()).isEqualTo(200);
            plansByTrack.merge(
                    JSON.readTree(plan.body()).at("/classification/track").asText(), 1, Integer::sum);
        }
        assertThat(plansByTrack).as("two tracks").hasSize(2);
        assertThat(post(STEP_BACK.replace("HALF_TRUTHS", "CANARYBREACHZQX"), "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("{\"breach\":CANARYTOKENZQX}", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(post(STEP_BACK, "application/*").statusCode()).isEqualTo(415);
        assertThat(post(STEP_BACK, "application/json").statusCode())
                .as("the sixth post")
                .isEqualTo(200);
        plansByTrack.merge("STEP_BACK", 1, Integer::sum);
        assertThat(post(STEP_BACK, "application/json").statusCode())
                .as("the seventh post in a minute")
                .isEqualTo(429);

        HttpResponse<String> scrape = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();

        String version = advisor.rulesVersion();
        plansByTrack.forEach((track, plans) -> assertThat(value(
                        metrics,
                        "advisor_plans_seconds_count",
                        "track=\"" + track + "\"",
                        "rules_version=\"" + version + "\""))
                .as("plans on the track %s", track)
                .contains((double) plans));
        assertThat(value(
                        metrics,
                        "advisor_plans_seconds_sum",
                        "track=\"STEP_BACK\"",
                        "rules_version=\"" + version + "\""))
                .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        assertThat(value(metrics, "advisor_plans_seconds_bucket", "le=\"2.0\"", "track=\"STEP_BACK\""))
                .contains(3.0);
        assertThat(value(metrics, "advisor_bad_requests_total", "problem=\"invalid-answers\""))
                .contains(1.0);
        assertThat(value(metrics, "advisor_bad_requests_total", "problem=\"malformed-json\""))
                .contains(1.0);
        assertThat(value(metrics, "advisor_bad_requests_total", "problem=\"unsupported-media-type\""))
                .contains(1.0);
        assertThat(value(metrics, "advisor_rate_limited_total")).contains(1.0);
        assertThat(value(metrics, "advisor_reloads_total", "outcome=\"served\""))
                .contains(0.0);
        assertThat(value(metrics, "advisor_reloads_total", "outcome=\"refused\""))
                .contains(0.0);

        assertThat(NothingKeptTest.holdsACanary(metrics))
                .as("no day count, no value sent")
                .isFalse();
        // as a number of its own (a timing such as 0.004869773 may hold its digits)
        assertThat(metrics).doesNotContainPattern("(?<![0-9.])" + NothingKeptTest.APOLOGIES + "(?![0-9.])");
        List<String> answerValues = answerValues();
        assertThat(answerValues).contains("NEEDS_SPACE", "INFIDELITY", "MINIMIZES");
        List<String> found = new ArrayList<>();
        for (String value : answerValues) {
            if (Pattern.compile("\\b" + value + "\\b").matcher(metrics).find()) {
                found.add(value);
            }
        }
        assertThat(found).as("answer values in the metrics").isEmpty();
    }

    @Test
    void theServersOwnPortServesNoMetrics() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/advice"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the one sample of {@code name} whose labels hold every one of {@code labels}. */
    private static Optional<Double> value(String metrics, String name, String... labels) {
        List<Double> values = metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Stream.of(labels).allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toList();
        assertThat(values).as("samples of %s with %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
        return values.stream().findFirst();
    }

    /** Every value an answer can take: none of them may name a series. */
    private static List<String> answerValues() {
        return Stream.of(
                        Role.values(),
                        Relationship.values(),
                        Breach.values(),
                        Readiness.values(),
                        Disclosure.values(),
                        TheirResponse.values(),
                        SafetyFlag.values())
                .flatMap(Stream::of)
                .map(Enum::name)
                .toList();
    }
}
