package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** A fault in the rules (here: no rule decides a track) gives a calm page, not a stack trace, and no answer leaks. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoPlanPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Advisor advisor;

    @Test
    void rulesThatCannotDecideGiveACalmPageAndLogNoAnswer(CapturedOutput output) throws Exception {
        RuleFiles all = RuleFiles.fromDirectory(Path.of("rules"));
        RuleSet withoutClassification = new RuleSetBuilder(10_000)
                .build(RuleFiles.of(
                        "rules without situation/",
                        all.files().stream()
                                .filter(f -> !f.path().contains("situation/"))
                                .toList()));
        RuleSet serving = advisor.ruleSet();
        MockHttpServletResponse response;
        try {
            advisor.use(withoutClassification);
            response = mvc.perform(post("/plan")
                            .with(csrf())
                            .param("answered", "relationship", "breach", "readiness", "daysElapsed")
                            .param("relationship", "FRIENDSHIP")
                            .param("breach", "HIDDEN_BEHAVIOUR")
                            .param("readiness", "REBUILDING")
                            .param("daysElapsed", "777"))
                    .andReturn()
                    .getResponse();
        } finally {
            advisor.use(serving);
        }

        assertThat(response.getStatus()).isEqualTo(500);
        String html = response.getContentAsString();
        assertThat(html)
                .contains(
                        "<title>Sorry, no plan could be made – Repairing broken trust</title>",
                        "This is a fault in the advisor, not in your answers.",
                        "id=\"leave\"",
                        ">Start again</a>",
                        "Call or text 988",
                        "href=\"tel:116123\"",
                        "href=\"tel:08082000247\"",
                        "href=\"tel:911\"");
        assertThat(html).doesNotContain("FRIENDSHIP", "HIDDEN_BEHAVIOUR", "REBUILDING", "777", "Exception");
        assertThat(output.getAll())
                .contains("No plan could be made for a web questionnaire")
                .doesNotContain("FRIENDSHIP", "HIDDEN_BEHAVIOUR", "REBUILDING");
    }
}
