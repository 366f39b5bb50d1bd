package org.trustrepair.advisor.workbench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.Questionnaire;

/**
 * The workbench's what-if: any answers, the plan and the rules that fired for them, and the same answers a week, three
 * months and a year on. Answers come from the form, live for one request and are never kept or logged.
 */
final class WhatIf {

    /** How much later, in days, and how the workbench says it. */
    static final List<Map.Entry<Integer, String>> LATER =
            List.of(Map.entry(7, "a week later"), Map.entry(90, "three months later"), Map.entry(365, "a year later"));

    /** The same answers some days on: which steps appear and which go, and the track if it changes. */
    record Later(
            String when, int daysElapsed, List<String> appear, List<String> disappear, String track, boolean same) {}

    /** The plan, the rules that fired (in firing order, each once) and how it changes as time passes. */
    record Result(AdvicePlan plan, List<String> firedRules, List<Later> later) {}

    private WhatIf() {}

    /** The form's values as answers, read exactly as the API reads them (so the same checks and messages apply). */
    static AnswersReader.Result read(Questionnaire questionnaire, Map<String, List<String>> form) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        // a question that does not apply to these answers (readiness when they do not know) is not sent
        Map<String, Object> given = new HashMap<>();
        for (Questionnaire.Question q : questionnaire.questions()) {
            List<String> values = form.getOrDefault(q.field(), List.of());
            String value = values.isEmpty() || values.get(0).isBlank() ? q.defaultValue() : values.get(0);
            if (value != null) {
                given.putIfAbsent(q.field(), value.strip());
            }
        }
        for (Questionnaire.Question q : questionnaire.questions()) {
            if (!q.appliesTo(given)) {
                continue;
            }
            List<String> values = form.getOrDefault(q.field(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .toList();
            if ("choices".equals(q.type())) {
                ArrayNode array = node.putArray(q.field());
                values.forEach(array::add);
            } else if (!values.isEmpty()) {
                node.put(q.field(), values.get(0));
            }
        }
        return AnswersReader.textual().read(node);
    }

    static Result of(Advisor advisor, Answers answers) {
        Evaluation now = advisor.evaluate(answers);
        List<Later> later = new ArrayList<>();
        LATER.forEach(entry -> {
            int days = entry.getKey();
            String when = entry.getValue();
            int d = Math.min(Answers.MAX_DAYS, answers.daysElapsed() + days);
            AdvicePlan then = advisor.evaluate(answers.withDaysElapsed(d)).plan();
            List<String> appear = then.steps().stream()
                    .filter(s -> !now.plan().hasStep(s.id()))
                    .map(s -> s.title() + " (" + s.id() + ")")
                    .toList();
            List<String> disappear = now.plan().steps().stream()
                    .filter(s -> !then.hasStep(s.id()))
                    .map(s -> s.title() + " (" + s.id() + ")")
                    .toList();
            var trackNow = now.plan().classification().track();
            var trackThen = then.classification().track();
            String track = trackNow == trackThen ? null : trackNow + " → " + trackThen;
            later.add(new Later(
                    when, d, appear, disappear, track, appear.isEmpty() && disappear.isEmpty() && track == null));
        });
        return new Result(now.plan(), now.firedRules().stream().distinct().toList(), later);
    }
}
