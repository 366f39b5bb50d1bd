package org.trustrepair.advisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        StringBuilder out = new StringBuilder("\nA draft of the new step " + id + ", for these answers\n");
        out.append("  1. The rule, into the .drl of the folder of its phase")
                .append(hurt ? " (for the person who was hurt: hurt-party/hurt-party.drl)" : "")
                .append(". Loosen its when: keep only\n")
                .append("     the tests that matter, and delete the lines of the findings it does not need.")
                .append(" Choose its phase and\n")
                .append("     rank (rules/README.md, \"Choosing a phase, a rank and kinds for a new step\").\n\n");
        out.append("rule \"Say in a few words what this step is for\"\n")
                .append("  @id(\"")
                .append(id)
                .append("\")\n")
                .append("  @reason(\"Why this step fits them, in words the person reads.\")\n")
                .append("  @sources(\"A KEY OF rules/sources.yaml\")\n")
                .append("when\n");
        // how long ago is tested by its period (PeriodIs below), never as a number of days
        out.append(PreviewFacts.situation(rules.questionnaire(), answers, Set.of("daysElapsed")));
        PreviewFacts.derivedLines(derived)
                .forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("then\n")
                .append("  insert( new Advice( \"")
                .append(id)
                .append("\", Phase.REFLECT, 1 ) );")
                .append("  // the phase and rank you chose\n")
                .append("end\n\n");
        out.append("  2. The words, into the advice.yaml beside that .drl (texts in double quotes or after >-;")
                .append(" kinds: the same section).\n\n")
                .append(id)
                .append(":\n")
                .append("  title: \"The step's title, as the person reads it\"\n")
                .append("  detail: >-\n")
                .append("    What to do, in a few sentences.\n")
                .append("  kinds: [reflection]\n\n");
        ObjectNode sample = JSON.createObjectNode();
        sample.put("id", id);
        sample.put("description", "Who this is, what happened, and why the plan must give " + id + ".");
        sample.set("answers", asked(rules.questionnaire(), answers));
        sample.putObject("expected").putArray("steps").add(id);
        out.append("  3. The sample, as samples/")
                .append(id)
                .append(".json: it protects the step from later edits")
                .append(" (rules/README.md, \"Samples\").\n\n");
        try {
            out.append(JSON.writeValueAsString(sample)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of plain values always writes
        }
        out.append("\nThen ./advisor check rules: it compiles the rule, runs the sample and proves every promise.\n");
        return out.toString();
    }

    /** The answers the questionnaire asks of these answers, as a sample writes them (the API's JSON). */
    private static ObjectNode asked(Questionnaire questionnaire, Answers answers) {
        Map<String, Object> given = PreviewFacts.byName(answers);
        ObjectNode asked = JSON.createObjectNode();
        for (Questionnaire.Question q : questionnaire.questions()) {
            Object value = given.get(q.field());
            boolean none = value == null || (value instanceof Collection<?> c && c.isEmpty());
            if (q.appliesTo(given) && !none && !asked.has(q.field())) {
                asked.set(q.field(), JSON.valueToTree(value));
            }
        }
        return asked;
    }
}
