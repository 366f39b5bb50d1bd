package org.trustrepair.advisor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./advisor preview role=BROKE_TRUST relationship=ROMANTIC …}: the plan for these answers as the page shows
 * it, in plain text, from a rules folder: for a counsellor reading what an edit says, without a server or JSON.
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the plan for one set of answers as the page shows it: the situation, the steps in order with"
                    + " their reasons and help lines, what is not advised now and why.",
            "Answers are name=value, as in the API: role=BROKE_TRUST relationship=ROMANTIC breach=INFIDELITY"
                    + " readiness=NEEDS_SPACE daysElapsed=20 apologiesMade=2 safety=I_FEAR_THEM,VIOLENCE_BY_THEM",
            "A value may also be written in the questionnaire's own words, whole or words found in one answer alone, in quotes, and in"
                    + " any case: relationship=\"a friend\" readiness=\"not ready to talk\" stillHappening=yes"
                    + " safety=\"They are afraid of me\" safety=\"I have hurt or threatened them\"",
            "Each step, and each thing not to do now, shows its id after its title, like [id: apologize-again]"
                    + " (the page does not): the id is what a sample's steps, absentSteps and withheld name, and"
                    + " where its words are in advice.yaml. Two steps may share a title (never in one plan), never an id.",
            "With --facts, after the plan, for writing a new rule: what the rules see for these answers, as lines to"
                    + " copy into a rule's when (Situation( … ), TrackIs( … ), PeriodIs( … ), each Finding( … )…), and"
                    + " which rule, in which file, gave each step and each thing not to do now.",
            "Exit code: 0 a plan, 1 no plan (the rules say why), 2 bad answers or no rules folder."
        })
public final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Parameters(paramLabel = "NAME=VALUE", description = "The answers (at least role and relationship).")
    List<String> answers = List.of();

    @Mixin
    RulesFolderOption rules = new RulesFolderOption();

    @Option(
            names = "--facts",
            description = "After the plan, what the rules see for these answers, as condition lines to copy into a"
                    + " new rule's when, and which rule (name, file and line) gave each step and each thing not to do"
                    + " now.")
    boolean facts;

    @Option(
            names = "--draft",
            paramLabel = "ID",
            description = "After the plan, a draft of a new step with this id for these answers: its rule (the when"
                    + " filled in, to loosen), its advice.yaml entry and a sample that protects it, to copy into the"
                    + " files and finish by hand. Nothing is written.")
    String draft;

    @Override
    public Integer call() {
        try (Quiet quiet = verbosity.logs()) {
            return preview(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    private int preview(PrintWriter out, PrintWriter err) {
        if (!Files.isDirectory(rules.rules)) {
            err.println("advisor preview: no rules folder at "
                    + rules.rules.toAbsolutePath().normalize());
            err.flush();
            return 2;
        }
        TypedAnswers.Read typed = TypedAnswers.of(rules.rules).read(answers);
        if (typed.problem() != null) {
            err.println("advisor preview: " + typed.problem());
            err.flush();
            return 2;
        }
        ObjectNode given = typed.answers();
        AnswersReader.Result read = AnswersReader.textual().read(given);
        if (!read.ok()) {
            read.problems().forEach(p -> err.println("advisor preview: " + p));
            err.flush();
            return 2;
        }
        RuleSet ruleSet = rules.ruleSet("preview", err);
        if (ruleSet == null) {
            return 2;
        }
        return print(ruleSet, read.answers(), facts, draft, out);
    }

    /** Prints the plan for these answers as {@link #text} writes it: exit code 0, or 1 with why there is none. */
    static int print(RuleSet ruleSet, Answers answers, PrintWriter out) {
        return print(ruleSet, answers, false, null, out);
    }

    /**
     * As {@link #print(RuleSet, Answers, PrintWriter)}, and with {@code facts} what {@link PreviewFacts} adds, with a
     * {@code draft} id what {@link StepDraft} drafts.
     */
    static int print(RuleSet ruleSet, Answers answers, boolean facts, String draft, PrintWriter out) {
        try {
            List<Object> derived = new ArrayList<>();
            AdvicePlan plan = ruleSet.evaluate(answers, derived).plan();
            out.print(text(plan));
            if (facts) {
                out.print(PreviewFacts.text(ruleSet, answers, plan, derived));
            }
            if (draft != null) {
                out.print(StepDraft.text(ruleSet, answers, plan, derived, draft));
            }
            out.flush();
            return 0;
        } catch (EvaluationException e) {
            out.println("No plan: " + e.getMessage());
            out.println();
            out.println("A person who gets no plan on the page is shown these help lines:");
            ruleSet.catalogue()
                    .helplinesWithoutAPlanInOrder()
                    .forEach(h -> out.println("  " + h.name() + " (" + h.region() + "): " + h.contact()));
            out.flush();
            return 1;
        }
    }

    /**
     * The plan as the page shows it, in plain text: each help line once, with the first step that gives it; and, which
     * the page does not show, each step's and each withheld item's id after its title ({@link #id}), the name a sample
     * and {@code advice.yaml} know it by.
     */
    static String text(AdvicePlan plan) {
        StringBuilder out = new StringBuilder();
        List<List<AdvicePlan.Helpline>> firstGiven = plan.helplinesFirstGiven();
        AdvicePlan.Classification c = plan.classification();
        out.append(c.summary()).append("\n\nYour situation\n");
        c.why().forEach(w -> out.append("  - ").append(w).append('\n'));
        String phase = null;
        for (int i = 0; i < plan.steps().size(); i++) {
            AdvicePlan.Step s = plan.steps().get(i);
            if (!Objects.equals(s.phaseTitle(), phase)) {
                phase = s.phaseTitle();
                out.append('\n').append(phase).append('\n');
            }
            out.append(String.format("  %d. %s%s%n", s.order(), s.title(), id(s.id())));
            out.append("     ").append(s.detail()).append('\n');
            out.append("     Why: ").append(s.why()).append('\n');
            firstGiven
                    .get(i)
                    .forEach(h -> out.append("     ")
                            .append(h.name())
                            .append(" (")
                            .append(h.region())
                            .append("): ")
                            .append(h.contact())
                            .append('\n'));
        }
        if (!plan.withheld().isEmpty()) {
            out.append("\nWhat not to do now, and why\n");
            plan.withheld()
                    .forEach(w -> out.append("  - ")
                            .append(w.title())
                            .append(id(w.id()))
                            .append("\n    ")
                            .append(w.reason())
                            .append('\n'));
        }
        out.append("\nAbout this plan\n  ").append(plan.disclaimer()).append('\n');
        return out.toString();
    }

    /** An id as the preview shows it after a title, set apart: {@code "  [id: apologize-again]"}. */
    static String id(String id) {
        return "  [id: " + id + "]";
    }
}
