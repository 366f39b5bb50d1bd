package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.answers;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * Answers travel only in POST bodies: never in a URL, a redirect, the session, a cookie, a log or a cache. Every page
 * carries the security headers, no inline script or style, and a CSRF token in every form.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class QuestionnairePrivacyTest {

    private static final String CSRF_ATTRIBUTE = HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";

    @Autowired
    WebClient webClient;

    @Autowired
    MockMvc mvc;

    NoScriptVisitor visitor;

    @BeforeEach
    void visitor() {
        visitor = new NoScriptVisitor(webClient);
    }

    /** Answers for each track, with values easy to spot if they leaked. */
    static final List<Map<String, List<String>>> JOURNEYS = List.of(
            answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "INFIDELITY",
                    "readiness",
                    "NO_CONTACT",
                    "daysElapsed",
                    "4321",
                    "apologiesMade",
                    "37",
                    "safety",
                    List.of("MY_SELF_HARM", "ORDER_AGAINST_ME")),
            answers(
                    "role",
                    "WAS_HURT",
                    "relationship",
                    "FAMILY",
                    "breach",
                    "BROKEN_CONFIDENCE",
                    "daysElapsed",
                    "2468",
                    "stillHappening",
                    "true"),
            answers(
                    "relationship",
                    "WORKPLACE",
                    "breach",
                    "HONEST_MISTAKE",
                    "readiness",
                    "WILLING_TO_TALK",
                    "daysElapsed",
                    "1357",
                    "disclosure",
                    "CONFESSED"));

    /** Every value a person could answer, and the numbers the journeys type. */
    static List<String> answerValues() {
        List<String> values = new ArrayList<>(List.of("4321", "37", "2468", "1357"));
        values.addAll(answerWords());
        return values;
    }

    /** The answers' words only: a number could turn up in a log's timestamp by chance. */
    static List<String> answerWords() {
        List<String> values = new ArrayList<>();
        for (Class<? extends Enum<?>> type :
                List.of(Relationship.class, Breach.class, Readiness.class, SafetyFlag.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                values.add(value.name());
            }
        }
        values.addAll(List.of("BROKE_TRUST", "WAS_HURT", "CONFESSED", "PARTLY_DISCLOSED", "UNDISCLOSED"));
        values.remove("OTHER");
        return values;
    }

    @Test
    void noAnswerEverReachesAUrlOrARedirect() throws IOException {
        for (Map<String, List<String>> journey : JOURNEYS) {
            HtmlPage plan = visitor.plan(journey);
            NoScriptVisitor.button(plan, "Download as text").click();
        }

        assertThat(visitor.requests).hasSizeGreaterThan(30);
        for (WebRequest request : visitor.requests) {
            String url = request.getUrl().toString();
            assertThat(request.getUrl().getQuery()).as(url).isNull();
            assertThat(answerValues()).as("answers in %s", url).noneMatch(url::contains);
            if (url.endsWith("/plan")
                    || url.endsWith("/plan/text")
                    || (url.endsWith("/questions")
                            && !request.getRequestParameters().isEmpty())) {
                assertThat(request.getHttpMethod().name()).as(url).isEqualTo("POST");
            }
        }
        for (WebResponse response : visitor.responses) {
            assertThat(response.getStatusCode())
                    .as("no redirect: pages answer the POST itself")
                    .isLessThan(300);
            assertThat(response.getResponseHeaderValue("Location")).isNull();
            assertThat(response.getResponseHeaderValue("Set-Cookie")).isNull();
            assertThat(response.getResponseHeaderValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void aPlanAddressWithoutAnswersStartsAgainAndTakesNothingFromTheUrl() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/plan").param("relationship", "ROMANTIC"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theSessionHoldsTheCsrfTokenAndNothingElse() throws Exception {
        MockHttpSession session = new MockHttpSession();
        List<RequestBuilder> journey = List.of(
                get("/").session(session),
                get("/questions").session(session),
                post("/questions")
                        .session(session)
                        .with(csrf().asHeader())
                        .param("question", "role")
                        .param("role", "WAS_HURT"),
                post("/plan")
                        .session(session)
                        .with(csrf())
                        .param("answered", "role", "relationship", "breach", "daysElapsed", "safetyViolence")
                        .param("role", "WAS_HURT")
                        .param("relationship", "FAMILY")
                        .param("breach", "BROKEN_CONFIDENCE")
                        .param("daysElapsed", "2468")
                        .param("safetyViolence", "VIOLENCE_BY_THEM"),
                post("/plan/text")
                        .session(session)
                        .with(csrf())
                        .param("answered", "relationship", "breach", "readiness", "daysElapsed")
                        .param("relationship", "FAMILY")
                        .param("breach", "BROKEN_CONFIDENCE")
                        .param("readiness", "UNDECIDED")
                        .param("daysElapsed", "2468"));
        for (RequestBuilder request : journey) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getCookies())
                    .as("no cookie but the container's session cookie")
                    .isEmpty();
            List<String> names = Collections.list(session.getAttributeNames());
            assertThat(names).isSubsetOf(CSRF_ATTRIBUTE);
            for (String name : names) {
                // as whole words: the token is random base64, where a short number such as "37" turns up by chance
                String held = String.valueOf(session.getAttribute(name));
                assertThat(answerValues())
                        .noneMatch(value -> Pattern.compile(
                                        "(?<![A-Za-z0-9_-])" + Pattern.quote(value) + "(?![A-Za-z0-9_-])")
                                .matcher(held)
                                .find());
            }
        }
    }

    @Test
    void answersAreNotLoggedEvenWithWebDebugLogging(CapturedOutput output) throws IOException {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("org.springframework.web", "org.springframework.security", "org.trustrepair");
        loggers.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
        int start = output.length();
        try {
            for (Map<String, List<String>> journey : JOURNEYS) {
                visitor.plan(journey);
            }
        } finally {
            loggers.forEach(name -> logging.setLogLevel(name, null));
        }
        String logged = output.toString().substring(start);

        assertThat(logged).as("debug logging was on").contains("Secured POST /plan", "QuestionnaireController#plan");
        assertThat(answerWords()).noneMatch(logged::contains);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/questions",
                "/css/questionnaire.css",
                "/css/print.css",
                "/js/questionnaire.js",
                "/no-such-page",
                "/error"
            })
    void everyResponseIsNotStoredAndCarriesTheSecurityHeaders(String path) throws Exception {
        assertSecurityHeaders(
                mvc.perform(get(path).accept("text/html")).andReturn().getResponse());
    }

    @Test
    void postedPagesAndTheDownloadCarryTheSecurityHeadersToo() throws Exception {
        assertSecurityHeaders(mvc.perform(post("/questions")
                        .with(csrf())
                        .param("question", "role")
                        .param("role", "BROKE_TRUST"))
                .andReturn()
                .getResponse());
        assertSecurityHeaders(mvc.perform(post("/plan")
                        .with(csrf())
                        .param("answered", "relationship", "breach", "readiness", "daysElapsed")
                        .param("relationship", "ROMANTIC")
                        .param("breach", "INFIDELITY")
                        .param("readiness", "UNDECIDED")
                        .param("daysElapsed", "5"))
                .andReturn()
                .getResponse());
        assertSecurityHeaders(mvc.perform(post("/plan/text")
                        .with(csrf())
                        .param("answered", "relationship", "breach", "readiness", "daysElapsed")
                        .param("relationship", "ROMANTIC")
                        .param("breach", "INFIDELITY")
                        .param("readiness", "UNDECIDED")
                        .param("daysElapsed", "5"))
                .andReturn()
                .getResponse());
    }

    static void assertSecurityHeaders(MockHttpServletResponse response) {
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void everyPageHasTheWayOutNoInlineScriptOrStyleAndAPostWithATokenInEveryForm() throws IOException {
        List<HtmlPage> pages = new ArrayList<>();
        pages.add(visitor.startPage());
        HtmlPage page = visitor.firstQuestion();
        pages.add(page);
        pages.add(NoScriptVisitor.answer(page, List.of()));
        NoScriptVisitor.Walk walk = visitor.walk(JOURNEYS.get(0));
        pages.add(walk.checkPage());
        pages.add(NoScriptVisitor.seePlan(walk.checkPage()));

        for (HtmlPage each : pages) {
            String html = each.getWebResponse().getContentAsString();
            String name = each.getTitleText();
            assertThat(each.getAnchorByText("Leave this page quickly").getHrefAttribute())
                    .as(name)
                    .isEqualTo("https://www.bbc.com/weather");
            assertThat(each.querySelectorAll("script"))
                    .as(name)
                    .allSatisfy(s ->
                            assertThat(((DomElement) s).getAttribute("src")).startsWith("/js/"));
            assertThat(each.querySelectorAll("style, [style]")).as(name).isEmpty();
            assertThat(EVENT_HANDLER.matcher(html).find())
                    .as("no inline event handler on %s", name)
                    .isFalse();
            assertThat(html)
                    .as(name)
                    .doesNotContain("http://")
                    .doesNotContain("src=\"https:")
                    .doesNotContain("href=\"//");
            each.querySelectorAll("form").forEach(form -> {
                DomElement f = (DomElement) form;
                assertThat(f.getAttribute("method")).as(name).isEqualTo("post");
                assertThat(f.getAttribute("autocomplete"))
                        .as("browsers keep no answers: %s", name)
                        .isEqualTo("off");
                assertThat((Object) f.querySelector("input[name=_csrf]"))
                        .as("CSRF token in a form on %s", name)
                        .isNotNull();
            });
        }
    }

    @Test
    void aFormWithoutItsTokenIsRefused() throws IOException {
        HtmlPage question = visitor.firstQuestion();
        ((DomElement) question.querySelector("input[name=_csrf]")).setAttribute("value", "forged");
        HtmlElement continueButton = ((HtmlInput) question.querySelector("input[name=question]"))
                .getEnclosingForm()
                .getButtonByName("go");

        assertThat(continueButton.click().getWebResponse().getStatusCode()).isEqualTo(403);
    }

    /** MockMvc does not forward to the error page, so ask for it as the container would. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "403 | This page has expired | Please start again",
                "404 | Page not found | nothing at this address",
                "500 | Sorry, something went wrong | Nothing you answered has been kept"
            })
    void errorPagesAreCalmAndKeepTheWayOut(int status, String title, String says) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/error")
                        .accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/questions"))
                .andReturn()
                .getResponse();
        String html = response.getContentAsString();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(html)
                .contains(
                        "<title>" + title + " – Repairing broken trust</title>",
                        says,
                        "<a id=\"leave\" class=\"leave\" href=\"https://www.bbc.com/weather\"",
                        "href=\"/\">Start again</a>");
        assertThat(html).doesNotContain("Whitelabel", "Exception", "trace");
    }
}
