package org.trustrepair.advisor.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * Hostile and broken bodies at {@code POST /api/advice}, made by {@link Bodies} from a seeded random source: 100,000
 * through MockMvc (the real controller, error advice, Spring Security and the request limits of the whole
 * application, without the network), and 2,000 over real HTTP to the same server (Tomcat and its filters). Whatever
 * comes in, the answer is never a 5xx, never names a Java class, never repeats a value sent; a 4xx is the contract's
 * problem+json, a 200 a plan.
 *
 * <p>The seed is fixed, so every run sends the same bodies; {@code -Dfuzz.seed=123} sends others. A failure names the
 * seed, the run and the index of the body, and the body itself: {@code Bodies.any(Bodies.random(seed, run, index))}
 * makes it again.
 */
class BadInputFuzzTest {

  private static final long DEFAULT_SEED = 20_240_611L;
  private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What a stack trace or an exception message would show. */
  private static final List<String> LEAKS = List.of("Exception", "org.", "com.fasterxml", "java.", "jakarta.",
      "\tat ", "Caused by");

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
    SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) server);
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
   * All but the bodies whose charset name MockMvc itself cannot parse (it throws in its own request set-up, before
   * the application); those are skipped here and go over HTTP only, where Tomcat carries them to the application.
   */
  @Test
  void throughTheWholeApplicationWithoutTheNetwork() {
    Run run = new Run("mockmvc");
    for (long index = 0; run.checked < 100_000; index++) {
      Bodies.Body body = Bodies.any(Bodies.random(SEED, run.name, index));
      if (!legalCharset(body.contentType())) {
        run.skipped++;
        continue;
      }
      run.send(index, body, () -> {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/advice").content(body.bytes());
        if (!body.contentType().isEmpty()) {
          // set as sent, unparsed: the builder's contentType(...) would refuse some of them itself
          request.with(r -> {
            r.setContentType(body.contentType());
            return r;
          });
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Answer(response.getStatus(), response.getContentType(),
            new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
      });
    }
    run.finish();
  }

  @Test
  void overHttp() {
    Run run = new Run("http");
    for (long index = 0; run.checked < 2_000; index++) {
      Bodies.Body body = Bodies.any(Bodies.random(SEED, run.name, index));
      run.send(index, body, () -> {
        HttpRequest.Builder request = HttpRequest.newBuilder(advice).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (!body.contentType().isEmpty()) {
          request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
            response.body());
      });
    }
    run.finish();
  }

  private static boolean legalCharset(String contentType) {
    int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at < 0) {
      return true;
    }
    String name = contentType.substring(at + "charset=".length()).split(";")[0].strip().replace("\"", "");
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
    final long started = System.nanoTime();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> kinds = new TreeMap<>();
    int checked;
    int skipped;

    Run(String name) {
      this.name = name;
    }

    /** Sends one body and checks the answer; a failure names the seed, the run, the index and the body. */
    void send(long index, Bodies.Body body, Exchange exchange) {
      Answer answer = null;
      try {
        answer = exchange.send();
        statuses.merge(answer.status(), 1, Integer::sum);
        kinds.merge(body.kind(), 1, Integer::sum);
        checked++;
        check(body, answer.status(), answer.contentType(), answer.text());
      } catch (AssertionError | Exception e) {
        throw new AssertionError("fuzz." + name + " failed on body #" + index + " of seed " + SEED
            + " (rerun with -Dfuzz.seed=" + SEED + "; Bodies.any(Bodies.random(" + SEED + "L, \"" + name + "\", "
            + index + ")) makes it again)\n  body: " + body + "\n  answer: " + shorten(answer) + "\n  "
            + e.getMessage(), e);
      }
    }

    /** One line of counts, and proof that the run made every kind of body and saw both a plan and a refusal. */
    void finish() {
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("fuzz." + name + " seed=" + SEED + " checked=" + checked + " skipped=" + skipped
          + " millis=" + millis + " status=" + statuses + " kind=" + kinds);
      assertThat(kinds.keySet()).as("fuzz.%s (seed %d) made every kind of body", name, SEED)
          .containsAll(Bodies.KINDS);
      assertThat(statuses.keySet()).as("fuzz.%s (seed %d) saw both plans and refusals", name, SEED)
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
      assertThat(errors.isArray() && !errors.isEmpty()).as("errors name the fields").isTrue();
      Set<String> named = new HashSet<>();
      errors.forEach(e -> named.add(e.path("field").asText()));
      assertThat(named).doesNotContain("");
      assertThat(named).containsAll(body.badFields());
    }
  }
}
