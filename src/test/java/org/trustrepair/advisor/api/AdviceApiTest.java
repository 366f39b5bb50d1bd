package org.trustrepair.advisor.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.system.RequestLimits;
import org.trustrepair.advisor.system.SecurityConfiguration;

@WebMvcTest(
        controllers = AdviceController.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.trustrepair\\.advisor\\.questionnaire\\..*"))
@Import({AdviceApiTest.RealAdvisor.class, SecurityConfiguration.class, RequestLimits.class})
class AdviceApiTest {

    @TestConfiguration
    static class RealAdvisor {
        @Bean
        Advisor advisor() {
            return RulesFolder.advisor();
        }

        /** The web slice has no metrics of its own; the refusals count here (MetricsTest reads them in the app). */
        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    private org.springframework.test.web.servlet.ResultActions postJson(String body) throws Exception {
        return mvc.perform(
                post("/api/advice").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void answersWithAnOrderedExplainedPlan() throws Exception {
        postJson("""
        {"relationship":"ROMANTIC","breach":"HALF_TRUTHS","readiness":"NEEDS_SPACE",
         "daysElapsed":20,"disclosure":"DISCOVERED","apologiesMade":2}""")
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.rulesVersion").value(RulesFolder.ruleSet().version()))
                .andExpect(jsonPath("$.classification.track").value("STEP_BACK"))
                .andExpect(jsonPath("$.classification.nature").value("INTEGRITY"))
                .andExpect(jsonPath("$.classification.why", hasSize(4)))
                .andExpect(jsonPath("$.steps[0].order").value(1))
                .andExpect(jsonPath("$.steps[0].phase").value("REFLECT"))
                .andExpect(jsonPath("$.steps[*].id", hasItem("keep-behaving-differently")))
                .andExpect(jsonPath("$.steps[*].id", not(hasItem("apologize-fully"))))
                .andExpect(jsonPath("$.steps[*].why", everyItem(not(containsString("{")))))
                .andExpect(jsonPath("$.withheld[*].id", hasItem("apologize-again")))
                .andExpect(jsonPath("$.disclaimer", containsString("not therapy")));
    }

    @Test
    void servesTheQuestionnaireDefinition() throws Exception {
        mvc.perform(get("/api/questionnaire"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[*].field", hasItem("readiness")))
                .andExpect(jsonPath(
                        "$.questions[?(@.field=='readiness')].askedWhen.disclosure[*]", not(hasItem("UNDISCLOSED"))))
                .andExpect(jsonPath("$.questions[?(@.field=='theirResponse')].askedWhen.role[0]")
                        .value("WAS_HURT"))
                .andExpect(jsonPath("$.questions[?(@.field=='daysElapsed')].textFor.WAS_HURT")
                        .value("How many days ago did you find out?"))
                .andExpect(jsonPath("$.questions[?(@.field=='safety')].choices[*].value", hasItem("I_FEAR_THEM")))
                .andExpect(jsonPath("$.questions[?(@.field=='apologiesMade')].askedWhen.role[0]")
                        .value("BROKE_TRUST"))
                .andExpect(jsonPath("$.questions[?(@.field=='breach')].choices[*].value", hasItem("HONEST_MISTAKE")));
    }

    @Nested
    class BadInput {

        @Test
        void namesEachOffendingFieldWithItsAllowedValues() throws Exception {
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"CANARY_LIES\",\"daysElapsed\":-1}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.errors[?(@.field=='breach')].allowed[*]", hasItem("INFIDELITY")))
                    .andExpect(jsonPath("$.errors[?(@.field=='readiness')].message")
                            .value("is required"))
                    .andExpect(jsonPath("$.errors[?(@.field=='daysElapsed')].message")
                            .value("must be a whole number from 0 to 36500"))
                    .andExpect(content().string(not(containsString("CANARY_LIES"))));
        }

        @Test
        void rejectsUnknownFields() throws Exception {
            postJson(
                            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1,"
                                    + "\"readyness\":\"UNDECIDED\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("readyness"))
                    .andExpect(jsonPath("$.errors[0].allowed[*]", hasItem("readiness")));
        }

        @Test
        void listsAtMostTwentyProblemsTheContractsOwnFirst() throws Exception {
            StringBuilder body = new StringBuilder("{\"breach\":\"LIES\"");
            for (int i = 0; i < 1_000; i++) {
                body.append(",\"x").append(i).append("\":1");
            }
            String response = postJson(body.append('}').toString())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(20)))
                    .andExpect(jsonPath("$.errors[0].field").value("relationship"))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("breach")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("daysElapsed")))
                    .andExpect(jsonPath("$.detail", containsString("1004 answers need attention")))
                    .andExpect(jsonPath("$.detail", containsString("and 984 more")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            org.assertj.core.api.Assertions.assertThat(response.length()).isLessThan(8_000);
        }

        @Test
        void rejectsMalformedJsonWithoutAStackTrace() throws Exception {
            postJson("{\"relationship\": ROMANTIC")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("body"))
                    .andExpect(content().string(not(containsString("Exception"))))
                    .andExpect(content().string(not(containsString("com.fasterxml"))));
        }

        @Test
        void rejectsWrongTypes() throws Exception {
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\","
                            + "\"daysElapsed\":\"ten\",\"stillHappening\":\"yes\",\"safety\":\"ORDER_AGAINST_ME\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("daysElapsed")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("stillHappening")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("safety")));
        }

        @Test
        void theHurtPartyNeedNotSayWhereTheOtherStands() throws Exception {
            postJson("{\"role\":\"WAS_HURT\",\"relationship\":\"FRIENDSHIP\",\"breach\":\"BROKEN_CONFIDENCE\","
                            + "\"daysElapsed\":3}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.classification.track").value("HURT_PARTY"));
        }

        @Test
        void aFirstVersionSafetyFlagIsRefusedNamingTheDirectedFlagsThatReplaceIt() throws Exception {
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\","
                            + "\"daysElapsed\":1,\"safety\":[\"MY_SELF_HARM\",\"OTHER_PARTY_AFRAID\"]}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("safety[1]"))
                    .andExpect(jsonPath("$.errors[0].allowed", contains("THEY_FEAR_ME", "I_FEAR_THEM")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("THEY_FEAR_ME or I_FEAR_THEM")))
                    .andExpect(content().string(not(containsString("OTHER_PARTY_AFRAID"))));
            for (var replaced : org.trustrepair.advisor.advice.SafetyFlag.REPLACED.entrySet()) {
                postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\","
                                + "\"daysElapsed\":1,\"safety\":[\"" + replaced.getKey() + "\"]}")
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath(
                                "$.errors[0].allowed",
                                contains(replaced.getValue().stream()
                                        .map(Enum::name)
                                        .toArray())));
            }
        }

        @Test
        void readinessIsRefusedWhenTheOtherPersonDoesNotKnow() throws Exception {
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"HIDDEN_BEHAVIOUR\",\"readiness\":\"UNDECIDED\","
                            + "\"daysElapsed\":30,\"disclosure\":\"UNDISCLOSED\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("readiness"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("UNDISCLOSED")))
                    .andExpect(content().string(not(containsString("UNDECIDED"))));
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"HIDDEN_BEHAVIOUR\",\"daysElapsed\":30,"
                            + "\"disclosure\":\"UNDISCLOSED\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.classification.track").value("REPAIR"))
                    .andExpect(jsonPath("$.steps[*].id", hasItem("disclose-fully-once")));
        }

        @Test
        void readinessIsRequiredOnceTheOtherPersonKnows() throws Exception {
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"HIDDEN_BEHAVIOUR\",\"daysElapsed\":30,"
                            + "\"disclosure\":\"CONFESSED\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("readiness"))
                    .andExpect(jsonPath("$.errors[0].message").value("is required"))
                    .andExpect(jsonPath("$.errors[0].allowed[*]", hasItem("NEEDS_SPACE")));
        }

        @Test
        void readinessIsRefusedFromTheHurtParty() throws Exception {
            postJson("{\"role\":\"WAS_HURT\",\"relationship\":\"FRIENDSHIP\",\"breach\":\"BROKEN_CONFIDENCE\","
                            + "\"readiness\":\"NEEDS_SPACE\",\"daysElapsed\":3}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("readiness"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("theirResponse")))
                    .andExpect(content().string(not(containsString("NEEDS_SPACE"))));
        }

        @Test
        void theirResponseIsRefusedFromThePersonWhoBrokeTrust() throws Exception {
            postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\","
                            + "\"daysElapsed\":1,\"theirResponse\":\"MINIMIZES\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("theirResponse"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("WAS_HURT")))
                    .andExpect(content().string(not(containsString("MINIMIZES"))));
        }

        @Test
        void theHurtPartyMaySayHowTheOtherResponded() throws Exception {
            postJson("{\"role\":\"WAS_HURT\",\"relationship\":\"FRIENDSHIP\",\"breach\":\"BROKEN_CONFIDENCE\","
                            + "\"daysElapsed\":3,\"theirResponse\":\"DENIES_OR_BLAMES\",\"contactUnavoidable\":true}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.classification.track").value("HURT_PARTY"));
            postJson("{\"role\":\"WAS_HURT\",\"relationship\":\"FRIENDSHIP\",\"breach\":\"BROKEN_CONFIDENCE\","
                            + "\"daysElapsed\":3,\"theirResponse\":\"SORRY\",\"contactUnavoidable\":\"yes\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field=='theirResponse')].allowed[*]", hasItem("MAKING_AMENDS")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("contactUnavoidable")));
        }

        @Test
        void refusesAnythingButJson() throws Exception {
            mvc.perform(post("/api/advice").contentType(MediaType.TEXT_PLAIN).content("hello"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void plansAreNeverCached() throws Exception {
        postJson("{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1}")
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }
}
