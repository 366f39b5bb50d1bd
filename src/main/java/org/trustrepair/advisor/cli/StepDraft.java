package org.trustrepair.advisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Track;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * {@code ./advisor preview --draft=ID …}: the three pieces a new step needs, filled in for these answers, to copy into
 * the files and then finish by hand: a rule whose {@code when} is every fact of this situation (to loosen), an entry
 * of {@code advice.yaml}, and a sample that protects the step with these answers. A counsellor writes the words and
 * chooses the phase and rank; nothing is written to any file.
 */
final class StepDraft {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StepDraft() {}

    /** The draft of step {@code id} for these answers. */
    static String text(RuleSet rules, Answers answers, AdvicePlan plan, List<Object> derived, String id) {
        if (!id.matches("[a-z0-9-]+") || id.startsWith("-") || id.endsWith("-") || id.contains("--")) {
            return "\nA draft needs an id in small letters and hyphens, such as write-down-your-questions, not \"" + id
                    + "\".\n";
        }
        if (rules.catalogue().advice().containsKey(id)) {
            return "\n\"" + id + "\" is already a step or a thing not to do: "
                    + rules.catalogue().named(id) + ". Choose a new id for a new step.\n";
        }
        boolean hurt = plan.classification().track() == Track.HURT_PARTY;
        StringBuilder when = new StringBuilder();
        // how long ago is tested by its period (PeriodIs below), never as a number of days
        when.append(PreviewFacts.situation(rules.questionnaire(), answers, Set.of("daysElapsed")));
        PreviewFacts.derivedLines(derived)
                .forEach(line -> when.append("  ").append(line).append('\n'));
        ObjectNode sample = JSON.createObjectNode();
        sample.put("id", id);
        sample.put("description", "Who this is, what happened, and why the plan must give " + id + ".");
        sample.set("answers", sampleAnswers(rules.questionnaire(), answers));
        sample.putObject("expected").putArray("steps").add(id);
        // the id first: what replaces the other names holds no name in braces
        return DRAFT.replace("{id}", id)
                .replace("{hurt}", hurt ? " (for the person who was hurt: hurt-party/hurt-party.drl)" : "")
                .replace("{when}", when)
                .replace("{sample}", sample.toPrettyString());
    }

    /** The draft, with its names in braces to fill in: the id, the hurt party's folder, the when, the sample. */
    private static final String DRAFT = """

            A draft of the new step {id}, for these answers
              1. The rule, into the .drl of the folder of its phase{hurt}. Loosen its when: keep only
                 the tests that matter, and delete the lines of the findings it does not need. Choose its phase and
                 rank (rules/README.md, "Choosing a phase, a rank and kinds for a new step").

            rule "Say in a few words what this step is for"
              @id("{id}")
              @reason("Why this step fits them, in words the person reads.")
              @sources("A KEY OF rules/sources.yaml")
            when
            {when}then
              insert( new Advice( "{id}", Phase.REFLECT, 1 ) );  // the phase and rank you chose
            end

              2. The words, into the advice.yaml beside that .drl (texts in double quotes or after >-; kinds: the same section).

            {id}:
              title: "The step's title, as the person reads it"
              detail: >-
                What to do, in a few sentences.
              kinds: [reflection]

              3. The sample, as samples/{id}.json: it protects the step from later edits (rules/README.md, "Samples").

            {sample}

            Then ./advisor check rules: it compiles the rule, runs the sample and proves every promise.
            """;

    /** The answers the questionnaire asks of these answers, as a sample writes them (the API's JSON). */
    private static ObjectNode sampleAnswers(Questionnaire questionnaire, Answers answers) {
        ObjectNode sample = JSON.createObjectNode();
        PreviewFacts.asked(questionnaire, answers).forEach((field, value) -> {
            if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
                sample.set(field, JSON.valueToTree(value));
            }
        });
        return sample;
    }
}
