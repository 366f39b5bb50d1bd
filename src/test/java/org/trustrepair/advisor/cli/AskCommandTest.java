package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.RulesFolder;
import picocli.CommandLine;

/** {@code ./advisor ask}: the questionnaire in the terminal, answers piped in, then the plan as preview prints it. */
class AskCommandTest {

    private static PreviewCommandTest.Run ask(String... lines) {
        AskCommand command = new AskCommand();
        command.in = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--rules", RulesFolder.FIXTURE.toString());
        return new PreviewCommandTest.Run(code, out.toString(), err.toString());
    }

    /** The plan {@code preview} prints for these answers, with the test rules. */
    private static PreviewCommandTest.Run preview(String... answers) {
        String[] args = new String[answers.length + 2];
        args[0] = "--rules";
        args[1] = RulesFolder.FIXTURE.toString();
        System.arraycopy(answers, 0, args, 2, answers.length);
        return PreviewCommandTest.run(args);
    }

    @Test
    void walksTheQuestionsThatApplyAndPrintsThePlanAsPreviewDoes() {
        PreviewCommandTest.Run asked = ask(
                "1", // role: by number
                "romantic", // relationship: by value, in any case
                "3", // breach: HALF_TRUTHS
                "", // disclosure: Enter keeps the default (they found out), so readiness applies
                "9", // readiness: no such number
                "NEEDS_SPACE",
                "soon", // days: not a number
                "20",
                "", // still happening: no
                "n", // happened before
                "2", // apologies
                "", // others affected
                "", // contact unavoidable
                "", // the five safety questions: none ticked
                "",
                "",
                "",
                "");
        PreviewCommandTest.Run previewed = preview(
                "role=BROKE_TRUST",
                "relationship=ROMANTIC",
                "breach=HALF_TRUTHS",
                "readiness=NEEDS_SPACE",
                "daysElapsed=20",
                "apologiesMade=2");

        assertThat(asked.code()).as(asked.err()).isZero();
        assertThat(previewed.code()).isZero();
        assertThat(asked.out())
                .contains("1 of ", "What is the relationship?", "Where does the other person stand now?")
                .contains("\"9\" is not an answer to this question. The answers are: 1. They asked for no contact")
                .contains("[NO_CONTACT]; 2. They are hurt or angry and not ready to talk [NEEDS_SPACE]")
                .contains("\"soon\" is not")
                .doesNotContain("How has the person who broke your trust responded?")
                .endsWith(previewed.out());
    }

    @Test
    void theHurtPartyIsAskedOnlyTheirQuestions() {
        PreviewCommandTest.Run asked = ask("2", "4", "5", "", "3", "", "", "", "", "", "", "", "", "");

        assertThat(asked.code()).as(asked.out() + asked.err()).isZero();
        assertThat(asked.out())
                .contains("How has the person who broke your trust responded?")
                .contains("How many days ago did you find out?")
                .doesNotContain("Where does the other person stand now?", "How many times have you apologized")
                .contains("About this plan");
    }

    @Test
    void answersMayBeTheQuestionnairesOwnWords() {
        PreviewCommandTest.Run asked = ask(
                "I broke someone's trust", // the words whole
                "a friend", // in any case
                "half-truths", // words found in one answer alone
                "found out",
                "they", // words in every answer: not one of them, so asked again
                "not ready to talk",
                "20",
                "",
                "no",
                "2",
                "",
                "",
                "They are afraid of me", // a safety answer by its words
                "",
                "",
                "",
                "");
        PreviewCommandTest.Run previewed = preview(
                "role=BROKE_TRUST",
                "relationship=FRIENDSHIP",
                "breach=HALF_TRUTHS",
                "disclosure=DISCOVERED",
                "readiness=NEEDS_SPACE",
                "daysElapsed=20",
                "apologiesMade=2",
                "safety=THEY_FEAR_ME");

        assertThat(asked.code()).as(asked.out() + asked.err()).isZero();
        assertThat(previewed.code()).as(previewed.err()).isZero();
        assertThat(asked.out())
                .contains("\"they\" is not an answer to this question. It could be more than one: 1. They asked for")
                .endsWith(previewed.out());
    }

    @Test
    void wordsCloseToOneAnswerAreOfferedBackAndNoneTicksNoSafetyAnswer() {
        PreviewCommandTest.Run asked = ask(
                "I broke someone's trust",
                "a friend",
                "broke a promise", // close to one answer's words: offered back, not taken for it
                "breaking a promise",
                "I told them everything myself",
                "talking",
                "20",
                "no",
                "no",
                "2",
                "no",
                "no",
                "none", // the five safety questions, as a person would say none of them
                "None of these",
                "no",
                "nothing",
                "neither");
        PreviewCommandTest.Run previewed = preview(
                "role=BROKE_TRUST",
                "relationship=FRIENDSHIP",
                "breach=BROKEN_PROMISE",
                "disclosure=CONFESSED",
                "readiness=WILLING_TO_TALK",
                "daysElapsed=20",
                "apologiesMade=2");

        assertThat(asked.code()).as(asked.out() + asked.err()).isZero();
        assertThat(asked.out())
                .contains("\"broke a promise\" is not an answer to this question. Did you mean 6. Breaking a promise"
                        + " [BROKEN_PROMISE]? The answers are: 1. Cheating or an affair [INFIDELITY]; ")
                .contains("Enter or \"none\" for none")
                .doesNotContain("\"none\" is not an answer", "\"no\" is not an answer")
                .endsWith(previewed.out());
    }

    @Test
    void answersThatEndEarlyAreRefusedAndNoPlanIsPrinted() {
        PreviewCommandTest.Run asked = ask("1", "1");

        assertThat(asked.code()).isEqualTo(2);
        assertThat(asked.err()).contains("the answers ended before the questions did");
        assertThat(asked.out()).doesNotContain("About this plan");
    }

    @Test
    void theTopCommandKnowsAsk() {
        assertThat(Commands.isCommand(new String[] {"ask"})).isTrue();
        assertThat(Commands.commandLine().getSubcommands()).containsKey("ask");
    }
}
