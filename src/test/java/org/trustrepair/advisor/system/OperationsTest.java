package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.trustrepair.advisor.advice.RulesFolder;

/** What an orchestrator and an operator see: liveness, readiness with the rule set, and nothing else exposed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void isLive() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void isReadyWithTheRuleSetItServes() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/readinessState/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/rules/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/rules/details/rulesVersion").asText())
                .isEqualTo(RulesFolder.ruleSet().version());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/env",
                "/actuator/info",
                "/actuator/beans",
                "/actuator/metrics",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/loggers",
                "/actuator/mappings",
                "/actuator/configprops",
                "/actuator/shutdown"
            })
    void exposesNothingButHealth(String path) throws Exception {
        assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }

    @Test
    void keepsNoAccessLogAndShutsDownGracefully() {
        assertThat(environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, false))
                .isFalse();
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase"))
                .isNotBlank();
    }
}
