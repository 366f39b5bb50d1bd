package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
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
            Boolean disclaimer) {

        public Promise {
            noStepOfKind = listOrEmpty(noStepOfKind);
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

    /** Empty when the plan keeps this guardrail for these answers; otherwise what is wrong, without any answer. */
    public Optional<String> check(Answers answers, AdvicePlan plan) {
        return check(answers, plan, Guardrails.words(plan, phrases()));
    }

    /** The words this guardrail looks for in steps ({@code noStepSays}) and reasons ({@code noReasonSays}), lower case. */
    List<String> phrases() {
        return Stream.concat(then.noStepSays().stream(), then.noReasonSays().stream())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** As above, with the plan's {@code words} for every guardrail's phrases ({@link Guardrails#words}). */
    Optional<String> check(Answers answers, AdvicePlan plan, Words words) {
        return when.holds(answers, plan) ? broken(plan, words) : Optional.empty();
    }

    /**
     * What the guardrails look for in a plan's words: for each step (its title and detail) and for each reason a
     * person reads (with where it is), the guardrails' phrases it says, in lower case ({@link Guardrails#words}).
     */
    record Words(List<Set<String>> steps, List<String> places, List<Set<String>> reasons) {}

    /**
     * Empty when the plan, whose words are {@code words}, keeps the promise (whatever the answers); else what is wrong
     * with the first part of the promise it breaks, in the order the parts are listed in {@link Promise}.
     */
    Optional<String> broken(AdvicePlan plan, Words words) {
        List<Step> steps = plan.steps();
        List<WithheldAdvice> held = plan.withheld();
        Promise p = then;
        Step first = steps.isEmpty() ? null : steps.get(0);
        return p.noStepOfKind().stream()
                .flatMap(kind -> steps.stream()
                        .filter(s -> is(s, kind))
                        .limit(1)
                        .map(s -> "step " + named(s) + " is of kind " + kind
                                + (s.is(kind)
                                        ? ""
                                        : " (every step in the phase “"
                                                + (s.phaseTitle() == null ? s.phase() : s.phaseTitle()) + "” is)")))
                .findFirst()
                .or(() ->
                        firstStep(steps, s -> p.noStepInPhase().contains(s.phase()), "is in a phase not allowed here"))
                .or(() -> p.withholds().stream()
                        .filter(kind -> held.stream().noneMatch(w -> w.is(kind)))
                        .findFirst()
                        .map(kind -> "nothing of kind " + kind + " is withheld"))
                .or(() -> p.withholdsIds().stream()
                        .filter(id -> held.stream().noneMatch(w -> w.id().equals(id)))
                        .findFirst()
                        .map(id -> id + " is not withheld"))
                .or(() -> p.noWithheldIds().stream()
                        .flatMap(id ->
                                held.stream().filter(w -> w.id().equals(id)).limit(1))
                        .findFirst()
                        .map(w -> named(w.title(), w.id()) + " is withheld"))
                .or(() -> brokenIf(
                        p.maxWithheld() != null && held.size() > p.maxWithheld(),
                        () -> held.size() + " items withheld, more than " + p.maxWithheld()))
                .or(() -> brokenIf(
                        !p.track().isEmpty()
                                && !p.track()
                                        .contains(plan.classification().track().name()),
                        () -> "the track is " + plan.classification().track() + " (“"
                                + plan.classification().summary() + "”)"))
                .or(() -> brokenIf(
                        p.firstPhase() != null && (first == null || first.phase() != p.firstPhase()),
                        () -> "the first step is not in phase " + p.firstPhase()))
                .or(() -> brokenIf(
                        p.firstKind() != null && (first == null || !first.is(p.firstKind())),
                        () -> first == null
                                ? "there is no step"
                                : "the first step, " + named(first) + ", is not of kind " + p.firstKind()))
                .or(() -> brokenIf(
                        Boolean.TRUE.equals(p.firstHasHelplines())
                                && (first == null || first.helplines().isEmpty()),
                        () -> first == null
                                ? "there is no step"
                                : "the first step, " + named(first) + ", shows no help lines"))
                .or(() -> Optional.ofNullable(p.maxStepsBeyondSafety()).flatMap(most -> {
                    long beyond = steps.stream()
                            .filter(s -> s.phase() != Phase.SAFETY)
                            .count();
                    return brokenIf(beyond > most, () -> beyond + " steps beyond safety, more than " + most);
                }))
                .or(() -> brokenIf(
                        p.maxSteps() != null && steps.size() > p.maxSteps(),
                        () -> steps.size() + " steps, more than " + p.maxSteps()))
                .or(() -> brokenIf(
                        p.minSteps() != null && steps.size() < p.minSteps(),
                        () -> steps.isEmpty() ? "no step" : steps.size() + " steps, fewer than " + p.minSteps()))
                .or(() -> p.phaseBefore() == null ? Optional.empty() : phaseBefore(steps, p.phaseBefore()))
                .or(() -> p.noStepSays().stream()
                        .flatMap(said -> IntStream.range(0, steps.size())
                                .filter(i -> words.steps().get(i).contains(said.toLowerCase(Locale.ROOT)))
                                .mapToObj(i -> "step " + named(steps.get(i)) + " says \"" + said + "\""))
                        .findFirst())
                .or(() -> p.noReasonSays().stream()
                        .flatMap(said -> IntStream.range(0, words.reasons().size())
                                .filter(i -> words.reasons().get(i).contains(said.toLowerCase(Locale.ROOT)))
                                .mapToObj(i -> words.places().get(i) + " says \"" + said + "\""))
                        .findFirst())
                .or(() -> !Boolean.TRUE.equals(p.phaseOrder())
                        ? Optional.empty()
                        : IntStream.range(1, steps.size())
                                .filter(i -> {
                                    int byPhase = steps.get(i - 1)
                                            .phase()
                                            .compareTo(steps.get(i).phase());
                                    return byPhase > 0
                                            || (byPhase == 0
                                                    && steps.get(i - 1).rank()
                                                            > steps.get(i).rank());
                                })
                                .mapToObj(
                                        i -> "step " + named(steps.get(i)) + " comes after " + named(steps.get(i - 1)))
                                .findFirst())
                .or(() -> !Boolean.TRUE.equals(p.explained())
                        ? Optional.empty()
                        : firstStep(
                                        steps,
                                        s -> blank(s.title())
                                                || blank(s.detail())
                                                || blank(s.why())
                                                || blank(s.rule())
                                                || s.why().contains("{"),
                                        "lacks a title, detail, reason or rule")
                                .or(() -> held.stream()
                                        .filter(w -> blank(w.reason())
                                                || blank(w.rule())
                                                || w.reason().contains("{"))
                                        .findFirst()
                                        .map(w -> "withheld " + named(w.title(), w.id()) + " lacks a reason or rule")))
                .or(() -> brokenIf(
                        Boolean.TRUE.equals(p.disclaimer()) && blank(plan.disclaimer()),
                        () -> "the plan has no disclaimer"));
    }

    /** What is wrong, when {@code broken}. */
    private static Optional<String> brokenIf(boolean broken, Supplier<String> what) {
        return broken ? Optional.of(what.get()) : Optional.empty();
    }

    /** Whether a step is of this kind; an apology is also any step in the APOLOGIZE phase. */
    static boolean is(Step s, String kind) {
        return s.is(kind) || ("apology".equals(kind) && s.phase() == Phase.APOLOGIZE);
    }

    private static Optional<String> phaseBefore(List<Step> steps, PhaseBefore rule) {
        int phase = IntStream.range(0, steps.size())
                .filter(i -> steps.get(i).phase() == rule.phase())
                .findFirst()
                .orElse(-1);
        int kind = IntStream.range(0, steps.size())
                .filter(i -> is(steps.get(i), rule.beforeKind()))
                .findFirst()
                .orElse(Integer.MAX_VALUE);
        if (phase < 0) {
            return Optional.of("there is no " + rule.phase() + " step");
        }
        return phase < kind
                ? Optional.empty()
                : Optional.of("a step of kind " + rule.beforeKind() + " comes before the " + rule.phase() + " step");
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
        return list == null ? List.of() : List.copyOf(new ArrayList<>(list));
    }
}
