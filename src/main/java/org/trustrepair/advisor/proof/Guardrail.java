package org.trustrepair.advisor.proof;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Phase;

/**
 * One promise every plan keeps, as a counsellor wrote it in {@code rules/guardrails.yaml}: when it applies
 * ({@link Condition}) and what the plan must then keep ({@link Promise}). Java only evaluates it; the sweep proves it
 * on the plan of every situation. Read by {@link Guardrails}.
 */
public record Guardrail(String id, String promise, List<String> sources, Condition when, Promise then) {

    /** What the plan must keep; every part is optional, and each that is given must hold. */
    public record Promise(
            List<String> noStepOfKind,
            List<String> atMostOneStepOfKind,
            List<String> noStepIds,
            List<Phase> noStepInPhase,
            List<String> withholds,
            List<String> withholdsIds,
            List<String> noWithheldIds,
            Integer maxWithheld,
            List<String> track,
            Phase firstPhase,
            String firstKind,
            Boolean firstHasHelplines,
            Integer maxStepsBeyondSafety,
            Integer maxSteps,
            Integer minSteps,
            PhaseBefore phaseBefore,
            List<String> noStepSays,
            List<String> noReasonSays,
            Boolean phaseOrder,
            Boolean explained,
            Boolean distinctTitles,
            Boolean distinctDetails,
            Boolean disclaimer) {

        public Promise {
            noStepOfKind = listOrEmpty(noStepOfKind);
            atMostOneStepOfKind = listOrEmpty(atMostOneStepOfKind);
            noStepIds = listOrEmpty(noStepIds);
            noStepInPhase = listOrEmpty(noStepInPhase);
            withholds = listOrEmpty(withholds);
            withholdsIds = listOrEmpty(withholdsIds);
            noWithheldIds = listOrEmpty(noWithheldIds);
            track = listOrEmpty(track);
            noStepSays = listOrEmpty(noStepSays);
            noReasonSays = listOrEmpty(noReasonSays);
        }
    }

    /** A step in {@code phase} comes before any step of kind {@code beforeKind}, and there is one. */
    public record PhaseBefore(Phase phase, String beforeKind) {}

    /** A guardrail is known by its id (its condition is a reading of the file, compared by what it says there). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Guardrail g && g.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }

    /** The guardrail's name in reports: its promise, numbered by its place in the file. */
    public String description(int number) {
        return number + ". " + promise.trim();
    }

    /** The words this guardrail looks for in steps ({@code noStepSays}) and reasons ({@code noReasonSays}), lower case. */
    List<String> phrases() {
        return Stream.concat(then.noStepSays().stream(), then.noReasonSays().stream())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * Empty when the plan keeps this guardrail for these answers; otherwise what is wrong, without any answer. The
     * plan's {@code words} are for every guardrail's phrases ({@link Guardrails#words}).
     */
    Optional<String> check(Answers answers, AdvicePlan plan, Words words) {
        return when.holdsForPlan(plan) && when.holdsForAnswers(answers) ? broken(plan, words) : Optional.empty();
    }

    /**
     * What the guardrails look for in a plan's words: for each step (its title and detail) and for each reason a
     * person reads (with where it is), the guardrails' phrases it says, in lower case ({@link Guardrails#words}).
     */
    record Words(List<Set<String>> steps, List<String> places, List<Set<String>> reasons) {}

    /** Empty when the plan, whose words are {@code words}, keeps the promise (whatever the answers); else what is wrong. */
    Optional<String> broken(AdvicePlan plan, Words words) {
        List<Step> steps = plan.steps();
        Promise p = then;
        for (String kind : p.noStepOfKind()) {
            Optional<Step> bad = steps.stream().filter(s -> is(s, kind)).findFirst();
            if (bad.isPresent()) {
                Step s = bad.get();
                return Optional.of("step " + named(s) + " is of kind " + kind
                        + (s.is(kind)
                                ? ""
                                : " (every step in the phase “" + (s.phaseTitle() == null ? s.phase() : s.phaseTitle())
                                        + "” is)"));
            }
        }
        for (String kind : p.atMostOneStepOfKind()) {
            List<Step> of = steps.stream().filter(s -> is(s, kind)).toList();
            if (of.size() > 1) {
                return Optional.of("steps " + named(of.get(0)) + " and " + named(of.get(1)) + " are both of kind "
                        + kind + ", where at most one may be");
            }
        }
        Optional<String> given = firstStep(steps, s -> p.noStepIds().contains(s.id()), "is given")
                .or(() ->
                        firstStep(steps, s -> p.noStepInPhase().contains(s.phase()), "is in a phase not allowed here"));
        if (given.isPresent()) {
            return given;
        }
        for (String kind : p.withholds()) {
            if (plan.withheld().stream().noneMatch(w -> w.is(kind))) {
                return Optional.of("nothing of kind " + kind + " is withheld");
            }
        }
        for (String id : p.withholdsIds()) {
            if (plan.withheld().stream().noneMatch(w -> w.id().equals(id))) {
                return Optional.of(id + " is not withheld");
            }
        }
        for (String id : p.noWithheldIds()) {
            Optional<WithheldAdvice> held =
                    plan.withheld().stream().filter(w -> w.id().equals(id)).findFirst();
            if (held.isPresent()) {
                return Optional.of(named(held.get().title(), id) + " is withheld");
            }
        }
        if (p.maxWithheld() != null && plan.withheld().size() > p.maxWithheld()) {
            return Optional.of(plan.withheld().size() + " items withheld, more than " + p.maxWithheld());
        }
        if (!p.track().isEmpty()
                && !p.track().contains(plan.classification().track().name())) {
            return Optional.of("the track is " + plan.classification().track() + " (“"
                    + plan.classification().summary() + "”)");
        }
        Step first = steps.isEmpty() ? null : steps.get(0);
        if (p.firstPhase() != null && (first == null || first.phase() != p.firstPhase())) {
            return Optional.of("the first step is not in phase " + p.firstPhase());
        }
        if (p.firstKind() != null && (first == null || !first.is(p.firstKind()))) {
            return Optional.of(
                    first == null
                            ? "there is no step"
                            : "the first step, " + named(first) + ", is not of kind " + p.firstKind());
        }
        if (Boolean.TRUE.equals(p.firstHasHelplines())
                && (first == null || first.helplines().isEmpty())) {
            return Optional.of(
                    first == null ? "there is no step" : "the first step, " + named(first) + ", shows no help lines");
        }
        if (p.maxStepsBeyondSafety() != null) {
            long beyond = steps.stream().filter(s -> s.phase() != Phase.SAFETY).count();
            if (beyond > p.maxStepsBeyondSafety()) {
                return Optional.of(beyond + " steps beyond safety, more than " + p.maxStepsBeyondSafety());
            }
        }
        if (p.maxSteps() != null && steps.size() > p.maxSteps()) {
            return Optional.of(steps.size() + " steps, more than " + p.maxSteps());
        }
        if (p.minSteps() != null && steps.size() < p.minSteps()) {
            return Optional.of(steps.isEmpty() ? "no step" : steps.size() + " steps, fewer than " + p.minSteps());
        }
        Optional<String> said = Optional.ofNullable(p.phaseBefore())
                .flatMap(rule -> phaseBefore(steps, rule))
                .or(() -> says(p.noStepSays(), words.steps(), i -> "step " + named(steps.get(i))))
                .or(() -> says(p.noReasonSays(), words.reasons(), words.places()::get));
        if (said.isPresent()) {
            return said;
        }
        if (Boolean.TRUE.equals(p.phaseOrder())) {
            for (int i = 1; i < steps.size(); i++) {
                Step before = steps.get(i - 1);
                Step after = steps.get(i);
                int byPhase = before.phase().compareTo(after.phase());
                if (byPhase > 0 || (byPhase == 0 && before.rank() > after.rank())) {
                    return Optional.of("step " + named(after) + " comes after " + named(before));
                }
            }
        }
        if (Boolean.TRUE.equals(p.explained())) {
            Optional<String> unexplained = firstStep(
                            steps,
                            s -> blank(s.title())
                                    || blank(s.detail())
                                    || blank(s.why())
                                    || blank(s.rule())
                                    || s.why().contains("{"),
                            "lacks a title, detail, reason or rule")
                    .or(() -> plan.withheld().stream()
                            .filter(w -> blank(w.reason())
                                    || blank(w.rule())
                                    || w.reason().contains("{"))
                            .findFirst()
                            .map(w -> "withheld " + named(w.title(), w.id()) + " lacks a reason or rule"));
            if (unexplained.isPresent()) {
                return unexplained;
            }
        }
        if (Boolean.TRUE.equals(p.distinctTitles())) {
            Optional<String> twice = same(steps, Step::title, Step::id, "steps", "title")
                    .or(() -> same(
                            plan.withheld(), WithheldAdvice::title, WithheldAdvice::id, "withheld items", "title"));
            if (twice.isPresent()) {
                return twice;
            }
        }
        if (Boolean.TRUE.equals(p.distinctDetails())) {
            Optional<String> twice = same(steps, Step::detail, Step::id, "steps", "detail");
            if (twice.isPresent()) {
                return twice;
            }
        }
        if (Boolean.TRUE.equals(p.disclaimer()) && blank(plan.disclaimer())) {
            return Optional.of("the plan has no disclaimer");
        }
        return Optional.empty();
    }

    /** Whether a step is of this kind; an apology is also any step in the APOLOGIZE phase. */
    static boolean is(Step s, String kind) {
        return s.is(kind) || ("apology".equals(kind) && s.phase() == Phase.APOLOGIZE);
    }

    private static Optional<String> phaseBefore(List<Step> steps, PhaseBefore rule) {
        int phase = -1;
        int kind = Integer.MAX_VALUE;
        for (int i = 0; i < steps.size(); i++) {
            if (phase < 0 && steps.get(i).phase() == rule.phase()) {
                phase = i;
            }
            if (kind == Integer.MAX_VALUE && is(steps.get(i), rule.beforeKind())) {
                kind = i;
            }
        }
        if (phase < 0) {
            return Optional.of("there is no " + rule.phase() + " step");
        }
        return phase < kind
                ? Optional.empty()
                : Optional.of("a step of kind " + rule.beforeKind() + " comes before the " + rule.phase() + " step");
    }

    /**
     * The first text (a step, or a reason a person reads, named by {@code where}) that says one of these words, whatever
     * their case: {@code said} holds the phrases each text says, in lower case ({@link Words}).
     */
    private static Optional<String> says(List<String> words, List<Set<String>> said, IntFunction<String> where) {
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            for (int i = 0; i < said.size(); i++) {
                if (said.get(i).contains(lower)) {
                    return Optional.of(where.apply(i) + " says \"" + word + "\"");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first two of these items whose {@code field} (a title, a detail) a person reads as the same
     * ({@link #sameWords}), named.
     */
    private static <T> Optional<String> same(
            List<T> items, Function<T, String> text, Function<T, String> id, String what, String field) {
        Map<String, T> byText = new HashMap<>();
        for (T item : items) {
            if (blank(text.apply(item))) {
                continue; // a text left out is explained's to report
            }
            T first = byText.putIfAbsent(sameWords(text.apply(item)), item);
            if (first != null) {
                String words = text.apply(first).strip();
                return Optional.of(what + " " + id.apply(first) + " and " + id.apply(item) + " have the same " + field
                        + ", “" + (words.length() > 80 ? words.substring(0, 77) + "…" : words) + "”");
            }
        }
        return Optional.empty();
    }

    /**
     * A text as a person reads it, to compare with another: its runs of white space made one space, in lower case.
     * Two titles with the same words read the same however they are laid out or capitalized.
     */
    static String sameWords(String text) {
        // a loop, not a regular expression: the sweep compares the titles of every new kind's plan
        StringBuilder words = new StringBuilder();
        for (char c : Objects.toString(text, "").strip().toCharArray()) {
            boolean space = Character.isWhitespace(c); // never the first: the text is stripped
            if (!space || words.charAt(words.length() - 1) != ' ') {
                words.append(space ? ' ' : c);
            }
        }
        return words.toString().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> firstStep(List<Step> steps, Predicate<Step> bad, String what) {
        return steps.stream().filter(bad).findFirst().map(s -> "step " + named(s) + " " + what);
    }

    /** A step as a person reads it, beside its id in advice.yaml: “Apologize fully, once” (apologize-fully). */
    private static String named(Step s) {
        return named(s.title(), s.id());
    }

    static String named(String title, String id) {
        return blank(title) ? id : "“" + title + "” (" + id + ")";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
