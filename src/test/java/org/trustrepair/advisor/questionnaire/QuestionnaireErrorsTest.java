package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.answer;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.answers;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.attribute;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.field;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.find;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.isCheckPage;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.text;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.texts;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A missing or invalid answer: the same page again, "Error: " before its title, a summary at the top whose links lead
 * to the field, the message at the field, what was typed and every earlier answer kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionnaireErrorsTest {

    @Autowired
    WebClient webClient;

    @Autowired
    MockMvc mvc;

    NoScriptVisitor visitor;

    @BeforeEach
    void visitor() {
        visitor = new NoScriptVisitor(webClient);
    }

    final Map<String, List<String>> before = answers(
            "role", "BROKE_TRUST", "relationship", "WORKPLACE", "breach", "LYING_AT_WORK", "readiness", "UNDECIDED");

    /** Answers from {@code before} until the page asking {@code field}. */
    HtmlPage questionAbout(String field) throws IOException {
        return questionAbout(field, before);
    }

    HtmlPage questionAbout(String field, Map<String, List<String>> answers) throws IOException {
        HtmlPage page = visitor.firstQuestion();
        while (!field.equals(field(page))) {
            String on = field(page);
            page = answer(page, answers.getOrDefault(on, List.of()));
            assertThat(field(page)).as("moved on from %s", on).isNotEqualTo(on);
        }
        return page;
    }

    static void assertErrorPage(HtmlPage page, String field, String title, String message) {
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(page.getTitleText()).isEqualTo("Error: " + title + " – Repairing broken trust");
        DomNode summary = find(page, ".error-summary");
        assertThat(summary).as("an error summary").isNotNull();
        assertThat(page.asXml().indexOf("error-summary"))
                .as("the summary comes before the question")
                .isLessThan(page.asXml().indexOf("<h1"));
        assertThat(text(page, ".error-summary__title")).isEqualTo("There is a problem");
        assertThat(attribute(page, ".error-summary a", "href")).isEqualTo("#" + field);
        assertThat(text(page, ".error-summary a")).isEqualTo(message);
        assertThat(find(page, "#" + field))
                .as("the link's target is the answer itself")
                .isInstanceOf(HtmlInput.class);
        assertThat(((HtmlInput) find(page, "#" + field)).getNameAttribute()).isEqualTo(field);
        assertThat(text(page, "#" + field + "-error")).isEqualTo("Error: " + message);
        assertThat(find(page, ".form-group--error")).isNotNull();
    }

    /** The earlier answers still ride along in the form, as hidden fields. */
    static void assertEarlierAnswersKept(HtmlPage page, Map<String, List<String>> earlier) {
        String form = ((HtmlInput) find(page, "input[name=question]"))
                .getEnclosingForm()
                .asXml();
        earlier.forEach((field, values) ->
                values.forEach(v -> assertThat(form).contains("name=\"" + field + "\" value=\"" + v + "\"")));
    }

    @Nested
    class ANumber {

        @Test
        void leftBlankWhenRequired() throws IOException {
            HtmlPage page = answer(questionAbout("daysElapsed"), List.of());

            assertErrorPage(
                    page, "daysElapsed", "How many days ago did they find out?", "Enter a number from 0 to 36500.");
            assertEarlierAnswersKept(page, before);
            assertThat(attribute(page, "#daysElapsed", "aria-describedby"))
                    .isEqualTo("daysElapsed-hint daysElapsed-error");
            assertThat(attribute(page, "#daysElapsed", "aria-invalid")).isEqualTo("true");
            assertThat(text(page, ".progress")).isEqualTo("Question 6 of 16");
        }

        @Test
        void notAWholeNumberKeepsWhatWasTyped() throws IOException {
            HtmlPage page = answer(questionAbout("daysElapsed"), List.of("about a month"));

            assertErrorPage(
                    page,
                    "daysElapsed",
                    "How many days ago did they find out?",
                    "Enter a whole number from 0 to 36500, in digits, for example 30.");
            assertThat(((HtmlInput) find(page, "#daysElapsed")).getValue()).isEqualTo("about a month");
            assertEarlierAnswersKept(page, before);
        }

        @Test
        void outOfTheQuestionsRange() throws IOException {
            HtmlPage page = answer(questionAbout("daysElapsed"), List.of("40000"));

            assertErrorPage(
                    page,
                    "daysElapsed",
                    "How many days ago did they find out?",
                    "Enter a whole number from 0 to 36500, in digits, for example 30.");
        }

        @Test
        void correctedMovesOnWithEverythingKept() throws IOException {
            HtmlPage error = answer(questionAbout("daysElapsed"), List.of("-3"));
            HtmlPage next = answer(error, List.of("30"));

            assertThat(next.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(field(next)).isEqualTo("stillHappening");
            assertThat(find(next, ".error-summary")).isNull();
            assertThat(next.getTitleText()).doesNotStartWith("Error");
            assertEarlierAnswersKept(
                    next,
                    answers(
                            "role",
                            "BROKE_TRUST",
                            "relationship",
                            "WORKPLACE",
                            "breach",
                            "LYING_AT_WORK",
                            "readiness",
                            "UNDECIDED",
                            "daysElapsed",
                            "30"));
        }

        @Test
        void leftBlankWhenOptionalTakesTheDefault() throws IOException {
            HtmlPage page = answer(
                    questionAbout(
                            "apologiesMade",
                            answers(
                                    "relationship",
                                    "WORKPLACE",
                                    "breach",
                                    "LYING_AT_WORK",
                                    "readiness",
                                    "UNDECIDED",
                                    "daysElapsed",
                                    "10")),
                    List.of());

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(field(page)).isEqualTo("othersAffected");
        }
    }

    @Nested
    class AChoice {

        @Test
        void leftBlankWhenRequired() throws IOException {
            HtmlPage page = answer(questionAbout("relationship"), List.of());

            assertErrorPage(page, "relationship", "What is the relationship?", "Choose one answer.");
            assertEarlierAnswersKept(page, answers("role", "BROKE_TRUST"));
            assertThat(attribute(page, "fieldset", "aria-describedby"))
                    .isEqualTo("relationship-hint relationship-error");
            assertThat(texts(page, ".option__label")).hasSize(4);
        }

        @Test
        void requiredOnlyWhenTheDefinitionSaysSo() throws IOException {
            HtmlPage page = visitor.firstQuestion();
            page = answer(page, List.of("WAS_HURT"));
            page = answer(page, List.of("FAMILY"));
            page = answer(page, List.of("BROKEN_PROMISE"));
            assertThat(field(page))
                    .as("the hurt party is asked how the other responded, not where they stand")
                    .isEqualTo("theirResponse");
            page = answer(page, List.of());

            assertThat(page.getWebResponse().getStatusCode())
                    .as("their response may be skipped")
                    .isEqualTo(200);
            assertThat(field(page)).isEqualTo("daysElapsed");
        }

        @Test
        void readinessIsRequiredOfThePersonWhoBrokeTrust() throws IOException {
            HtmlPage page = answer(questionAbout("readiness"), List.of());

            assertErrorPage(page, "readiness", "Where does the other person stand now?", "Choose one answer.");
        }
    }

    @Nested
    class AtThePlan {

        @Test
        void aRequiredAnswerMissingFromTheFormShowsItsQuestionWithTheError() throws Exception {
            String body = mvc.perform(post("/plan")
                            .with(csrf())
                            .param("answered", "relationship", "breach", "readiness", "daysElapsed")
                            .param("relationship", "ROMANTIC")
                            .param("breach", "INFIDELITY")
                            .param("readiness", "UNDECIDED"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            assertThat(body)
                    .contains("<title>Error: How many days ago did they find out? – Repairing broken trust</title>")
                    .contains("href=\"#daysElapsed\"")
                    .contains("name=\"returning\" value=\"check\"")
                    .contains("name=\"relationship\" value=\"ROMANTIC\"");
        }

        @Test
        void aValueNoQuestionOffersIsRefusedAtItsQuestion() throws Exception {
            String body = mvc.perform(post("/plan")
                            .with(csrf())
                            .param("answered", "relationship", "breach", "readiness", "daysElapsed")
                            .param("relationship", "ROMANTIC")
                            .param("breach", "LIES")
                            .param("readiness", "UNDECIDED")
                            .param("daysElapsed", "12"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            assertThat(body)
                    .contains("<title>Error: What happened? – Repairing broken trust</title>")
                    .contains("Choose one of the answers shown.")
                    .doesNotContain("checked");
        }

        @Test
        void theDownloadRefusesAnswersItCannotRead() throws Exception {
            String body = mvc.perform(post("/plan/text")
                            .with(csrf())
                            .param("answered", "relationship")
                            .param("relationship", "ROMANTIC"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            assertThat(body).startsWith("Some answers are missing or not valid").doesNotContain("ROMANTIC");
        }
    }

    @Test
    void anErrorFixedFromTheCheckPageReturnsToIt() throws IOException {
        HtmlPage page = visitor.firstQuestion();
        while (!isCheckPage(page)) {
            page = answer(
                    page,
                    answers(
                                    "role",
                                    "BROKE_TRUST",
                                    "relationship",
                                    "WORKPLACE",
                                    "breach",
                                    "LYING_AT_WORK",
                                    "readiness",
                                    "UNDECIDED",
                                    "daysElapsed",
                                    "8")
                            .getOrDefault(field(page), List.of()));
        }
        HtmlPage change = NoScriptVisitor.button(page, "Change your answer to: How many days ago did they find out?")
                .click();
        HtmlPage error = answer(change, List.of("soon"));
        assertThat(error.getWebResponse().getStatusCode()).isEqualTo(400);
        HtmlPage back = answer(error, List.of("9"));

        assertThat(isCheckPage(back)).isTrue();
        assertThat(texts(back, ".summary__value").get(5)).isEqualTo("9");
    }
}
