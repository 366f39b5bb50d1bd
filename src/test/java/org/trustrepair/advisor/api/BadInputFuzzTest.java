package org.trustrepair.advisor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.autoconfigure.web.servlet.SpringBootMockMvcBuilderCustomizer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.trustrepair.advisor.AdvisorApplication;

/**
 * Hostile and broken bodies at {@code POST /api/advice}, made by {@link Bodies}: 15,000 chosen by Jazzer and sent
 * through MockMvc (the real controller, error advice, Spring Security and the request limits of the whole
 * application, without the network), and 2,000 from a seeded random source over real HTTP to the same server (Tomcat
 * and its filters). Whatever comes in, the answer is never a 5xx, never names a Java class, never repeats a value
 * sent; a 4xx is the contract's problem+json, a 200 a plan.
 *
 * <p>{@link #jazzer} is a Jazzer fuzz test: libFuzzer mutates bytes, guided by the coverage of this project's classes
 * (the generator's branches included), and {@link Choices#of(FuzzedDataProvider)} turns them into the generator's
 * choices, one body per execution. It fuzzes only with {@code JAZZER_FUZZ=1}, which the pom sets for Surefire;
 * {@code -Djazzer.fuzz=0} makes it replay only the inputs kept in
 * {@code src/test/resources/org/trustrepair/advisor/api/BadInputFuzzTestInputs/jazzer/}. Jazzer writes the input of
 * a failure to {@code target/jazzer/crash-<sha1>}: copied into that folder, it is replayed on every run.
 *
 * <p>The seed of {@link #overHttp} is fixed, so every run sends the same bodies; {@code -Dfuzz.seed=123} sends
 * others. A failure names the seed, the run and the index of the body, and the body itself:
 * {@code Bodies.any(Bodies.random(seed, run, index))} makes it again.
 *
 * <p>Tagged {@code jazzer}: Surefire runs it in a JVM of its own (see the pom), as Jazzer's agent stays in the JVM.
 */
@Tag("jazzer")
class BadInputFuzzTest {

    private static final long DEFAULT_SEED = 20_240_611L;
    private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a stack trace or an exception message would show. */
    private static final List<String> LEAKS =
            List.of("Exception", "org.", "com.fasterxml", "java.", "jakarta.", "\tat ", "Caused by");

    /** How many bodies Jazzer sends when fuzzing. */
    private static final int FUZZ_EXECUTIONS = 15_000;
    /** Where Jazzer keeps the input of a failure (see the pom), and where to put it to have it replayed. */
    private static final String CRASHES = "target/jazzer/crash-<sha1 of the input>";

    private static final String KEPT = "src/test/resources/org/trustrepair/advisor/api/BadInputFuzzTestInputs/jazzer/";

    /** The Jazzer test's bodies over all its executions, checked in {@link #fuzzedEnough()}. */
    private static final Run FUZZED = new Run(
            "jazzer",
            execution -> " of Jazzer's run. Fuzzing, Jazzer writes the"
                    + " input that made it to " + CRASHES
                    + " (the log names it: 'Test unit written to ...'); to replay it, copy"
                    + " that file into " + KEPT
                    + " and run ./mvnw test -Dtest='BadInputFuzzTest#jazzer' -Djazzer.fuzz=0 (kept"
                    + " there, it is replayed on every run)");

    private static boolean fuzzTestRan;

    private static ConfigurableApplicationContext server;
    private static MockMvc mvc;
    private static HttpClient http;
    private static URI advice;

    @BeforeAll
    static void start() {
        SpringApplication app = new SpringApplication(AdvisorApplication.class);
        // the limiter would (rightly) refuse most of this: it is tested on its own
        server = app.run("--server.port=0", "--advisor.rate-limit.enabled=false", "--spring.main.banner-mode=off");
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) server);
        SpringBootMockMvcBuilderCustomizer filters =
                new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) server);
        filters.setPrint(MockMvcPrint.NONE); // printing each exchange, to show only on failure, doubles the time
        filters.customize(builder);
        mvc = builder.build();
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        advice = URI.create("http://localhost:" + port + "/api/advice");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * One body per execution, chosen by Jazzer; 15,000 executions when fuzzing, starting from the inputs kept under
     * src/test/resources, which already reach the coverage a fresh start reached only after some 30,000 (about 25
     * seconds here; should a slow machine hit the time cap first, {@link #fuzzedEnough()} fails the run). Through MockMvc, except the bodies whose
     * charset name MockMvc itself cannot parse (it throws in its own request set-up, before the application): those go
     * over HTTP, where Tomcat carries them to the application.
     */
    @FuzzTest(maxExecutions = FUZZ_EXECUTIONS, maxDuration = "10m")
    void jazzer(FuzzedDataProvider data) {
        Bodies.Body body = Bodies.any(Choices.of(data));
        long execution = FUZZED.executions++;
        if (legalCharset(body.contentType())) {
            FUZZED.send(execution, body, () -> throughMockMvc(body));
        } else {
            FUZZED.overHttp++;
            FUZZED.send(execution, body, () -> overHttp(body));
        }
    }

    @AfterEach
    void sawTheFuzzTest(TestInfo test) {
        if (test.getTestMethod().map(m -> m.getName().equals("jazzer")).orElse(false)) {
            fuzzTestRan = true;
        }
    }

    /**
     * The Jazzer test's counts, checked once it is over (it has no end of its own to check them at): when fuzzing,
     * that it ran every execution, made every kind of body and saw both plans and refusals. A run that was meant to
     * fuzz but only replayed (no {@code JAZZER_FUZZ}) fails here rather than passing on a handful of inputs.
     */
    @AfterAll
    static void fuzzedEnough() {
        if (!fuzzTestRan || FUZZED.failed) {
            return; // not selected, or failed already with its own finding
        }
        String mode =
                System.getenv("JAZZER_FUZZ") != null ? System.getenv("JAZZER_FUZZ") : System.getProperty("JAZZER_FUZZ");
        if (mode == null) {
            FUZZED.print();
            throw new AssertionError(
                    "fuzz.jazzer only replayed " + FUZZED.executions + " kept input(s): JAZZER_FUZZ is"
                            + " not set. Run it through Maven (the pom sets JAZZER_FUZZ=1 for Surefire), or set JAZZER_FUZZ=1 to fuzz"
                            + " or JAZZER_FUZZ=0 to replay only the inputs kept in src/test/resources/.../BadInputFuzzTestInputs");
        }
        if (List.of("1", "true", "yes").contains(mode.toLowerCase(Locale.ROOT))) {
            assertThat(FUZZED.executions).as("fuzz.jazzer executions").isGreaterThanOrEqualTo(FUZZ_EXECUTIONS);
            FUZZED.finish();
        } else {
            FUZZED.print(); // replaying kept inputs only: too few to make every kind
            assertThat(FUZZED.executions)
                    .as("fuzz.jazzer replayed the kept inputs")
                    .isPositive();
        }
    }

    private static Answer throughMockMvc(Bodies.Body body) throws Exception {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post("/api/advice").content(body.bytes());
        if (!body.contentType().isEmpty()) {
            // set as sent, unparsed: the builder's contentType(...) would refuse some of them itself
            request.with(r -> {
                r.setContentType(body.contentType());
                return r;
            });
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Answer(
                response.getStatus(),
                response.getContentType(),
                new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private static Answer overHttp(Bodies.Body body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(advice)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (!body.contentType().isEmpty()) {
            request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    @Test
    void overHttp() {
        Run run = new Run(
                "http",
                index -> " of seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + "; Bodies.any(" + "Bodies.random("
                        + SEED + "L, \"http\", " + index + ")) makes it again)");
        for (long index = 0; run.checked < 2_000; index++) {
            Bodies.Body body = Bodies.any(Bodies.random(SEED, run.name, index));
            run.send(index, body, () -> overHttp(body));
        }
        run.finish();
    }

    private static boolean legalCharset(String contentType) {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return true;
        }
        String name = contentType
                .substring(at + "charset=".length())
                .split(";")[0]
                .strip()
                .replace("\"", "");
        try {
            Charset.isSupported(name);
            return true;
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** What came back for one body. */
    private record Answer(int status, String contentType, String text) {}

    @FunctionalInterface
    private interface Exchange {
        Answer send() throws Exception;
    }

    /** One test's bodies: sends and checks each, counts statuses and kinds, and checks the counts at the end. */
    private static final class Run {
        final String name;
        /** Where the bodies came from and how to make the one at an index again, for a failure's message. */
        final LongFunction<String> source;

        long started;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> kinds = new TreeMap<>();
        long executions;
        int checked;
        /** Jazzer's bodies that MockMvc cannot take, sent over HTTP instead. */
        int overHttp;

        boolean failed;

        Run(String name, LongFunction<String> source) {
            this.name = name;
            this.source = source;
        }

        /** Sends one body and checks the answer; a failure names the index, the body and how to make it again. */
        void send(long index, Bodies.Body body, Exchange exchange) {
            if (started == 0) {
                started = System.nanoTime();
            }
            Answer answer = null;
            try {
                answer = exchange.send();
                statuses.merge(answer.status(), 1, Integer::sum);
                kinds.merge(body.kind(), 1, Integer::sum);
                checked++;
                check(body, answer.status(), answer.contentType(), answer.text());
            } catch (AssertionError | Exception e) {
                failed = true;
                throw new AssertionError(
                        "fuzz." + name + " failed on body #" + index + source.apply(index) + "\n  body: " + body
                                + "\n  answer: " + shorten(answer) + "\n  " + e.getMessage(),
                        e);
            }
        }

        /** One line of counts. */
        void print() {
            long millis = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
            System.out.println("fuzz." + name + (name.equals("jazzer") ? " executions=" + executions : " seed=" + SEED)
                    + " checked=" + checked + (name.equals("jazzer") ? " overHttp=" + overHttp : "") + " millis="
                    + millis
                    + " status=" + statuses + " kind=" + kinds);
        }

        /** One line of counts, and proof that the run made every kind of body and saw both a plan and a refusal. */
        void finish() {
            print();
            String from = name.equals("jazzer") ? "Jazzer" : "seed " + SEED;
            assertThat(kinds.keySet())
                    .as("fuzz.%s (%s) made every kind of body", name, from)
                    .containsAll(Bodies.KINDS);
            assertThat(statuses.keySet())
                    .as("fuzz.%s (%s) saw both plans and refusals", name, from)
                    .contains(200, 400);
        }

        private static String shorten(Answer answer) {
            if (answer == null) {
                return "none";
            }
            String text = answer.text() == null ? "" : answer.text();
            return answer.status() + " " + answer.contentType() + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private static void check(Bodies.Body body, int status, String contentType, String text) throws Exception {
        assertThat(status).as("never a server error").isLessThan(500);
        assertThat(text).as("no class names or stack traces").doesNotContain(LEAKS);
        for (String secret : body.secrets()) {
            assertThat(text).as("values sent are never repeated").doesNotContain(secret);
        }
        switch (body.expect()) {
            case PLAN -> assertThat(status).as("valid answers get a plan").isEqualTo(200);
            case FIELDS -> assertThat(status).as("broken answers are refused").isEqualTo(400);
            case ANYTHING_CLEAN -> assertThat(status).isIn(200, 400, 413, 415);
        }
        assertThat(contentType).isNotNull();
        JsonNode json = JSON.readTree(text);
        if (status == 200) {
            assertThat(contentType).startsWith("application/json");
            assertThat(json.path("rulesVersion").asText()).isNotBlank();
            assertThat(json.at("/classification/track").asText()).isNotBlank();
            assertThat(json.path("steps").isArray()).isTrue();
            assertThat(json.path("steps")).isNotEmpty();
            assertThat(json.path("disclaimer").asText()).isNotBlank();
            return;
        }
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(json.path("type").asText()).startsWith("/problems/");
        assertThat(json.path("title").asText()).isNotBlank();
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("detail").asText()).isNotBlank();
        if (status == 400 || status == 413) {
            JsonNode errors = json.path("errors");
            assertThat(errors.isArray() && !errors.isEmpty())
                    .as("errors name the fields")
                    .isTrue();
            Set<String> named = new HashSet<>();
            errors.forEach(e -> named.add(e.path("field").asText()));
            assertThat(named).doesNotContain("");
            assertThat(named).containsAll(body.badFields());
        }
    }
}
