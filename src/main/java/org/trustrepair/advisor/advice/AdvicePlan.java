package org.trustrepair.advisor.advice;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The advice plan: the public shape of the JSON API and of every batch output line. */
public record AdvicePlan(
        String rulesVersion,
        Classification classification,
        List<Step> steps,
        List<WithheldAdvice> withheld,
        String disclaimer) {

    public AdvicePlan {
        steps = List.copyOf(steps);
        withheld = List.copyOf(withheld);
    }

    /**
     * How the rules read the situation, with the plain-language reasons that led there; {@code summary} is the
     * track in one sentence.
     */
    public record Classification(
            Nature nature, Severity severity, Track track, Period period, String summary, List<String> why) {
        public Classification {
            why = List.copyOf(why);
        }
    }

    /**
     * One thing to do. {@code order} is its place in the plan (1 first); {@code rank} the rank its rule gives it inside
     * its phase. {@code why} names the answers that led here; {@code rule} is the rule that gave it; {@code kinds}
     * say what sort of act it is (an apology, contact with the other party…), which the guardrails check.
     */
    public record Step(
            int order,
            int rank,
            Phase phase,
            String phaseTitle,
            String id,
            String title,
            String detail,
            String why,
            String rule,
            List<String> sources,
            List<String> kinds,
            List<Helpline> helplines) {
        public Step {
            sources = List.copyOf(sources);
            kinds = List.copyOf(kinds);
            helplines = List.copyOf(helplines);
        }

        public boolean is(String kind) {
            return kinds.contains(kind);
        }
    }

    /** Advice considered and deliberately not given now, and why. */
    public record WithheldAdvice(
            String id,
            Phase phase,
            String title,
            String reason,
            String rule,
            List<String> sources,
            List<String> kinds) {
        public WithheldAdvice {
            sources = List.copyOf(sources);
            kinds = List.copyOf(kinds);
        }

        public boolean is(String kind) {
            return kinds.contains(kind);
        }
    }

    /** A help line shown with a safety step. Kept in an editable list beside the rules. */
    public record Helpline(String need, String region, String name, String contact) {}

    /**
     * For each step, in order, its help lines that no step before it gives: the page and the preview show each help
     * line once, with the first step that gives it.
     */
    public List<List<Helpline>> helplinesFirstGiven() {
        Set<Helpline> shown = new HashSet<>();
        return steps.stream()
                .map(s -> s.helplines().stream().filter(shown::add).toList())
                .toList();
    }

    public boolean hasStep(String id) {
        return steps.stream().anyMatch(s -> s.id().equals(id));
    }

    public boolean withholds(String id) {
        return withheld.stream().anyMatch(w -> w.id().equals(id));
    }
}
