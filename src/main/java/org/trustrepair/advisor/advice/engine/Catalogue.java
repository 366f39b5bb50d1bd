package org.trustrepair.advisor.advice.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustrepair.advisor.advice.AdvicePlan.Helpline;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.Track;

/**
 * The counsellors' texts beside the rules: the title and detail of every advice id, the help lines (and which of
 * them a page shows when it can make no plan), the source keys, the disclaimer, the names of phases (some with a name
 * of their own for the person who was hurt) and tracks, and the questionnaire.
 */
public record Catalogue(
        Map<String, AdviceText> advice,
        Map<String, List<Helpline>> helplines,
        List<String> helplinesWithoutAPlan,
        Map<String, String> sources,
        String disclaimer,
        Map<Phase, String> phaseTitles,
        Map<Phase, String> hurtPartyPhaseTitles,
        Map<Track, String> trackSummaries,
        Questionnaire questionnaire) {

    /** The help lines a page shows when it can make no plan, group by group in the order plan.yaml gives. */
    public List<Helpline> helplinesWithoutAPlanInOrder() {
        return helplinesWithoutAPlan.stream()
                .flatMap(group -> helplines.getOrDefault(group, List.of()).stream())
                .toList();
    }

    /** What sort of act a piece of advice is; the guardrails read these. */
    public static final Set<String> KINDS = Set.of(
            "apology",
            "contact",
            "reconciliation",
            "couples-counselling",
            "transparency",
            "crisis-line",
            "safety-help",
            "pressure",
            "concealment",
            "surveillance",
            "reflection",
            "professional-help",
            "action",
            "acceptance");

    /**
     * A step or withheld item as a person reads it, beside the id rules and samples write: “Apologize fully, once”
     * (apologize-fully); an id without words is said to be one.
     */
    public String named(String adviceId) {
        AdviceText text = advice.get(adviceId);
        return text == null ? adviceId + " (no advice.yaml has this id)" : "“" + text.title() + "” (" + adviceId + ")";
    }

    /** The name a plan shows above a phase's steps to someone in this role. */
    public String phaseTitle(Phase phase, Role role) {
        String own = role == Role.WAS_HURT ? hurtPartyPhaseTitles.get(phase) : null;
        return own != null ? own : phaseTitles.get(phase);
    }

    /** A phase by the name a plan shows above its steps, beside its value: “Tell the truth” (DISCLOSE). */
    public String named(Phase phase) {
        String title = phaseTitles.get(phase);
        return title == null ? phase.name() : "“" + title + "” (" + phase + ")";
    }

    /**
     * The words of one piece of advice. {@code kinds} say what sort of act it is, for the guardrails: {@code apology},
     * {@code contact} (reaching the other party, directly or not), {@code reconciliation}, {@code couples-counselling},
     * {@code transparency}, {@code crisis-line}, {@code pressure}, {@code concealment}.
     */
    public record AdviceText(String title, String detail, List<String> kinds, List<String> helplines, String file) {
        public AdviceText {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            helplines = helplines == null ? List.of() : List.copyOf(helplines);
        }
    }
}
