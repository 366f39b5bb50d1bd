package org.trustrepair.advisor.workbench;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Nature;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.Track;

/**
 * The promises every plan keeps, for any answers (domain brief §4, plus the shape every plan must have). They are
 * checks, not decisions: the rules decide, and the sweep proves the rules never break these. They read only the
 * plan's public shape and the kinds each text declares in its advice.yaml.
 */
public enum Guardrail {
    NO_CONTACT_AFTER_NO_CONTACT("1. No contact, direct or indirect, after a no-contact request, a block, returned "
            + "letters or an order.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            if ((a.role() == Role.BROKE_TRUST && a.readiness() == Readiness.NO_CONTACT)
                    || a.safety().contains(SafetyFlag.ORDER_AGAINST_ME)) {
                return firstStep(plan, s -> s.is("contact") || isApology(s), "contacts them or apologizes");
            }
            return Optional.empty();
        }
    },

    NO_REPAIR_WITH_ABUSE("2. Never advise an abused or controlled person to repair trust with the abuser; no couples "
            + "counselling, apology or contact plan where there is fear, violence or control, whoever is at risk and "
            + "whichever of them broke trust.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            if (!answererAtRisk(a) && !otherAtRisk(a)) {
                return Optional.empty();
            }
            return firstStep(
                    plan,
                    s -> isApology(s) || s.is("contact") || s.is("reconciliation") || s.is("couples-counselling"),
                    answererAtRisk(a)
                            ? "plans an apology, contact or reconciliation with the person they are at risk from"
                            : "plans an apology, contact or reconciliation with the person at risk from them");
        }
    },

    NO_CONCEALMENT("3. Never recommend denial, partial confession, blame-shifting or concealment; after a breach of "
            + "honesty, say plainly not to deny or minimize it.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            Optional<String> step = firstStep(plan, s -> s.is("concealment"), "recommends concealment");
            if (step.isPresent()) {
                return step;
            }
            if (a.role() == Role.BROKE_TRUST
                    && plan.classification().nature() == Nature.INTEGRITY
                    && plan.withheld().stream().noneMatch(w -> w.is("concealment"))) {
                return Optional.of("a breach of integrity, but nothing of kind concealment (denial) is withheld");
            }
            return Optional.empty();
        }
    },

    NO_PRESSURE("4. Forgiveness and trust are the other party's choice: no pressure, guilt-trips or deadlines.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            Optional<String> step = firstStep(plan, s -> s.is("pressure"), "pressures them");
            if (step.isPresent()) {
                return step;
            }
            if (a.role() == Role.BROKE_TRUST && plan.withheld().stream().noneMatch(w -> w.is("pressure"))) {
                return Optional.of("nothing of kind pressure (pressing for forgiveness, deadlines) is withheld");
            }
            return Optional.empty();
        }
    },

    TRANSPARENCY_IS_VOLUNTARY("5. Transparency is voluntary, agreed and time-limited: never covert surveillance.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            Optional<String> step = firstStep(plan, s -> s.is("surveillance"), "advises surveillance");
            if (step.isPresent()) {
                return step;
            }
            boolean engaged = a.readiness() == Readiness.UNDECIDED
                    || a.readiness() == Readiness.WILLING_TO_TALK
                    || a.readiness() == Readiness.REBUILDING;
            boolean offers = plan.steps().stream().anyMatch(s -> s.is("transparency"));
            if (offers && (!engaged || a.hasSafetyFlag())) {
                return firstStep(
                        plan,
                        s -> s.is("transparency"),
                        "offers transparency to someone not engaged, or " + "where safety is at stake");
            }
            if (offers && plan.withheld().stream().noneMatch(w -> w.is("surveillance"))) {
                return Optional.of("transparency is offered but covert monitoring is not withheld");
            }
            return Optional.empty();
        }
    },

    CRISIS_LINE_FIRST("6. A crisis line is shown first whenever self-harm is mentioned.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            if (!a.safety().contains(SafetyFlag.MY_SELF_HARM) && !a.safety().contains(SafetyFlag.THEIR_SELF_HARM)) {
                return Optional.empty();
            }
            if (plan.steps().isEmpty()
                    || !plan.steps().get(0).is("crisis-line")
                    || plan.steps().get(0).helplines().isEmpty()) {
                return Optional.of("self-harm mentioned, but the first step is not a crisis line with its numbers");
            }
            return Optional.empty();
        }
    },

    DISCLAIMER("7. Every plan says it is general information, not therapy or legal advice.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            return plan.disclaimer() == null || plan.disclaimer().isBlank()
                    ? Optional.of("the plan has no disclaimer")
                    : Optional.empty();
        }
    },

    AT_LEAST_ONE_STEP("Every situation gets at least one step.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            return plan.steps().isEmpty() ? Optional.of("no step") : Optional.empty();
        }
    },

    PHASE_ORDER("Steps are in phase order, and by rank within a phase.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            List<Step> steps = plan.steps();
            for (int i = 1; i < steps.size(); i++) {
                Step before = steps.get(i - 1);
                Step after = steps.get(i);
                int byPhase = before.phase().compareTo(after.phase());
                if (byPhase > 0 || (byPhase == 0 && before.rank() > after.rank())) {
                    return Optional.of("step " + after.id() + " comes after " + before.id());
                }
            }
            return Optional.empty();
        }
    },

    EVERY_STEP_EXPLAINED("Every step has a title, a detail, a reason and the rule that gave it; no reason is left "
            + "with an unfilled {answer}.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            Optional<String> step = firstStep(
                    plan,
                    s -> blank(s.title())
                            || blank(s.detail())
                            || blank(s.why())
                            || blank(s.rule())
                            || s.why().contains("{"),
                    "lacks a title, detail, reason or rule");
            if (step.isPresent()) {
                return step;
            }
            return plan.withheld().stream()
                    .filter(w ->
                            blank(w.reason()) || blank(w.rule()) || w.reason().contains("{"))
                    .findFirst()
                    .map(w -> "withheld " + w.id() + " lacks a reason or rule");
        }
    },

    SAFETY_FIRST_AND_NO_APOLOGY("A safety flag puts a SAFETY step first and never yields an apology.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            if (!a.hasSafetyFlag()) {
                return Optional.empty();
            }
            if (plan.classification().track() != Track.SAFETY) {
                return Optional.of("a safety flag is set but the track is "
                        + plan.classification().track());
            }
            if (plan.steps().isEmpty() || plan.steps().get(0).phase() != Phase.SAFETY) {
                return Optional.of("a safety flag is set but the first step is not a SAFETY step");
            }
            return firstStep(plan, Guardrail::isApology, "is an apology despite a safety flag");
        }
    },

    NO_APOLOGY_AFTER_NO_CONTACT("No-contact never yields an apology.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            return a.readiness() == Readiness.NO_CONTACT
                    ? firstStep(plan, Guardrail::isApology, "is an apology after a no-contact request")
                    : Optional.empty();
        }
    },

    NO_APOLOGY_AFTER_TWO("Two or more apologies while the other person needs space, has moved on or is rebuilding "
            + "yields no further apology.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            boolean stepBack = a.readiness() == Readiness.NEEDS_SPACE
                    || a.readiness() == Readiness.MOVED_ON
                    || a.readiness() == Readiness.REBUILDING;
            return a.role() == Role.BROKE_TRUST && a.apologiesMade() >= 2 && stepBack
                    ? firstStep(plan, Guardrail::isApology, "is a further apology after " + a.apologiesMade())
                    : Optional.empty();
        }
    },

    STOP_BEFORE_APOLOGY("Still happening puts STOP before any apology.") {
        @Override
        Optional<String> check(Answers a, AdvicePlan plan) {
            if (a.role() != Role.BROKE_TRUST || !a.stillHappening()) {
                return Optional.empty();
            }
            int stop = -1;
            int apology = Integer.MAX_VALUE;
            for (int i = 0; i < plan.steps().size(); i++) {
                Step s = plan.steps().get(i);
                if (s.phase() == Phase.STOP && stop < 0) {
                    stop = i;
                }
                if (isApology(s) && apology == Integer.MAX_VALUE) {
                    apology = i;
                }
            }
            if (stop < 0) {
                return Optional.of("still happening, but there is no STOP step");
            }
            return stop < apology ? Optional.empty() : Optional.of("an apology comes before the STOP step");
        }
    };

    /**
     * The answers these checks read for a role, beyond the plan itself. The sweep must try every value of these even
     * where no rule reads them. Keep in step with the checks above: for the hurt party, who is not asked readiness, only
     * the checks on safety flags apply.
     */
    public static Set<String> answersRead(Role role) {
        return role == Role.WAS_HURT
                ? Set.of("role", "safety")
                : Set.of(
                        "role",
                        "relationship",
                        "breach",
                        "readiness",
                        "daysElapsed",
                        "disclosure",
                        "stillHappening",
                        "happenedBefore",
                        "apologiesMade",
                        "othersAffected",
                        "safety");
    }

    /**
     * Every answer some check above reads (for either role): two situations that agree on these, with the same plan
     * (up to the answers written into its reasons), get the same verdicts from every check. Keep in step with the
     * checks; {@code AlikeSituationsTest} compares sweeps that rely on it with sweeps that do not.
     */
    static final List<String> ANSWERS_CHECKED =
            List.of("role", "readiness", "stillHappening", "apologiesMade", "safety");

    /**
     * The plan as the checks above see it: of the classification only the nature and the track; of each reason only
     * whether it is blank or keeps a brace; of the other texts only whether they are blank. Every check gives the same
     * verdict on this as on the plan itself. Keep in step with the checks, like {@link #ANSWERS_CHECKED}.
     */
    static AdvicePlan asChecked(AdvicePlan plan) {
        var c = plan.classification();
        return new AdvicePlan(
                "",
                new AdvicePlan.Classification(c.nature(), null, c.track(), null, null, List.of()),
                plan.steps().stream()
                        .map(s -> new Step(
                                0,
                                s.rank(),
                                s.phase(),
                                null,
                                s.id(),
                                blankOr(s.title()),
                                blankOr(s.detail()),
                                reasonOf(s.why()),
                                blankOr(s.rule()),
                                List.of(),
                                s.kinds(),
                                s.helplines()))
                        .toList(),
                plan.withheld().stream()
                        .map(w -> new AdvicePlan.WithheldAdvice(
                                w.id(), w.phase(), null, reasonOf(w.reason()), blankOr(w.rule()), List.of(), w.kinds()))
                        .toList(),
                blankOr(plan.disclaimer()));
    }

    /** What the checks read of a reason: blank (kept as it is), keeps a brace, or neither. */
    private static String reasonOf(String text) {
        return text == null || text.isBlank() ? text : text.contains("{") ? "{" : "·";
    }

    /** What the checks read of any other text: blank (kept as it is) or not. */
    private static String blankOr(String text) {
        return text == null || text.isBlank() ? text : "·";
    }

    /** Fear, violence or control by the other person: the person answering is at risk. */
    private static final Set<SafetyFlag> ANSWERER_AT_RISK =
            EnumSet.of(SafetyFlag.I_FEAR_THEM, SafetyFlag.VIOLENCE_BY_THEM, SafetyFlag.CONTROL_BY_THEM);

    /** Fear, violence or control by the person answering: the other person is at risk. */
    private static final Set<SafetyFlag> OTHER_AT_RISK =
            EnumSet.of(SafetyFlag.THEY_FEAR_ME, SafetyFlag.VIOLENCE_BY_ME, SafetyFlag.CONTROL_BY_ME);

    private final String description;

    Guardrail(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Empty when the plan keeps this guardrail for these answers; otherwise what is wrong. */
    abstract Optional<String> check(Answers answers, AdvicePlan plan);

    public Optional<String> violation(Answers answers, AdvicePlan plan) {
        return check(answers, plan);
    }

    /** Every guardrail's verdict on a plan, by ordinal: null where it holds, else what is wrong. */
    static String[] problems(Answers answers, AdvicePlan plan) {
        Guardrail[] all = values();
        String[] problems = new String[all.length];
        for (Guardrail g : all) {
            problems[g.ordinal()] = g.check(answers, plan).orElse(null);
        }
        return problems;
    }

    /** An apology: a step of kind apology, or any step in the APOLOGIZE phase. */
    static boolean isApology(Step s) {
        return s.is("apology") || s.phase() == Phase.APOLOGIZE;
    }

    static boolean answererAtRisk(Answers a) {
        return a.safety().stream().anyMatch(ANSWERER_AT_RISK::contains);
    }

    static boolean otherAtRisk(Answers a) {
        return a.safety().stream().anyMatch(OTHER_AT_RISK::contains);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Optional<String> firstStep(AdvicePlan plan, java.util.function.Predicate<Step> bad, String what) {
        return plan.steps().stream().filter(bad).findFirst().map(s -> "step " + s.id() + " " + what);
    }
}
