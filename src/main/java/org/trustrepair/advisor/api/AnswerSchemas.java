package org.trustrepair.advisor.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.Expectation;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Questionnaire.Question;

/**
 * The JSON Schemas (2020-12) of the answers and of a case file ({@code samples/*.json}), made from the questionnaire,
 * the one definition of the answers, and from {@link Expectation}. The OpenAPI document, {@code /schemas/…} and
 * {@code docs/schemas/} all show these.
 *
 * <p>A question's {@code requiredWhen} makes its field required in those situations. A question asked only in some
 * situations ({@code askedWhen}) and without a default has no meaning elsewhere, and is refused there, as the reader
 * refuses {@code readiness} and {@code theirResponse}; {@code ApiDocsTest} holds the two to the same answers.
 */
public final class AnswerSchemas {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnswerSchemas() {}

    /** The answers' schema, without {@code $schema}: as the OpenAPI document holds it. */
    public static ObjectNode answers(Questionnaire questionnaire) {
        Map<String, List<Question>> fields = questionnaire.questions().stream()
                .collect(Collectors.groupingBy(Question::field, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> defaults = new LinkedHashMap<>();
        fields.forEach((field, questions) -> {
            if (questions.get(0).defaultValue() != null) {
                defaults.put(field, questions.get(0).defaultValue());
            }
        });
        ObjectNode schema = JSON.objectNode();
        schema.put("title", "Answers");
        schema.put(
                "description",
                "The answers to \"" + questionnaire.title() + "\". Send the answers that apply; an answer left out "
                        + "takes its default. Names and values are the contract; each property says when it is asked.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        Set<String> required = new TreeSet<>(); // in the order the OpenAPI document gives them
        ArrayNode conditions = JSON.arrayNode();
        fields.forEach((field, questions) -> {
            Question q = questions.get(0);
            properties.set(field, property(questions));
            if (q.requiredWhen() != null
                    && q.askedWhen().isEmpty()
                    && q.requiredWhen().isEmpty()) {
                required.add(field);
            } else if (q.requiredWhen() != null) {
                ObjectNode rule = conditions.addObject();
                rule.set("if", when(defaults, q.askedWhen(), q.requiredWhen()));
                rule.putObject("then").putArray("required").add(field);
            }
            if (!q.askedWhen().isEmpty() && q.defaultValue() == null) {
                ObjectNode rule = conditions.addObject();
                rule.set("if", when(defaults, q.askedWhen()));
                rule.putObject("else").putObject("not").putArray("required").add(field);
            }
        });
        required.forEach(schema.withArray("required")::add);
        schema.put("additionalProperties", false);
        if (!conditions.isEmpty()) {
            schema.set("allOf", conditions);
        }
        return schema;
    }

    /** The schema of a case file: its answers and the plan they must get, complete with {@code $schema}. */
    public static ObjectNode sampleFile(Questionnaire questionnaire) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("title", "A case");
        schema.put(
                "description",
                "One case of samples/ or of a batch: its answers, and optionally the plan they must get (expected).");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties
                .putObject("$schema")
                .put("type", "string")
                .put("description", "Where an editor finds this schema; the advisor ignores it.");
        properties
                .putObject("id")
                .put("type", "string")
                .put("description", "The case's name in reports; the file's name when left out.");
        properties
                .putObject("description")
                .put("type", "string")
                .put("description", "What the case is, in a counsellor's words.");
        properties.putObject("answers").put("$ref", "#/$defs/Answers");
        properties.set("expected", expectation());
        schema.putArray("required").add("answers");
        schema.put("additionalProperties", false);
        schema.putObject("$defs").set("Answers", answers(questionnaire));
        return schema;
    }

    /** The answers' schema on its own, complete with {@code $schema}. */
    public static ObjectNode answersFile(Questionnaire questionnaire) {
        ObjectNode schema = JSON.objectNode().put("$schema", DIALECT);
        schema.setAll(answers(questionnaire));
        return schema;
    }

    private static ObjectNode property(List<Question> questions) {
        Question q = questions.get(0);
        ObjectNode p = JSON.objectNode();
        Set<String> values = new LinkedHashSet<>();
        List<String> labels = new ArrayList<>();
        questions.forEach(each -> each.choices().forEach(c -> {
            values.add(c.value());
            labels.add("- `" + c.value() + "`: " + c.label());
        }));
        switch (q.type()) {
            case "choice" -> enumOf(p, values);
            case "choices" -> {
                p.put("type", "array");
                enumOf(p.putObject("items"), values);
            }
            case "number" -> {
                p.put("type", "integer");
                p.put("minimum", q.min());
                p.put("maximum", q.max());
            }
            case "yesno" -> p.put("type", "boolean");
            default -> throw new IllegalStateException("A question of unknown type: " + q.type());
        }
        String text = questions.stream()
                .map(each -> each.help() == null ? each.text() : each.text() + " " + each.help())
                .collect(Collectors.joining(" "));
        String description = text + (labels.isEmpty() ? "" : "\n\n" + String.join("\n", labels)) + "\n\n" + when(q);
        p.put("description", description);
        if (q.defaultValue() != null) {
            switch (q.type()) {
                case "number" -> p.put("default", Integer.parseInt(q.defaultValue()));
                case "yesno" -> p.put("default", Boolean.parseBoolean(q.defaultValue()));
                default -> p.put("default", q.defaultValue());
            }
        } else if (q.type().equals("choices")) {
            p.putArray("default");
        }
        return p;
    }

    private static void enumOf(ObjectNode node, Set<String> values) {
        node.put("type", "string");
        ArrayNode list = node.putArray("enum");
        values.forEach(list::add);
    }

    /** When a question is asked and required, in words. */
    private static String when(Question q) {
        String asked = q.askedWhen().isEmpty() ? "Always asked" : "Asked when " + words(q.askedWhen());
        String required = q.requiredWhen() == null
                ? "; optional."
                : q.requiredWhen().isEmpty() ? "; required." : "; required when " + words(q.requiredWhen()) + ".";
        boolean refused = !q.askedWhen().isEmpty() && q.defaultValue() == null;
        return asked + required + (refused ? " Refused when not asked." : "");
    }

    /** Conditions in words, in the order of their names (the questionnaire's maps have none). */
    private static String words(Map<String, List<String>> condition) {
        return new TreeMap<>(condition)
                .entrySet().stream()
                        .map(e -> e.getKey() + " is " + or(e.getValue()))
                        .collect(Collectors.joining(" and "));
    }

    private static String or(List<String> values) {
        return values.size() == 1
                ? values.get(0)
                : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /**
     * A condition on other answers: each listed answer has one of its values (the values common to all the conditions
     * that list it). An answer left out counts as its default, so it need be present only when its default is not
     * among the values.
     */
    @SafeVarargs
    private static ObjectNode when(Map<String, String> defaults, Map<String, List<String>>... conditions) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (Map<String, List<String>> condition : conditions) {
            new TreeMap<>(condition)
                    .forEach((field, values) -> allowed.merge(field, new LinkedHashSet<>(values), (a, b) -> {
                        a.retainAll(b);
                        return a;
                    }));
        }
        ObjectNode when = JSON.objectNode();
        ObjectNode properties = when.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        allowed.forEach((field, values) -> {
            ArrayNode list = properties.putObject(field).putArray("enum");
            values.forEach(list::add);
            if (!values.contains(defaults.get(field))) {
                required.add(field);
            }
        });
        if (!required.isEmpty()) {
            when.set("required", required);
        }
        return when;
    }

    /** The expected block, from {@link Expectation}'s components: enums by their values, lists by their items. */
    private static ObjectNode expectation() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put(
                "description",
                "What the plan must look like; every part is optional. In order and first, a name in capitals is a "
                        + "phase, anything else a step id; each order line reads \"A before B\".");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent c : Expectation.class.getRecordComponents()) {
            properties.set(c.getName(), typeOf(c.getGenericType()));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode typeOf(Type type) {
        ObjectNode node = JSON.objectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            node.put("type", "array");
            node.set("items", typeOf(list.getActualTypeArguments()[0]));
        } else if (type instanceof Class<?> c && c.isEnum()) {
            Set<String> values = new LinkedHashSet<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            enumOf(node, values);
        } else if (type == String.class) {
            node.put("type", "string");
        } else {
            throw new IllegalStateException("Expectation has a part of a type the schema cannot say: " + type);
        }
        return node;
    }
}
