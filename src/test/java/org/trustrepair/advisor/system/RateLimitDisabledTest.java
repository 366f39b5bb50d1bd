package org.trustrepair.advisor.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code advisor.rate-limit.enabled=false}, no post is refused, whatever the limit says. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"advisor.rate-limit.enabled=false", "advisor.rate-limit.requests-per-minute=3"})
class RateLimitDisabledTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyPostIsServed() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/advice")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(RateLimitTest.ANSWERS)
                            .with(r -> {
                                r.setRemoteAddr("192.0.2.9");
                                return r;
                            }))
                    .andExpect(status().isOk());
        }
    }
}
