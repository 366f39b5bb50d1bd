package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;

/**
 * A {@link Change} in the plan's words, for one situation it applies to: a step by its title and phase as the plan
 * shows it, only what was added, removed or moved, and for a rewording only the words that differ. Both rule sets are
 * asked for the situation's plan (a made-up situation, never a person's).
 */
final class ChangeWords {

    /**
     * {@code what}: the change in one line; {@code words}: the words before and after, when the same for every
     * situation (a title, a detail); {@code before} and {@code after}: what this situation read, when its own answers
     * are written into it (a step's why, the classification's reasons).
     */
    record Said(String what, List<String> words, List<String> before, List<String> after) {}

    private final RuleDiff.Result result;

    ChangeWords(RuleDiff.Result result) {
        this.result = result;
    }

    AnswerSpace space() {
        return result.space();
    }

    Said of(Change change, Answers answers) {
        RuleDiff.Outcome was;
        RuleDiff.Outcome is;
        try (var old = result.before().newProofEvaluator();
                var now = result.after().newProofEvaluator()) {
            was = RuleDiff.outcome(old, answers);
            is = RuleDiff.outcome(now, answers);
        }
        AdvicePlan a = was.plan();
        AdvicePlan b = is.plan();
        String id = change.subject();
        return switch (change.kind()) {
            case NO_PLAN, PLAN_AGAIN -> said(DiffView.capital(change.text()));
            case TRACK ->
                said("The plan's direction changes from “" + a.classification().summary() + "” to “"
                        + b.classification().summary() + "”");
            case CLASSIFICATION ->
                change.text().equals(Change.REASONS_REWORDED)
                        ? new Said(
                                "The reasons given for how the situation is read are reworded",
                                List.of(),
                                a.classification().why(),
                                b.classification().why())
                        : said(DiffView.capital(
                                change.text().toLowerCase(Locale.ROOT).replace('_', ' ')));
            case STEP_ADDED -> said("New step: " + step(b, id));
            case STEP_REMOVED -> said("No longer given: " + step(a, id));
            case STEP_MOVED -> said(moved(find(a, id), find(b, id)));
            case STEP_REWORDED -> reworded(change, "The step " + step(b, id), find(a, id), find(b, id));
            case STEP_RENAMED ->
                said("The step " + step(b, id) + " is given by the rule “"
                        + find(b, id).rule() + "” (was “" + find(a, id).rule() + "”)");
            case WITHHELD_ADDED -> said("Now held back: “" + held(b, id).title() + "”");
            case WITHHELD_REMOVED -> said("No longer held back: “" + held(a, id).title() + "”");
            case WITHHELD_REWORDED -> reworded(change, held(a, id), held(b, id));
            case WITHHELD_RENAMED ->
                said("“" + held(b, id).title() + "” is held back by the rule “"
                        + held(b, id).rule() + "” (was “" + held(a, id).rule() + "”)");
            case DISCLAIMER ->
                new Said(
                        "The disclaimer at the end of every plan is reworded",
                        List.of("before: “" + a.disclaimer() + "”", "after: “" + b.disclaimer() + "”"),
                        List.of(),
                        List.of());
        };
    }

    private static Said said(String what) {
        return new Said(what, List.of(), List.of(), List.of());
    }

    private static String moved(Step s, Step t) {
        String title = "“" + t.title() + "”";
        return s.phase() == t.phase()
                ? title + " moves within " + t.phaseTitle() + " (its rank " + s.rank() + " becomes " + t.rank() + ")"
                : title + " moves from " + s.phaseTitle() + " to " + t.phaseTitle();
    }

    /** A step's rewording: fixed words (title, detail…) once; its why, filled with the situation's answers, per example. */
    private static Said reworded(Change change, String what, Step s, Step t) {
        List<String> words = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String part : change.parts()) {
            switch (part) {
                case "title" -> words.add(fromTo("title", s.title(), t.title()));
                case "phase title" -> words.add(fromTo("phase", s.phaseTitle(), t.phaseTitle()));
                case "detail" -> words.add(fromTo("detail", s.detail(), t.detail()));
                case "rule" -> words.add(fromTo("given by the rule", s.rule(), t.rule()));
                case "sources" -> words.add("sources: " + s.sources() + " → " + t.sources());
                case "kinds" -> words.add("kinds: " + s.kinds() + " → " + t.kinds());
                case "help lines" -> words.add("help lines: " + helplines(s) + " → " + helplines(t));
                case "why" -> {
                    before.add("why: “" + s.why() + "”");
                    after.add("why: “" + t.why() + "”");
                }
                default -> words.add(part + " changed");
            }
        }
        return new Said(what + ": " + String.join(", ", change.parts()) + " reworded", words, before, after);
    }

    private static Said reworded(Change change, WithheldAdvice w, WithheldAdvice v) {
        List<String> words = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String part : change.parts()) {
            switch (part) {
                case "title" -> words.add(fromTo("title", w.title(), v.title()));
                case "rule" -> words.add(fromTo("held back by the rule", w.rule(), v.rule()));
                case "phase" -> words.add("phase: " + w.phase() + " → " + v.phase());
                case "sources" -> words.add("sources: " + w.sources() + " → " + v.sources());
                case "kinds" -> words.add("kinds: " + w.kinds() + " → " + v.kinds());
                case "reason" -> {
                    before.add("reason: “" + w.reason() + "”");
                    after.add("reason: “" + v.reason() + "”");
                }
                default -> words.add(part + " changed");
            }
        }
        return new Said(
                "Held back: “" + v.title() + "”: " + String.join(", ", change.parts()) + " reworded",
                words,
                before,
                after);
    }

    private static String fromTo(String part, String before, String after) {
        return part + ": “" + before + "” → “" + after + "”";
    }

    private static List<String> helplines(Step s) {
        return s.helplines().stream().map(h -> h.name() + " " + h.contact()).toList();
    }

    private static String step(AdvicePlan plan, String id) {
        Step s = find(plan, id);
        return DiffWords.item(s.title(), s.phaseTitle());
    }

    private static Step find(AdvicePlan plan, String id) {
        return plan.steps().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no step " + id + " in the example's plan"));
    }

    private static WithheldAdvice held(AdvicePlan plan, String id) {
        Optional<WithheldAdvice> found =
                plan.withheld().stream().filter(w -> w.id().equals(id)).findFirst();
        return found.orElseThrow(
                () -> new IllegalStateException("nothing withheld as " + id + " in the example's plan"));
    }
}
