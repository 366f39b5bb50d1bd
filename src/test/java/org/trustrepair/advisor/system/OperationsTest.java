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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.trustrepair.advisor.advice.RulesFolder;

/**
 * What an orchestrator and an operator see: liveness and readiness (with the rule set) on the server's port, health and
 * Prometheus metrics on the management port, and nothing else exposed on either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Environment environment;

    HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/livez", "management:/actuator/health/liveness"})
    void isLive(String where) throws Exception {
        HttpResponse<String> response = at(where);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/readyz", "management:/actuator/health/readiness"})
    void isReadyWithTheRuleSetItServes(String where) throws Exception {
        HttpResponse<String> response = at(where);

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
    void exposesNothingElseOnTheManagementPort(String path) throws Exception {
        // /actuator/prometheus is there too in production; MetricsTest scrapes it (tests leave metrics off by default)
        assertThat(get(managementPort, path).statusCode()).as(path).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"})
    void exposesNoActuatorOnTheServersPort(String path) throws Exception {
        assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }

    /** A path on the server's port, or on the management port when it starts with {@code management:}. */
    private HttpResponse<String> at(String where) throws Exception {
        return where.startsWith("management:")
                ? get(managementPort, where.substring("management:".length()))
                : get(where);
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
