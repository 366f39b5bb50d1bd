package org.trustrepair.advisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Case;
import org.trustrepair.advisor.advice.FieldProblem;

/**
 * One case as read from an input file, or why it could not be read: always with the file and line it came from, and
 * its id when one could be read. A reason names fields and allowed values, never the values sent.
 */
public record Input(String file, long line, String id, Case value, String reason, List<FieldProblem> problems) {

    private static final int MAX_ID = 200;

    public Input {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    boolean ok() {
        return value != null;
    }

    static Input of(String file, long line, JsonNode node, String fallbackId, AnswersReader reader) {
        String id = idOf(node, fallbackId);
        Case.Read read = Case.read(node, id, reader);
        if (read.ok()) {
            return new Input(file, line, id, read.value(), null, List.of());
        }
        String reason = read.problems().stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
        return new Input(file, line, id, null, reason, read.problems());
    }

    static Input broken(String file, long line, String id, String reason) {
        return new Input(file, line, id, null, reason, List.of());
    }

    /** A case's id is the analyst's label, not an answer: it may be shown, kept short. */
    private static String idOf(JsonNode node, String fallback) {
        if (node != null
                && node.isObject()
                && node.hasNonNull("id")
                && node.get("id").isValueNode()) {
            String id = node.get("id").asText().strip();
            if (!id.isEmpty()) {
                return id.length() > MAX_ID ? id.substring(0, MAX_ID) + "…" : id;
            }
        }
        return fallback;
    }
}
