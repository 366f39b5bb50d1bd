package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Posts are limited per client: past the limit, 429 with Retry-After; other clients and pages are unaffected. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "advisor.rate-limit.requests-per-minute=3")
class RateLimitTest {

    static final String ANSWERS =
            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\"," + "\"daysElapsed\":1}";

    @Autowired
    MockMvc mvc;

    ResultActions postAnswers(String client) throws Exception {
        return mvc.perform(post("/api/advice")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ANSWERS)
                .with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                }));
    }

    @Test
    void theFourthPostInAMinuteGetsTooManyRequestsWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            postAnswers("192.0.2.1").andExpect(status().isOk());
        }

        String retryAfter = postAnswers("192.0.2.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/too-many-requests"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail", containsString("More than 3 requests a minute")))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse()
                .getHeader("Retry-After");

        // three a minute, refilled evenly: the next one is at most 20 seconds away
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 20L);
    }

    @Test
    void anotherClientIsUnaffected() throws Exception {
        for (int i = 0; i < 3; i++) {
            postAnswers("192.0.2.2").andExpect(status().isOk());
        }
        postAnswers("192.0.2.2").andExpect(status().isTooManyRequests());

        postAnswers("192.0.2.3").andExpect(status().isOk());
    }

    @Test
    void pagesAndQuestionsAreNotLimited() throws Exception {
        for (int i = 0; i < 4; i++) {
            postAnswers("192.0.2.4");
        }
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/questionnaire").with(r -> {
                        r.setRemoteAddr("192.0.2.4");
                        return r;
                    }))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theQuestionnairesFormPostsAreLimitedTooWithAShortPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            postForm("192.0.2.5").andExpect(status().isOk());
        }

        postForm("192.0.2.5")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Too many requests")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
    }

    ResultActions postForm(String client) throws Exception {
        return mvc.perform(post("/questions")
                .with(csrf())
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("question=role&answered=role&role=BROKE_TRUST")
                .with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                }));
    }

    @Test
    void clientsOfOneIpv6NetworkShareABucket() throws Exception {
        for (int i = 0; i < 3; i++) {
            postAnswers("2001:db8:1:2::" + (i + 1)).andExpect(status().isOk());
        }
        postAnswers("2001:db8:1:2:ffff::9").andExpect(status().isTooManyRequests());
        postAnswers("2001:db8:1:3::1").andExpect(status().isOk());
    }
}
