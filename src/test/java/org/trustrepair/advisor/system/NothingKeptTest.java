package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canary answers sent through the API and the questionnaire's pages to a server logging everything of Spring and the
 * advisor at TRACE (and Tomcat at DEBUG): after a graceful stop, not one log line and not one file the process wrote
 * holds any of them; no answer travelled in a URL; nothing was cacheable. Once with the console in Spring Boot's
 * pattern, once in its structured JSON (ECS), which an operator turns on with one setting.
 */
class NothingKeptTest {

    /** Answers no one would give, each searchable on its own. */
    static final String DAYS = "31337";

    static final String APOLOGIES = "977";
    static final String BAD_VALUE = "CANARYBREACHZQX";
    static final String BAD_TOKEN = "CANARYTOKENZQX";
    static final String BAD_FIELD_VALUE = "CANARYVALUEZQX";

    /** The numbers only where they stand alone (not inside a hash, a timestamp or another number). */
    static final List<Pattern> CANARIES = List.of(
            Pattern.compile("(?<![0-9A-Fa-f])" + DAYS + "(?![0-9A-Fa-f])"),
            Pattern.compile(Pattern.quote(BAD_VALUE)),
            Pattern.compile(Pattern.quote(BAD_TOKEN)),
            Pattern.compile(Pattern.quote(BAD_FIELD_VALUE)));

    static final List<String> VERBOSE = List.of(
            "--logging.level.org.springframework=TRACE",
            "--logging.level.org.trustrepair=TRACE",
            "--logging.level.org.apache.catalina=DEBUG",
            "--logging.level.org.apache.coyote=DEBUG",
            "--logging.level.org.apache.tomcat=DEBUG",
            "--logging.level.org.thymeleaf=TRACE",
            "--logging.level.com.fasterxml=TRACE",
            "--advisor.rate-limit.requests-per-minute=7");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager())
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HttpResponse<String> postJson(ServerProcess server, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/advice"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "console format: {0}")
    @ValueSource(strings = {"pattern", "ecs"})
    void noLogLineAndNoFileHoldsTheAnswers(String format) throws Exception {
        List<String> args = new ArrayList<>(VERBOSE);
        boolean json = !format.equals("pattern");
        if (json) {
            args.add("--logging.structured.format.console=" + format);
        }
        try (ServerProcess server = ServerProcess.start(root, List.of(), args)) {
            String startLog = server.console();

            HttpResponse<String> plan = postJson(
                    server,
                    "{\"relationship\":\"ROMANTIC\",\"breach\":\"INFIDELITY\","
                            + "\"readiness\":\"WILLING_TO_TALK\",\"daysElapsed\":" + DAYS
                            + ",\"disclosure\":\"CONFESSED\","
                            + "\"apologiesMade\":" + APOLOGIES + ",\"othersAffected\":true,\"happenedBefore\":true}");
            assertThat(plan.statusCode()).isEqualTo(200);
            assertThat(plan.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(plan.body())
                    .as("the plan itself may repeat the answers to the person")
                    .contains(APOLOGIES);

            HttpResponse<String> invalid = postJson(
                    server,
                    "{\"relationship\":\"ROMANTIC\",\"breach\":\"" + BAD_VALUE
                            + "\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":" + DAYS + ",\"xtra\":\""
                            + BAD_FIELD_VALUE + "\"}");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).doesNotContain(BAD_VALUE, BAD_FIELD_VALUE, DAYS);

            HttpResponse<String> malformed = postJson(
                    server,
                    "{\"relationship\":\"ROMANTIC\",\"breach\":" + BAD_TOKEN + ",\"daysElapsed\":" + DAYS + "}");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).doesNotContain(BAD_TOKEN, DAYS);

            throughThePages(server);

            HttpResponse<String> limited = postJson(server, "{\"daysElapsed\":" + DAYS + "}");
            assertThat(limited.statusCode()).as("the eighth post in a minute").isEqualTo(429);

            assertThat(server.terminate(Duration.ofMinutes(1))).isIn(0, 143);

            String console = server.console();
            assertThat(console).as("TRACE logging was on").contains("TRACE").hasSizeGreaterThan(startLog.length());
            assertThat(console).contains("Graceful shutdown complete");
            if (json) {
                assertThat(console.lines().filter(line -> line.contains("Started AdvisorApplication")))
                        .singleElement()
                        .satisfies(line -> assertThat(
                                        JSON.readTree(line).at("/log/level").asText())
                                .isEqualTo("INFO"));
                assertThat(console.lines().filter(line -> line.contains("\"level\":\"TRACE\"")))
                        .as("TRACE lines, in JSON")
                        .isNotEmpty()
                        .allSatisfy(line ->
                                assertThat(JSON.readTree(line).get("message")).isNotNull());
            } else {
                assertThat(console).doesNotContain("\"@timestamp\"");
            }
            List<String> leaks = new ArrayList<>();
            console.lines().filter(NothingKeptTest::holdsACanary).forEach(line -> leaks.add("console: " + line));
            try (Stream<Path> files = Files.walk(server.home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (holdsACanary(read(file))) {
                        leaks.add("file: " + server.home.relativize(file));
                    }
                }
            }
            assertThat(leaks).isEmpty();
            try (Stream<Path> files = Files.walk(server.home)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no access log")
                        .noneMatch(name -> name.contains("access"));
            }
        }
    }

    /** The questionnaire as a browser without JavaScript goes through it: four posts, every answer in a body. */
    private void throughThePages(ServerProcess server) throws Exception {
        HttpResponse<String> first = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/questions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        Matcher token = CSRF.matcher(first.body());
        assertThat(token.find()).as("a CSRF token on the form").isTrue();
        String csrf = token.group(1);
        assertThat(first.body()).contains("method=\"post\"").doesNotContain("method=\"get\"");

        String answers = "answered=role&role=BROKE_TRUST&answered=relationship&relationship=ROMANTIC"
                + "&answered=breach&breach=INFIDELITY&answered=readiness&readiness=WILLING_TO_TALK"
                + "&answered=daysElapsed&daysElapsed=" + DAYS + "&answered=disclosure&disclosure=CONFESSED"
                + "&answered=apologiesMade&apologiesMade=" + APOLOGIES + "&answered=othersAffected&othersAffected=true"
                + "&answered=happenedBefore&happenedBefore=true&answered=stillHappening&stillHappening=false"
                + "&answered=safety";
        List<HttpResponse<String>> pages = new ArrayList<>();
        pages.add(postForm(server, "/questions", answers + "&question=apologiesMade&_csrf=" + csrf));
        pages.add(postForm(server, "/plan", answers + "&_csrf=" + csrf));
        pages.add(postForm(server, "/plan/text", answers + "&_csrf=" + csrf));
        pages.add(postForm(
                server, "/plan", answers.replace("breach=INFIDELITY", "breach=" + BAD_VALUE) + "&_csrf=" + csrf));

        assertThat(pages).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 400);
        assertThat(pages.get(1).body()).as("the plan page").contains(APOLOGIES);
        for (HttpResponse<String> page : pages) {
            assertThat(page.uri().getQuery()).as("no answers in a URL").isNull();
            assertThat(page.headers().firstValue("Location"))
                    .as("no redirect carries answers")
                    .isEmpty();
            assertThat(page.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }

    private HttpResponse<String> postForm(ServerProcess server, String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    static boolean holdsACanary(String text) {
        return CANARIES.stream().anyMatch(p -> p.matcher(text).find());
    }
}
