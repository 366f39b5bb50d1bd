package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.answers;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.attribute;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.button;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.checked;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.field;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.find;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.isCheckPage;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.text;
import static org.trustrepair.advisor.questionnaire.NoScriptVisitor.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Questionnaire.Choice;
import org.trustrepair.advisor.advice.Questionnaire.Question;

/**
 * The whole journey with JavaScript off, as a person meets it: start, each question, check your answers, the plan.
 * The plan on the page must be the Advisor's plan for the same answers, in the same order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionnaireJourneyTest {

    @Autowired
    WebClient webClient;

    @Autowired
    Advisor advisor;

    NoScriptVisitor visitor;

    @BeforeEach
    void visitor() {
        visitor = new NoScriptVisitor(webClient);
    }

    /** What the Advisor itself says for these answers (as the API would read them). */
    AdvicePlan advisorsPlan(Map<String, List<String>> answers) {
        var json = new ObjectMapper().createObjectNode();
        answers.forEach((field, values) -> {
            if (field.equals("safety")) {
                values.forEach(json.putArray("safety")::add);
            } else {
                json.put(field, values.get(0));
            }
        });
        AnswersReader.Result read = AnswersReader.textual().read(json);
        assertThat(read.problems()).isEmpty();
        return advisor.advise(read.answers());
    }

    /** The page shows exactly the Advisor's plan: the same steps, numbered and in order, and the same withheld advice. */
    void assertPageShows(HtmlPage page, AdvicePlan plan) {
        assertThat(texts(page, ".step__title"))
                .containsExactlyElementsOf(
                        plan.steps().stream().map(AdvicePlan.Step::title).toList());
        assertThat(numbersShown(page))
                .containsExactlyElementsOf(
                        plan.steps().stream().map(AdvicePlan.Step::order).toList());
        assertThat(texts(page, ".why__body p:first-child"))
                .containsExactlyElementsOf(
                        plan.steps().stream().map(AdvicePlan.Step::why).toList());
        assertThat(texts(page, ".withheld__title"))
                .containsExactlyElementsOf(plan.withheld().stream()
                        .map(AdvicePlan.WithheldAdvice::title)
                        .toList());
        assertThat(texts(page, ".reasons li"))
                .containsExactlyElementsOf(plan.classification().why());
        assertThat(find(page, "p.track")
                        .getAttributes()
                        .getNamedItem("data-track")
                        .getNodeValue())
                .isEqualTo(plan.classification().track().name());
        assertThat(text(page, ".about p")).isEqualTo(plan.disclaimer());
        assertThat(text(page, ".site-footer__version")).isEqualTo("Rules version " + plan.rulesVersion());
    }

    /** The number each step carries on the page: its list's start plus its place in the list. */
    static List<Integer> numbersShown(HtmlPage page) {
        List<Integer> numbers = new ArrayList<>();
        for (DomNode list : page.querySelectorAll("ol.steps")) {
            String start = ((DomElement) list).getAttribute("start");
            int n = start.isEmpty() ? 1 : Integer.parseInt(start);
            for (DomElement item : ((DomElement) list).getChildElements()) {
                if (item.getAttribute("class").contains("step")) {
                    numbers.add(n++);
                }
            }
        }
        return numbers;
    }

    static boolean comesBefore(HtmlPage page, String first, String second) {
        String html = page.asXml();
        return html.indexOf(first) >= 0 && html.indexOf(first) < html.indexOf(second);
    }

    @Nested
    class EachTrack {

        @Test
        void safetyPlanPutsTheHelpLinesFirstAndSetsThemApart() throws IOException {
            var answers = answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "HALF_TRUTHS",
                    "readiness",
                    "WILLING_TO_TALK",
                    "daysElapsed",
                    "20",
                    "safety",
                    List.of("THEY_FEAR_ME", "MY_SELF_HARM"));
            HtmlPage plan = visitor.plan(answers);

            assertPageShows(plan, advisorsPlan(answers));
            assertThat(text(plan, "p.track")).isEqualTo("Safety comes first. Everything else can wait.");
            assertThat(text(plan, "h1")).isEqualTo("Your plan");
            DomNode safety = plan.querySelector("section.safety");
            assertThat(safety).as("a safety section").isNotNull();
            assertThat(safety.asNormalizedText())
                    .contains("If anyone is in danger right now, call your local emergency number.")
                    .contains("Reach a crisis line now", "Samaritans", "116 123", "Respect Phoneline");
            assertThat(find(plan, "section.safety a[href='tel:116123']")).isNotNull();
            assertThat(comesBefore(plan, "Samaritans", "Your situation"))
                    .as("help lines before anything else")
                    .isTrue();
            assertThat(texts(plan, "h2"))
                    .containsSubsequence(
                            "Safety first", "Your situation", "What not to do now, and why", "About this plan");
            assertThat(texts(plan, "h2"))
                    .as("with thoughts of self-harm, everything beyond safety waits")
                    .doesNotContain("Then, in order");
            assertThat(texts(plan, ".withheld__title"))
                    .contains("Work on the relationship now, couples counselling included");
            assertThat(texts(plan, ".helpline"))
                    .as("each help line once, though two steps give the emergency numbers")
                    .doesNotHaveDuplicates()
                    .contains("Emergency services (United Kingdom) 999");
        }

        @Test
        void repairPlanApologizesOnceAndHasNoSafetySection() throws IOException {
            var answers = answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "WORKPLACE",
                    "breach",
                    "HONEST_MISTAKE",
                    "readiness",
                    "UNDECIDED",
                    "daysElapsed",
                    "3",
                    "disclosure",
                    "CONFESSED");
            HtmlPage plan = visitor.plan(answers);

            assertPageShows(plan, advisorsPlan(answers));
            assertThat(text(plan, "p.track"))
                    .isEqualTo(
                            "Repair may be possible: take the steps below in order, without rushing the other person.");
            assertThat(texts(plan, ".step__title"))
                    .contains("Own the mistake, once, plainly", "Deliver the fix, visibly");
            assertThat(texts(plan, ".withheld__title")).contains("Set a deadline for their trust");
            assertThat(find(plan, "section.safety")).isNull();
            assertThat(texts(plan, "h2")).contains("What to do, in order").doesNotContain("Safety first");
            assertThat(attribute(plan, "button[data-print]", "hidden"))
                    .as("Print needs JavaScript")
                    .isNotNull();
            assertThat(text(plan, ".plan-actions__hint"))
                    .isEqualTo("To print this plan, use your browser’s Print command.");
        }

        @Test
        void stepBackPlanSaysWhyNotToApologizeAgain() throws IOException {
            var answers = answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "INFIDELITY",
                    "readiness",
                    "NO_CONTACT",
                    "daysElapsed",
                    "20",
                    "apologiesMade",
                    "2");
            HtmlPage plan = visitor.plan(answers);

            assertPageShows(plan, advisorsPlan(answers));
            assertThat(text(plan, "p.track")).isEqualTo("Step back, and let what you do speak for you.");
            assertThat(texts(plan, ".step__title")).contains("Make no contact of any kind");
            assertThat(text(plan, "#not-apologize-to-them"))
                    .contains("Apologize to them, a first time or again", "however many came before");
            assertThat(find(plan, "section.safety")).isNull();
        }

        @Test
        void acceptPlanRespectsTheirDecision() throws IOException {
            var answers = answers(
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "HALF_TRUTHS",
                    "readiness",
                    "MOVED_ON",
                    "daysElapsed",
                    "20",
                    "disclosure",
                    "DISCOVERED",
                    "apologiesMade",
                    "2");
            HtmlPage plan = visitor.plan(answers);

            assertPageShows(plan, advisorsPlan(answers));
            assertThat(text(plan, "p.track")).isEqualTo("Accept their decision, and make amends by how you live.");
            assertThat(texts(plan, ".step__title")).contains("Accept their decision");
            assertThat(texts(plan, ".withheld__title"))
                    .contains("Apologize again", "Ask, or push, to be forgiven")
                    .doesNotContain("Set a deadline for their trust");
        }

        @Test
        void hurtPartyIsNotAskedAboutApologiesAndGetsTheirOwnAdvice() throws IOException {
            var answers = answers(
                    "role", "WAS_HURT", "relationship", "ROMANTIC", "breach", "INFIDELITY", "daysElapsed", "30");
            NoScriptVisitor.Walk walk = visitor.walk(answers);
            assertThat(walk.asked())
                    .doesNotContain("apologiesMade", "disclosure")
                    .containsExactly(
                            "role",
                            "relationship",
                            "breach",
                            "theirResponse",
                            "daysElapsed",
                            "stillHappening",
                            "happenedBefore",
                            "othersAffected",
                            "contactUnavoidable",
                            "safetyFear",
                            "safetyViolence",
                            "safetyControl",
                            "safetySelfHarm",
                            "safetyOrder");
            HtmlPage plan = NoScriptVisitor.seePlan(walk.checkPage());

            assertPageShows(plan, advisorsPlan(answers));
            assertThat(text(plan, "p.track")).isEqualTo("Whether you trust again is your choice, in your own time.");
            assertThat(texts(plan, ".step__title")).contains("Know that trust is your choice");
            assertThat(texts(plan, ".withheld__title")).contains("Check up on them in secret");
            assertThat(text(plan, "section.safety"))
                    .as("its safety step, with help lines, comes first")
                    .contains("Check your own safety first", "National Domestic Abuse Helpline");
        }
    }

    /**
     * The samples walked through the pages: in file order, each one that brings an answer no sample before it brought
     * (a field and its value; a number as 0, 1 or more; each safety answer ticked, and how many), or an expected
     * track. Every answer the samples give is carried through the pages at least once, and every track shown, without
     * walking all of them: there are a few hundred, more with every reading of the advice, and the samples' own tests
     * (API, batch, check) run each one.
     */
    static Stream<Path> samples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("samples"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        List<Path> chosen = new ArrayList<>();
        for (Path file : files) {
            JsonNode sample = json.readTree(file.toFile());
            Set<String> brings = new HashSet<>();
            sample.get("answers").fields().forEachRemaining(answer -> {
                JsonNode value = answer.getValue();
                if (value.isArray()) {
                    value.forEach(ticked -> brings.add(answer.getKey() + "=" + ticked.asText()));
                    brings.add(answer.getKey() + " ticked " + Math.min(value.size(), 3));
                } else if (value.isNumber()) {
                    brings.add(answer.getKey() + "=" + Math.min(value.asInt(), 2));
                } else {
                    brings.add(answer.getKey() + "=" + value.asText());
                }
            });
            brings.add("track=" + sample.path("expected").path("track").asText());
            if (seen.addAll(brings)) {
                chosen.add(file);
            }
        }
        return chosen.stream();
    }

    /** Samples chosen to carry every answer the samples give, answered through the pages, show the Advisor's plan. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleShowsTheAdvisorsPlan(Path sample) throws IOException {
        JsonNode json = new ObjectMapper().readTree(sample.toFile()).get("answers");
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            var entry = it.next();
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(entry.getValue().asText());
            }
            answers.put(entry.getKey(), values);
        }
        assertPageShows(visitor.plan(answers), advisorsPlan(answers));
    }

    @Test
    void everyQuestionIsWordedAsTheDefinitionWordsIt() throws IOException {
        HtmlPage page = visitor.firstQuestion();
        List<String> seen = new ArrayList<>();
        while (!isCheckPage(page)) {
            Question question = advisor.questionnaire().byId(field(page)).orElseThrow();
            seen.add(question.id());
            assertThat(text(page, "h1")).isEqualTo(question.text());
            assertThat(page.getTitleText())
                    .isEqualTo(question.text() + " – " + advisor.questionnaire().title());
            if (question.help() != null) {
                assertThat(text(page, "#" + question.id() + "-hint")).isEqualTo(question.help());
            }
            if (!question.choices().isEmpty()) {
                assertThat(texts(page, ".option__label"))
                        .containsExactlyElementsOf(
                                question.choices().stream().map(Choice::label).toList());
            }
            List<String> answer = switch (question.type()) {
                case "number" -> List.of("1");
                case "choice" ->
                    List.of(question.choices()
                            .get(
                                    switch (question.field()) {
                                        case "readiness" -> 2;
                                        case "disclosure" -> 3; // they know, so readiness is asked
                                        default -> 0;
                                    })
                            .value());
                case "yesno" -> List.of("false");
                default -> List.of();
            };
            page = NoScriptVisitor.answer(page, answer);
        }
        assertThat(seen)
                .as("every question, for the person who broke trust (theirResponse is the hurt party's)")
                .containsExactlyElementsOf(advisor.questionnaire().questions().stream()
                        .map(Question::id)
                        .filter(id -> !id.equals("theirResponse"))
                        .toList());
    }

    @Nested
    class CheckYourAnswers {

        final Map<String, List<String>> answers = answers(
                "role",
                "BROKE_TRUST",
                "relationship",
                "FRIENDSHIP",
                "breach",
                "BROKEN_PROMISE",
                "readiness",
                "NEEDS_SPACE",
                "daysElapsed",
                "45",
                "apologiesMade",
                "1",
                "happenedBefore",
                "true");

        @Test
        void listsEveryAnswerInTheDefinitionsWordsWithAChangeButton() throws IOException {
            HtmlPage check = visitor.walk(answers).checkPage();

            assertThat(check.getTitleText()).isEqualTo("Check your answers – Repairing broken trust");
            List<Question> questions = advisor.questionnaire().questions().stream()
                    .filter(q -> !q.field().equals("theirResponse"))
                    .toList();
            assertThat(texts(check, ".summary__key"))
                    .containsExactlyElementsOf(
                            questions.stream().map(Question::text).toList());
            String summary = text(check, ".summary");
            assertThat(summary)
                    .contains(
                            "I broke someone's trust",
                            "A friend",
                            "Breaking a promise",
                            "They are hurt or angry and not ready to talk",
                            "45");
            assertThat(summary)
                    .as("left blank: the default, said so")
                    .contains("Not answered, so taken as: They found out (or were told by someone else)");
            assertThat(texts(check, ".summary__actions button"))
                    .hasSize(questions.size())
                    .allSatisfy(b -> assertThat(b).startsWith("Change your answer to: "));
            assertThat(check.querySelectorAll(".summary__value").get(10).asNormalizedText())
                    .isEqualTo("Not answered, so taken as: No");
            assertThat(check.querySelectorAll(".summary__value").get(11).asNormalizedText())
                    .isEqualTo("None of these");
        }

        @Test
        void changingAnAnswerComesStraightBackToTheCheckPage() throws IOException {
            HtmlPage check = visitor.walk(answers).checkPage();
            HtmlPage question = button(check, "Change your answer to: What is the relationship?")
                    .click();

            assertThat(field(question)).isEqualTo("relationship");
            assertThat(checked(question, "#relationship-4"))
                    .as("the earlier answer is ticked")
                    .isTrue();
            HtmlPage back = NoScriptVisitor.answer(question, List.of("FAMILY"));

            assertThat(isCheckPage(back)).isTrue();
            assertThat(text(back, ".summary"))
                    .contains("Family")
                    .doesNotContain("A friend")
                    .contains("45");
        }

        @Test
        void becomingTheHurtPartyDropsTheApologyQuestionAndAsksNothingAlreadyAnswered() throws IOException {
            HtmlPage check = visitor.walk(answers).checkPage();
            HtmlPage role =
                    button(check, "Change your answer to: Which describes you?").click();
            HtmlPage asked = NoScriptVisitor.answer(role, List.of("WAS_HURT"));
            assertThat(field(asked))
                    .as("the one question new to the hurt party")
                    .isEqualTo("theirResponse");
            HtmlPage after = NoScriptVisitor.answer(asked, List.of());

            assertThat(isCheckPage(after)).isTrue();
            assertThat(texts(after, ".summary__key"))
                    .doesNotContain("How many times have you apologized for it so far?");
            assertThat(after.asXml()).doesNotContain("name=\"apologiesMade\"");
            HtmlPage plan = NoScriptVisitor.seePlan(after);
            assertThat(attribute(plan, "p.track", "data-track")).isEqualTo("HURT_PARTY");
        }

        @Test
        void backFromTheCheckPageGoesToTheLastQuestionWithItsAnswer() throws IOException {
            HtmlPage check = visitor.walk(with(answers, "safety", List.of("ORDER_AGAINST_ME")))
                    .checkPage();
            HtmlPage last = button(check, "Back").click();

            assertThat(field(last)).isEqualTo("safetyOrder");
            assertThat(checked(last, ".option__input[value=ORDER_AGAINST_ME]")).isTrue();
            assertThat(checked(last, ".option__input[value=ORDER_PROTECTING_ME]"))
                    .isFalse();
            HtmlPage before = button(last, "Back").click();
            assertThat(field(before)).isEqualTo("safetySelfHarm");
            assertThat(text(before, ".progress")).isEqualTo("Question 15 of 16");
        }
    }

    @Nested
    class V2Questions {

        @Test
        void theHurtPartyIsAskedWhenTheyFoundOutAndThePersonWhoBrokeTrustWhenTheOtherDid() throws IOException {
            var hurt = visitor.walk(answers(
                    "role", "WAS_HURT", "relationship", "ROMANTIC", "breach", "INFIDELITY", "daysElapsed", "30"));
            HtmlPage hurtCheck = hurt.checkPage();
            assertThat(texts(hurtCheck, ".summary__key"))
                    .contains("How many days ago did you find out?")
                    .doesNotContain("How many days ago did they find out?", "Where does the other person stand now?")
                    .contains("How has the person who broke your trust responded?");

            HtmlPage page = visitor.firstQuestion();
            page = NoScriptVisitor.answer(page, List.of("WAS_HURT"));
            while (!"daysElapsed".equals(field(page))) {
                page = NoScriptVisitor.answer(
                        page,
                        switch (field(page)) {
                            case "relationship" -> List.of("ROMANTIC");
                            case "breach" -> List.of("INFIDELITY");
                            default -> List.of();
                        });
            }
            assertThat(text(page, "h1")).isEqualTo("How many days ago did you find out?");
            assertThat(page.getTitleText()).startsWith("How many days ago did you find out?");
            assertThat(text(page, "#daysElapsed-hint")).doesNotContain("If they do not know yet");

            HtmlPage broke = visitor.walk(answers(
                            "role",
                            "BROKE_TRUST",
                            "relationship",
                            "ROMANTIC",
                            "breach",
                            "INFIDELITY",
                            "readiness",
                            "UNDECIDED",
                            "daysElapsed",
                            "30"))
                    .checkPage();
            assertThat(texts(broke, ".summary__key"))
                    .contains("How many days ago did they find out?")
                    .doesNotContain("How many days ago did you find out?");
        }

        @Test
        void readinessIsNotAskedWhenTheOtherPersonDoesNotKnow() throws IOException {
            var answers = answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "HIDDEN_BEHAVIOUR",
                    "disclosure",
                    "UNDISCLOSED",
                    "daysElapsed",
                    "100");
            NoScriptVisitor.Walk walk = visitor.walk(answers);
            assertThat(walk.asked()).contains("disclosure").doesNotContain("readiness", "theirResponse");
            HtmlPage plan = NoScriptVisitor.seePlan(walk.checkPage());
            assertPageShows(plan, advisorsPlan(answers));
            assertThat(texts(plan, ".step__title")).isNotEmpty();
        }

        @Test
        void eachDangerIsAskedOnItsOwnPageInBothDirectionsWithTheWayOutAtHand() throws IOException {
            var answers = answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "INFIDELITY",
                    "readiness",
                    "WILLING_TO_TALK",
                    "daysElapsed",
                    "20",
                    "safety",
                    List.of("I_FEAR_THEM", "VIOLENCE_BY_THEM", "THEIR_SELF_HARM"));
            NoScriptVisitor.Walk walk = visitor.walk(answers);
            List<String> safetyPages =
                    walk.asked().stream().filter(f -> f.startsWith("safety")).toList();
            assertThat(safetyPages)
                    .containsExactly("safetyFear", "safetyViolence", "safetyControl", "safetySelfHarm", "safetyOrder");

            HtmlPage page = visitor.firstQuestion();
            while (!"safetyFear".equals(field(page))) {
                String id = field(page);
                page = NoScriptVisitor.answer(page, answers.getOrDefault(id, List.of()));
            }
            assertThat(text(page, "h1")).isEqualTo("Is either of you afraid of the other?");
            assertThat(texts(page, ".option__label")).containsExactly("I am afraid of them", "They are afraid of me");
            assertThat(page.getElementById("leave"))
                    .as("the quick exit on a safety page")
                    .isNotNull();
            assertThat(text(page, ".hint")).contains("Nothing you tick is stored");

            HtmlPage check = walk.checkPage();
            assertThat(text(check, ".summary"))
                    .contains("I am afraid of them", "They have hurt or threatened me", "They have spoken of hurting")
                    .doesNotContain("They are afraid of me");
            HtmlPage plan = NoScriptVisitor.seePlan(check);
            AdvicePlan expected = advisorsPlan(answers);
            assertPageShows(plan, expected);
            assertThat(expected.classification().track().name()).isEqualTo("SAFETY");
            assertThat(expected.steps().get(0).id()).isEqualTo("help-for-them-without-going-back");
            assertThat(expected.steps().get(0).kinds()).contains("crisis-line");
            assertThat(expected.steps()).extracting(AdvicePlan.Step::id).contains("your-safety-first");
        }

        @Test
        void aDangerTickedOnOnePageIsKeptWhenGoingBackAndForth() throws IOException {
            var answers = answers(
                    "role",
                    "BROKE_TRUST",
                    "relationship",
                    "ROMANTIC",
                    "breach",
                    "INFIDELITY",
                    "readiness",
                    "WILLING_TO_TALK",
                    "daysElapsed",
                    "20",
                    "safety",
                    List.of("THEY_FEAR_ME", "ORDER_AGAINST_ME"));
            HtmlPage check = visitor.walk(answers).checkPage();
            HtmlPage fear = button(check, "Change your answer to: Is either of you afraid of the other?")
                    .click();
            assertThat(field(fear)).isEqualTo("safetyFear");
            assertThat(checked(fear, ".option__input[value=THEY_FEAR_ME]")).isTrue();
            HtmlPage back = NoScriptVisitor.answer(fear, List.of("THEY_FEAR_ME"));
            assertThat(isCheckPage(back)).isTrue();
            AdvicePlan expected = advisorsPlan(answers);
            assertPageShows(NoScriptVisitor.seePlan(back), expected);
            assertThat(expected.steps()).extracting(AdvicePlan.Step::id).contains("follow-the-order");
        }
    }

    static Map<String, List<String>> with(Map<String, List<String>> base, String field, List<String> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>(base);
        copy.put(field, values);
        return copy;
    }

    @Test
    void changeYourAnswersFromThePlanLeadsBackToTheSamePlan() throws IOException {
        var answers = answers(
                "role",
                "BROKE_TRUST",
                "relationship",
                "FAMILY",
                "breach",
                "BROKEN_CONFIDENCE",
                "readiness",
                "NEEDS_SPACE",
                "daysElapsed",
                "12");
        HtmlPage plan = visitor.plan(answers);
        HtmlPage check = button(plan, "Change your answers").click();

        assertThat(isCheckPage(check)).isTrue();
        assertThat(text(check, ".summary")).contains("Family", "Telling a secret I was trusted with", "12");
        HtmlPage again = NoScriptVisitor.seePlan(check);
        assertThat(texts(again, ".step__title")).isEqualTo(texts(plan, ".step__title"));
        assertPageShows(again, advisorsPlan(answers));
    }

    @Test
    void theFirstQuestionsBackLinkGoesToTheStartPage() throws IOException {
        HtmlPage first = visitor.firstQuestion();
        HtmlPage start = first.getAnchorByText("Back").click();
        assertThat(start.getTitleText()).isEqualTo("Repairing broken trust");
        assertThat(text(start, ".lead")).isEqualTo(advisor.questionnaire().intro());
    }

    @Test
    void startPageSaysWhatThisIsWhatItIsNotAndThatNothingIsStored() throws IOException {
        HtmlPage start = visitor.startPage();
        assertThat(text(start, "h1")).isEqualTo(advisor.questionnaire().title());
        assertThat(text(start, "main"))
                .contains(advisor.questionnaire().intro())
                .contains("It is not therapy", "They are not saved", "Leave this page quickly");
        assertThat(start.getAnchorByText("Start now").getHrefAttribute()).isEqualTo("/questions");
    }

    @Test
    void downloadAsTextIsTheSamePlanAsAnAttachment() throws IOException {
        var answers = answers(
                "role",
                "BROKE_TRUST",
                "relationship",
                "ROMANTIC",
                "breach",
                "INFIDELITY",
                "readiness",
                "NO_CONTACT",
                "daysElapsed",
                "20",
                "apologiesMade",
                "2",
                "safety",
                List.of("ORDER_AGAINST_ME"));
        HtmlPage plan = visitor.plan(answers);
        Page download = button(plan, "Download as text").click();

        var response = download.getWebResponse();
        assertThat(response.getWebRequest().getHttpMethod().name()).isEqualTo("POST");
        assertThat(response.getWebRequest().getUrl().toString()).isEqualTo("http://localhost/plan/text");
        assertThat(response.getContentType()).isEqualTo("text/plain");
        assertThat(response.getResponseHeaderValue("Content-Disposition"))
                .isEqualTo("attachment; filename=\"trust-repair-plan.txt\"");
        assertThat(response.getResponseHeaderValue("Cache-Control")).contains("no-store");
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        AdvicePlan expected = advisorsPlan(answers);
        assertThat(text)
                .contains(
                        "== Safety first ==",
                        "== What not to do now, and why ==",
                        expected.disclaimer(),
                        "Rules version " + expected.rulesVersion());
        List<String> lines = new ArrayList<>();
        expected.steps().forEach(s -> lines.add(s.order() + ". " + s.title()));
        assertThat(text.lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.replaceAll(" \\([^)]*\\)$", "")))
                .containsExactlyElementsOf(lines);
        expected.withheld().forEach(w -> assertThat(text).contains("- " + w.title() + "\n  " + w.reason()));
        // no template left in the text: no Thymeleaf expression or attribute ("health: get" is not one), no tag
        assertThat(text).doesNotContain("[(", "<").doesNotContainPattern("\\bth:\\w");
    }
}
