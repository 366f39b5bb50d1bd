package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A wildcard Content-Type (found by the API fuzz test: it ended in a 500) gets 415 problem+json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcreteContentTypeTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"application/*", "*/*", "*", "text/*", "application/*+json", "multipart/*; boundary=x"})
    void aWildcardContentTypeIsUnsupported(String type) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/advice"))
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\","
                                                + "\"readiness\":\"UNDECIDED\",\"daysElapsed\":1}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":415", "/problems/unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"application/json", "application/json;charset=UTF-8", "text/plain", "application/json; q=1"})
    void concreteTypesAreNotItsBusiness(String type) {
        assertThat(ConcreteContentType.WildcardFilter.isWildcard(type)).isFalse();
    }
}
