package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.Questionnaire.Question;
import org.trustrepair.advisor.advice.RulesFolder;

/**
 * The page's own words ({@code messages.properties}) keep up with the core and the questionnaire definition: a new
 * phase, track or question type must not reach a person as {@code ??phase.X_en??}.
 */
class PageWordsTest {

    static final Properties words = new Properties();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = PageWordsTest.class.getResourceAsStream("/messages.properties")) {
            assertThat(in).isNotNull();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyPhaseAndTrackHasItsWordsInThePlan() {
        var plan = RulesFolder.advisor()
                .advise(org.trustrepair.advisor.advice.Answers.of(
                        org.trustrepair.advisor.advice.Relationship.ROMANTIC,
                        org.trustrepair.advisor.advice.Breach.OTHER,
                        org.trustrepair.advisor.advice.Readiness.UNDECIDED,
                        3));
        assertThat(plan.classification().summary()).isNotBlank();
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.phaseTitle()).isNotBlank());
        assertThat(words.keySet())
                .noneMatch(
                        k -> k.toString().startsWith("phase.") || k.toString().startsWith("track."));
    }

    @Test
    void everyQuestionTypeInTheDefinitionHasItsErrorMessages() {
        for (Question question : RulesFolder.advisor().questionnaire().questions()) {
            assertThat(words)
                    .as("error messages for a %s question (%s)", question.type(), question.field())
                    .containsKeys("error." + question.type() + ".required", "error." + question.type() + ".invalid");
        }
    }

    @Test
    void noWordIsLeftEmpty() {
        assertThat(words.stringPropertyNames())
                .allSatisfy(key -> assertThat(words.getProperty(key)).as(key).isNotBlank());
    }
}
