package org.trustrepair.advisor.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The read constraints are the ones set in {@link RequestLimits}, not Jackson's defaults (nesting 1,000, numbers
 * 1,000 digits, strings 20 MB, names 50,000 chars): each is tested just inside and just past its limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestLimitsTest {

    private static final String TOO_BIG = "too large or too deeply nested";
    private static final String ANSWERS =
            "\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\"";

    @Autowired
    MockMvc mvc;

    ResultActions post(String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/advice")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void nestingDepthIs32() throws Exception {
        // the object itself is level 1
        post("{" + ANSWERS + ",\"daysElapsed\":1,\"safety\":" + "[".repeat(31) + "]".repeat(31) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-answers"));
        post("{" + ANSWERS + ",\"daysElapsed\":1,\"safety\":" + "[".repeat(32) + "]".repeat(32) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(TOO_BIG)));
    }

    @Test
    void numbersHaveAtMost20Digits() throws Exception {
        post("{" + ANSWERS + ",\"daysElapsed\":" + "1".repeat(20) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("daysElapsed"));
        post("{" + ANSWERS + ",\"daysElapsed\":" + "1".repeat(21) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(TOO_BIG)));
    }

    @Test
    void stringsHaveAtMost10000Characters() throws Exception {
        post("{" + ANSWERS + ",\"daysElapsed\":1,\"disclosure\":\"" + "x".repeat(10_000) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("disclosure"));
        post("{" + ANSWERS + ",\"daysElapsed\":1,\"disclosure\":\"" + "x".repeat(10_001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(TOO_BIG)));
    }

    @Test
    void namesHaveAtMost200Characters() throws Exception {
        post("{" + ANSWERS + ",\"daysElapsed\":1,\"" + "n".repeat(200) + "\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-answers"));
        post("{" + ANSWERS + ",\"daysElapsed\":1,\"" + "n".repeat(201) + "\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(TOO_BIG)));
    }

    @Test
    void bodiesHaveAtMost16KiB() throws Exception {
        // two fields of padding, each under the string limit, to exactly 16,384 bytes
        String head = "{" + ANSWERS + ",\"daysElapsed\":1,\"pad\":\"" + "x".repeat(8_000) + "\",\"pad2\":\"";
        String fits = head + "x".repeat(16_384 - head.length() - 2) + "\"}";
        post(fits)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-answers"));
        post(fits.replace("\"pad\":\"", "\"pad\":\"x"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }
}
