package org.trustrepair.advisor.advice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One case: {@code {"id", "description", "answers", "expected"}}, and a {@code "$schema"} for editors, ignored. Samples,
 * batch files and the checks all use this shape. Reading one never throws: what cannot be read is reported as
 * problems, so the other cases go on.
 */
public record Case(String id, String description, Answers answers, Expectation expected) {

    private static final Set<String> KEYS = Set.of("$schema", "id", "description", "answers", "expected");
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A case or why it could not be read. */
    public record Read(Case value, List<FieldProblem> problems) {
        public boolean ok() {
            return value != null;
        }
    }

    public static Read read(JsonNode node, String fallbackId, AnswersReader reader) {
        List<FieldProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Read(null, List.of(new FieldProblem("case", "must be a JSON object", List.copyOf(KEYS))));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                problems.add(new FieldProblem(
                        name.length() > 40 ? name.substring(0, 40) : name,
                        "is not part of a case",
                        List.of("id", "description", "answers", "expected")));
            }
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : fallbackId;
        String description =
                node.hasNonNull("description") ? node.get("description").asText() : "";
        AnswersReader.Result answers = reader.read(node.get("answers"));
        answers.problems()
                .forEach(p -> problems.add(new FieldProblem("answers." + p.field(), p.message(), p.allowed())));
        Expectation expected = null;
        if (node.hasNonNull("expected")) {
            try {
                expected = STRICT.treeToValue(node.get("expected"), Expectation.class);
                expected.mistakes().forEach(m -> problems.add(new FieldProblem("expected.order", m, List.of())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                        && m.getTargetType() != null
                        && java.util.Collection.class.isAssignableFrom(m.getTargetType())
                        && !m.getPath().isEmpty()) {
                    // the commonest slip: one text where a list belongs ("order": "a before b")
                    String field = m.getPath().get(m.getPath().size() - 1).getFieldName();
                    problems.add(new FieldProblem(
                            "expected." + field,
                            "is a list: write it in [ ], even for one item, as \"" + field + "\": [\"…\"]",
                            List.of()));
                    return new Read(null, problems);
                }
                problems.add(new FieldProblem(
                        "expected",
                        "cannot be read: " + firstLine(e.getOriginalMessage()),
                        List.of(
                                "track",
                                "nature",
                                "severity",
                                "period",
                                "phases",
                                "absentPhases",
                                "steps",
                                "absentSteps",
                                "order",
                                "withheld",
                                "first")));
            }
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        return new Read(new Case(id, description, answers.answers(), expected), List.of());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
