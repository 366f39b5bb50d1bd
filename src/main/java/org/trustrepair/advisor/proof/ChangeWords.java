package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Period;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * A {@link Change} in the plan's words, for one situation it applies to: a step by its title and phase as the plan
 * shows it, only what was added, removed or moved, and for a rewording only the words that differ, from the plans
 * both rule sets give a made-up situation (never a person's).
 */
final class ChangeWords {

    /**
     * {@code what}: the change in one line; {@code words}: the words before and after, when the same for every
     * situation (a title, a detail); {@code before} and {@code after}: what this situation read, when its own answers
     * are written into it (a step's why, the classification's reasons).
     */
    record Said(String what, List<String> words, List<String> before, List<String> after) {
        Said(String what) {
            this(what, List.of(), List.of(), List.of());
        }
    }

    /** How a reworded part is named when it is not by its own name. */
    private static final Map<String, String> LABELS = Map.of("phase title", "phase", "rule", "given by the rule");

    private ChangeWords() {}

    /** A change in how the situation is read, with the classification's reasons each plan gives and the other does not. */
    private static Said readAgain(String what, AdvicePlan a, AdvicePlan b) {
        return new Said(
                what,
                List.of(),
                without(a.classification().why(), b.classification().why()),
                without(b.classification().why(), a.classification().why()));
    }

    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth");

    /**
     * A period by its place in `situation/periods.drl.csv` ("the second period"), not by its name in the code, which
     * says days ("UP_TO_THREE_MONTHS") that an edit of the table's edges can make wrong; the situation's own reasons,
     * shown beside it, say what the period means in the counsellors' words.
     */
    static String period(Period p) {
        return p == Period.ANY_TIME
                ? "none (safety comes first, whenever it was)"
                : "the " + ORDINALS.get(p.ordinal()) + " period";
    }

    /**
     * The change in words for one situation ({@code answers}), from its plans under both rule sets ({@code a} before,
     * {@code b} after; null where there is none).
     */
    static Said of(RuleSet before, RuleSet after, Change change, Answers answers, AdvicePlan a, AdvicePlan b) {
        String id = change.subject();
        Map<String, String> sources = new HashMap<>(before.catalogue().sources());
        sources.putAll(after.catalogue().sources());
        return switch (change.kind()) {
            case NO_PLAN, PLAN_AGAIN -> new Said(DiffView.capital(change.text()));
            case TRACK ->
                new Said("The plan's direction changes from “"
                        + a.classification().summary() + "” to “"
                        + b.classification().summary() + "”");
            case CLASSIFICATION ->
                change.text().equals(Change.REASONS_REWORDED)
                        ? readAgain("The reasons given for how the situation is read are reworded", a, b)
                        : change.text().startsWith("period ")
                                ? readAgain(
                                        "How long ago it was is read as another period: "
                                                + period(a.classification().period()) + " → "
                                                + period(b.classification().period()),
                                        a,
                                        b)
                                : new Said(DiffView.capital(
                                        change.text().toLowerCase(Locale.ROOT).replace('_', ' ')));
            case STEP_ADDED ->
                new Said(
                        "New step: " + step(b, id),
                        List.of(begins(step(b.steps(), id).detail())),
                        List.of(),
                        List.of(why(step(b.steps(), id), "is")));
            case STEP_REMOVED ->
                new Said(
                        "No longer given: " + step(a, id),
                        List.of(begins(step(a.steps(), id).detail())),
                        List.of(why(step(a.steps(), id), "was")),
                        List.of());
            case STEP_MOVED -> new Said(moved(Change.stepBefore(a, b, id), step(b.steps(), id)));
            case STEP_REWORDED, STEP_OTHER_REASON ->
                reworded(
                        change,
                        change.kind() == Change.Kind.STEP_OTHER_REASON
                                ? "Given for another reason: " + step(b, id)
                                : "The step " + step(b, id) + ": " + changed(change),
                        Change.STEP_PARTS,
                        Change.stepBefore(a, b, id),
                        step(b.steps(), id),
                        LABELS,
                        sources);
            case STEP_RENAMED ->
                new Said("The step " + step(b, id) + " is given by the rule “"
                        + step(b.steps(), id).rule() + "” (was “"
                        + Change.stepBefore(a, b, id).rule() + "”)");
            case WITHHELD_ADDED ->
                new Said(
                        "Now held back: “" + held(b, id).title() + "”",
                        List.of(),
                        List.of(),
                        lines(
                                reason(held(b, id), "is"),
                                HeldBackWords.onlyNow(before, after, held(b, id).rule(), answers, a, b)));
            case WITHHELD_REMOVED ->
                new Said(
                        "No longer held back: “" + held(a, id).title() + "”",
                        List.of(),
                        List.of(reason(held(a, id), "was")),
                        lines(
                                HeldBackWords.noLonger(
                                        before, after, held(a, id).rule(), answers, a, b),
                                b.steps().stream().anyMatch(st -> st.id().equals(id))
                                        ? null
                                        : "it is not given as a step either: only its warning is gone from this"
                                                + " plan"));
            case WITHHELD_REWORDED, WITHHELD_OTHER_REASON ->
                reworded(
                        change,
                        change.kind() == Change.Kind.WITHHELD_OTHER_REASON
                                ? "Held back for another reason: “"
                                        + held(b, id).title() + "”"
                                : "Held back: “" + held(b, id).title() + "”: " + changed(change),
                        Change.WITHHELD_PARTS,
                        held(a, id),
                        held(b, id),
                        Map.of("rule", "held back by the rule"),
                        sources);
            case WITHHELD_RENAMED ->
                new Said("“" + held(b, id).title() + "” is held back by the rule “"
                        + held(b, id).rule() + "” (was “" + held(a, id).rule() + "”)");
            case SUMMARY ->
                new Said(
                        "The sentence at the top of the plan is reworded (plan.yaml, tracks: "
                                + b.classification().track() + ")",
                        List.of(
                                "before: “" + a.classification().summary() + "”",
                                "after: “" + b.classification().summary() + "”"),
                        List.of(),
                        List.of());
            case DISCLAIMER ->
                new Said(
                        "The disclaimer at the end of every plan is reworded",
                        List.of("before: “" + a.disclaimer() + "”", "after: “" + b.disclaimer() + "”"),
                        List.of(),
                        List.of());
        };
    }

    /** The lines that are not null. */
    private static List<String> lines(String... lines) {
        return Arrays.stream(lines).filter(Objects::nonNull).toList();
    }

    /** The lines of {@code these} that {@code those} does not have: only what was removed, or only what was added. */
    private static List<String> without(List<String> these, List<String> those) {
        return these.stream().filter(line -> !those.contains(line)).toList();
    }

    private static String moved(Step s, Step t) {
        String title = "“" + t.title() + "”";
        return s.phase() == t.phase()
                ? title + " moves within " + t.phaseTitle() + " (its rank " + s.rank() + " becomes " + t.rank() + ")"
                : title + " moves from " + s.phaseTitle() + " to " + t.phaseTitle();
    }

    /** The opening of a step's text, to tell apart two steps of one title ("its text for work"). */
    private static String begins(String detail) {
        String text = detail.strip().replaceAll("\\s+", " ");
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end + 1);
        return "its text begins: “" + (first.length() > 140 ? first.substring(0, 139) + "…" : first) + "”";
    }

    /** A step's why, filled with the situation's answers, and the rule that gives it ("why it is given: …"). */
    private static String why(Step s, String is) {
        return "why it " + is + " given: “" + s.why() + "” (from the rule “" + s.rule() + "”)";
    }

    private static String reason(WithheldAdvice w, String is) {
        return "why it " + is + " held back: “" + w.reason() + "” (from the rule “" + w.rule() + "”)";
    }

    /**
     * A rewording: the words every situation reads alike (a title, a detail) once; the reason (a step's why, an item's
     * reason), filled with the situation's answers, per example. Texts are quoted, lists and phases are not; sources
     * by their titles in {@code sources.yaml}, only those added or no longer cited.
     */
    private static <T> Said reworded(
            Change change,
            String what,
            List<Change.Part<T>> all,
            T s,
            T t,
            Map<String, String> labels,
            Map<String, String> sources) {
        List<String> words = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String name : change.parts()) {
            Function<T, Object> part = part(all, name);
            Object x = name.equals("help lines") ? helplines((Step) s) : part.apply(s);
            Object y = name.equals("help lines") ? helplines((Step) t) : part.apply(t);
            if (name.equals("sources")) {
                Object rule = part(all, "rule").apply(t);
                Object was = part(all, "rule").apply(s);
                if (!rule.equals(was)) {
                    // another rule gives it now: no source was edited, the two rules cite their own (keys only: a
                    // counsellor's trial read a dozen long lines of titles here as noise)
                    words.add("sources: " + keys(y) + " (the rule before cited " + keys(x) + ")");
                    continue;
                }
                cited((List<?>) y, (List<?>) x)
                        .forEach(k -> words.add(
                                "source " + k + " added to the rule “" + rule + "”: “" + sources.get(k) + "”"));
                cited((List<?>) x, (List<?>) y)
                        .forEach(k -> words.add("source " + k + " no longer cited by the rule “" + rule + "”: “"
                                + sources.get(k) + "”"));
            } else if (name.equals("why") || name.equals("reason")) {
                before.add(name + ": “" + x + "”");
                after.add(name + ": “" + y + "”");
            } else if (x instanceof String) {
                words.add(labels.getOrDefault(name, name) + ": “" + x + "” → “" + y + "”");
            } else {
                words.add(name + ": " + x + " → " + y);
            }
        }
        return new Said(what, words, before, after);
    }

    private static String keys(Object sources) {
        return String.join(
                ", ", ((List<?>) sources).stream().map(String::valueOf).toList());
    }

    private static <T> Function<T, Object> part(List<Change.Part<T>> all, String name) {
        return all.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow()
                .of();
    }

    /** The parts of a step or a withheld item that are words a person reads in the plan. */
    private static final Set<String> READ = Set.of("title", "phase title", "detail", "why", "reason");

    /** The parts a rewording changes, and whether words a person reads changed ("title reworded", "sources changed"). */
    private static String changed(Change change) {
        boolean words = change.parts().stream().anyMatch(READ::contains);
        return String.join(", ", change.parts()) + (words ? " reworded" : " changed");
    }

    /** The sources {@code these} cites and {@code those} does not. */
    private static List<String> cited(List<?> these, List<?> those) {
        return these.stream()
                .filter(k -> !those.contains(k))
                .map(String::valueOf)
                .toList();
    }

    private static List<String> helplines(Step s) {
        return s.helplines().stream().map(h -> h.name() + " " + h.contact()).toList();
    }

    /** A step as the plan shows it: its title and the phase it is in. */
    private static String step(AdvicePlan plan, String id) {
        Step s = step(plan.steps(), id);
        return "“" + s.title() + "” (" + s.phaseTitle() + ")";
    }

    private static Step step(List<Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static WithheldAdvice held(AdvicePlan plan, String id) {
        return plan.withheld().stream()
                .filter(w -> w.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
