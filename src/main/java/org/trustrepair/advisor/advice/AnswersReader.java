package org.trustrepair.advisor.advice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads answers from JSON (or a CSV row turned into JSON), naming every offending field with its allowed values, so
 * that the API and the batch command reject bad input the same way. Values sent are never repeated in a message.
 */
public final class AnswersReader {

    /** The contract's answer fields, in questionnaire order. */
    public static final List<String> FIELDS = List.of(
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
            "contactUnavoidable",
            "theirResponse",
            "safety");

    /** Either answers or the problems that kept them from being read. */
    public record Result(Answers answers, List<FieldProblem> problems) {
        public boolean ok() {
            return answers != null;
        }
    }

    private final boolean textualScalars;

    private AnswersReader(boolean textualScalars) {
        this.textualScalars = textualScalars;
    }

    /** For JSON bodies: numbers must be JSON numbers and booleans JSON booleans. */
    public static AnswersReader strict() {
        return new AnswersReader(false);
    }

    /** For spreadsheet rows, where every cell is text: "12" and "true" are accepted too. */
    public static AnswersReader textual() {
        return new AnswersReader(true);
    }

    public Result read(JsonNode node) {
        List<FieldProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem("answers", "must be a JSON object of answers", FIELDS));
            return new Result(null, problems);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem(safeName(name), "is not a known answer", FIELDS));
            }
        }
        Role role = enumValue(node, "role", Role.class, false, problems);
        Relationship relationship = enumValue(node, "relationship", Relationship.class, true, problems);
        Breach breach = enumValue(node, "breach", Breach.class, true, problems);
        Disclosure disclosure = enumValue(node, "disclosure", Disclosure.class, false, problems);
        Readiness readiness = readiness(node, role, disclosure, problems);
        Integer days = integer(node, "daysElapsed", true, 0, Answers.MAX_DAYS, problems);
        boolean still = bool(node, "stillHappening", problems);
        boolean before = bool(node, "happenedBefore", problems);
        Integer apologies = integer(node, "apologiesMade", false, 0, Answers.MAX_APOLOGIES, problems);
        boolean others = bool(node, "othersAffected", problems);
        boolean contact = bool(node, "contactUnavoidable", problems);
        TheirResponse response = theirResponse(node, role, problems);
        Set<SafetyFlag> safety = flags(node, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(
                new Answers(
                        role,
                        relationship,
                        breach,
                        readiness,
                        days,
                        disclosure,
                        still,
                        before,
                        apologies == null ? 0 : apologies,
                        others,
                        contact,
                        response,
                        safety),
                List.of());
    }

    /**
     * Readiness is required of the person who broke trust once the other person knows, and refused otherwise: the hurt
     * party answers {@code theirResponse} instead, and someone who does not know yet stands nowhere. When the role or
     * the disclosure is itself wrong, only the readiness value is checked.
     */
    private static Readiness readiness(JsonNode node, Role role, Disclosure disclosure, List<FieldProblem> problems) {
        boolean roleKnown = !given(node, "role") || role != null;
        boolean disclosureKnown = !given(node, "disclosure") || disclosure != null;
        if (roleKnown
                && disclosureKnown
                && !Answers.readinessAsked(role, disclosure == null ? Disclosure.DISCOVERED : disclosure)) {
            if (given(node, "readiness")) {
                problems.add(new FieldProblem(
                        "readiness",
                        role == Role.WAS_HURT
                                ? "is not asked of the person who was hurt: send theirResponse instead"
                                : "is not asked when the other person does not know (disclosure UNDISCLOSED): leave it"
                                        + " out",
                        List.of()));
            }
            return null;
        }
        return enumValue(node, "readiness", Readiness.class, roleKnown && disclosureKnown, problems);
    }

    /** How the other person responded: the hurt party's answer only, refused from the person who broke trust. */
    private static TheirResponse theirResponse(JsonNode node, Role role, List<FieldProblem> problems) {
        boolean roleKnown = !given(node, "role") || role != null;
        if (roleKnown && !Answers.theirResponseAsked(role) && given(node, "theirResponse")) {
            problems.add(new FieldProblem(
                    "theirResponse",
                    "is asked only of the person who was hurt (role WAS_HURT): leave it out",
                    List.of()));
            return null;
        }
        return enumValue(node, "theirResponse", TheirResponse.class, false, problems);
    }

    /** Whether a field was sent with a value (null and empty text count as not sent, as for every answer). */
    private static boolean given(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null
                && !value.isNull()
                && !(value.isTextual() && value.asText().isEmpty());
    }

    private static String safeName(String name) {
        // a field name is not an answer, but keep it short and printable all the same
        String printable = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    private static <E extends Enum<E>> E enumValue(
            JsonNode node, String field, Class<E> type, boolean required, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        List<String> allowed =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isEmpty())) {
            if (required) {
                problems.add(new FieldProblem(field, "is required", allowed));
            }
            return null;
        }
        if (value.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.asText())) {
                    return e;
                }
            }
        }
        problems.add(new FieldProblem(field, "must be one of the allowed values", allowed));
        return null;
    }

    private Integer integer(
            JsonNode node, String field, boolean required, int min, int max, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        String range = "a whole number from " + min + " to " + max;
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: " + range, List.of()));
            }
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long v = value.asLong();
            if (v >= min && v <= max) {
                return (int) v;
            }
        } else if (textualScalars && value.isTextual() && value.asText().trim().matches("\\d{1,9}")) {
            long v = Long.parseLong(value.asText().trim());
            if (v >= min && v <= max) {
                return (int) v;
            }
        }
        problems.add(new FieldProblem(field, "must be " + range, List.of()));
        return null;
    }

    private boolean bool(JsonNode node, String field, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null
                || value.isNull()
                || (textualScalars && value.isTextual() && value.asText().isBlank())) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (textualScalars && value.isTextual()) {
            String t = value.asText().trim().toLowerCase();
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true");
            }
        }
        problems.add(new FieldProblem(field, "must be true or false", List.of("true", "false")));
        return false;
    }

    private static Set<SafetyFlag> flags(JsonNode node, List<FieldProblem> problems) {
        JsonNode value = node.get("safety");
        List<String> allowed =
                Arrays.stream(SafetyFlag.values()).map(Enum::name).toList();
        Set<SafetyFlag> result = EnumSet.noneOf(SafetyFlag.class);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            problems.add(new FieldProblem("safety", "must be a list of the allowed values (it may be empty)", allowed));
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            SafetyFlag flag = null;
            if (item.isTextual()) {
                for (SafetyFlag f : SafetyFlag.values()) {
                    if (f.name().equals(item.asText())) {
                        flag = f;
                    }
                }
                List<SafetyFlag> replacements = SafetyFlag.REPLACED.get(item.asText());
                if (replacements != null) {
                    // named by what replaces it, not repeated: every message leaves out what was sent
                    problems.add(new FieldProblem(
                            "safety[" + i + "]",
                            "is a flag of the first version, which does not say who is at risk from whom; send "
                                    + replacements.stream().map(Enum::name).collect(Collectors.joining(" or "))
                                    + " instead",
                            replacements.stream().map(Enum::name).toList()));
                    continue;
                }
            }
            if (flag == null) {
                problems.add(new FieldProblem("safety[" + i + "]", "must be one of the allowed values", allowed));
            } else {
                result.add(flag);
            }
        }
        return result;
    }
}
