package org.trustrepair.advisor.workbench;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.proof.Sweep;

/** The workbench page: off by default; when on, the loaded rules, every rule, and the what-if form. */
class WorkbenchPageTest {

    @Nested
    @SpringBootTest(properties = "advisor.workbench.reload.enabled=false")
    @AutoConfigureMockMvc
    class WhenOff {

        @Autowired
        MockMvc mvc;

        @Test
        void thePageIsNotThere() throws Exception {
            mvc.perform(get("/workbench")).andExpect(status().isNotFound());
            mvc.perform(post("/workbench/what-if").with(csrf()).param("relationship", "ROMANTIC"))
                    .andExpect(status().isNotFound());
        }
    }

    @Nested
    @SpringBootTest(
            properties = {
                "advisor.workbench.enabled=true",
                "server.address=127.0.0.1", // a counsellor's laptop: no login (WorkbenchLoginTest)
                "advisor.workbench.reload.enabled=false",
                "advisor.workbench.reload.sweep=none"
            })
    @AutoConfigureMockMvc
    class WhenOn {

        @Autowired
        MockMvc mvc;

        @Autowired
        Advisor advisor;

        @Autowired
        RuleLoads loads;

        @Test
        void showsTheVersionWhereItCameFromAndEveryRule() throws Exception {
            mvc.perform(get("/workbench"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(content()
                            .string(allOf(
                                    containsString("<code id=\"rules-version\">" + advisor.rulesVersion() + "</code>"),
                                    containsString(advisor.ruleSet().origin()),
                                    containsString("No contact means none, direct or indirect"),
                                    containsString("step-back/step-back.drl:"),
                                    containsString("situation/periods.drl.csv:10"),
                                    containsString("step act-instead-of-apologizing"),
                                    containsString("comment-1-half-truths-told-to-move-on"),
                                    containsString("name=\"_csrf\""),
                                    not(containsString("<script")))));
        }

        @Test
        void saysCheckingWhileAnEditIsCheckedAndTheOldVersionServes() throws Exception {
            loads.checking("0123456789ab");
            try {
                mvc.perform(get("/workbench"))
                        .andExpect(status().isOk())
                        .andExpect(content()
                                .string(allOf(
                                        containsString("Checking… an edit (version"),
                                        containsString("<code>0123456789ab</code>"))));
            } finally {
                loads.doneChecking();
            }
            mvc.perform(get("/workbench")).andExpect(content().string(not(containsString("Checking…"))));
        }

        @Test
        void showsHowManySituationsEachRuleFiresForOnceSwept() throws Exception {
            var rules = advisor.ruleSet();
            // the page shows counts once a sweep is in: a stand-in for one (the sweep itself is tested in proof/)
            Map<String, Long> perRule = new TreeMap<>();
            rules.rules().keySet().forEach(name -> perRule.put(name, 7L));
            loads.swept(
                    rules.version(),
                    new Sweep.Result(
                            null,
                            7,
                            Duration.ofSeconds(1),
                            Map.of(),
                            Map.of(),
                            0,
                            null,
                            perRule,
                            List.of(),
                            true,
                            null,
                            7,
                            1));

            mvc.perform(get("/workbench"))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("how many each rule fires for"), not(containsString("not swept")))));
        }

        @Test
        void theWhatIfShowsThePlanTheRulesThatFiredAndWhatTimeChanges() throws Exception {
            mvc.perform(post("/workbench/what-if")
                            .with(csrf())
                            .param("role", "BROKE_TRUST")
                            .param("relationship", "ROMANTIC")
                            .param("breach", "HALF_TRUTHS")
                            .param("readiness", "NEEDS_SPACE")
                            .param("daysElapsed", "10")
                            .param("disclosure", "DISCOVERED")
                            .param("stillHappening", "false")
                            .param("happenedBefore", "false")
                            .param("apologiesMade", "1")
                            .param("othersAffected", "false"))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("id=\"what-if-result\""),
                                    containsString("Track <strong>STEP_BACK</strong>"),
                                    containsString("leave-one-door-open"),
                                    containsString("Rules that fired"),
                                    containsString("<li>Step back when they need space and have had an apology</li>"),
                                    containsString("<li>The first two weeks</li>"),
                                    containsString("a week later</span> (<span>17</span> days)"),
                                    containsString("a year later</span> (<span>375</span> days)"))));
        }

        @Test
        void answersThatCannotBeReadAreNamedNotEvaluated() throws Exception {
            mvc.perform(post("/workbench/what-if")
                            .with(csrf())
                            .param("relationship", "ROMANTIC")
                            .param("daysElapsed", "-3"))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("id=\"what-if-problems\""),
                                    containsString("breach: "),
                                    not(containsString("id=\"what-if-result\"")))));
        }

        @Test
        void theFormNeedsItsCsrfToken() throws Exception {
            mvc.perform(post("/workbench/what-if").param("relationship", "ROMANTIC"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void showsTheLastRefusedEditAndWhy() throws Exception {
            loads.rejected(new RuleLoads.Rejection(
                    Instant.parse("2026-01-02T03:04:05Z"),
                    "0123abcd",
                    List.of("step-back/step-back.drl:44: mismatched input 'whne'")));

            mvc.perform(get("/workbench"))
                    .andExpect(content()
                            .string(allOf(
                                    containsString("2026-01-02 03:04:05 UTC"),
                                    containsString("0123abcd"),
                                    containsString("step-back/step-back.drl:44: mismatched input"))));
        }
    }
}
