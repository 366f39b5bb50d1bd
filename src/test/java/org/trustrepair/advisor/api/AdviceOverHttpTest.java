package org.trustrepair.advisor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Case;
import org.trustrepair.advisor.advice.SamplesTest;

/** The whole server, as a client meets it: every sample posted over HTTP gets the plan its expectation describes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdviceOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Advisor advisor;

    static Stream<Path> samples() throws IOException {
        return SamplesTest.samples();
    }

    @org.junit.jupiter.api.Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        String big = "{\"relationship\":\"ROMANTIC\",\"padding\":\"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/advice"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("body");
    }

    @org.junit.jupiter.api.Test
    void aStreamedBodyOverTheLimitIsRefusedToo() throws Exception {
        byte[] big = ("{\"safety\":[" + "1,".repeat(20_000) + "1]}").getBytes();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/advice"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"field\":\"body\"").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleOverHttp(Path file) throws Exception {
        JsonNode sample = JSON.readTree(file.toFile());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/advice"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                sample.get("answers").toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        AdvicePlan plan = JSON.readValue(response.body(), AdvicePlan.class);
        Case c = Case.read(sample, file.toString(), AnswersReader.strict()).value();
        assertThat(advisor.failures(c.expected(), plan)).as(c.id()).isEmpty();
    }
}
