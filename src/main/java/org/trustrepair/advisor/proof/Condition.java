package org.trustrepair.advisor.proof;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * When a guardrail applies, as written under {@code when:} in {@code rules/guardrails.yaml}: every line must hold. A
 * line names an answer (one value, or a list meaning "one of"; numbers as {@code {atLeast: N, below: M}}; {@code
 * safety} as the flags of which at least one is ticked; {@code noSafety: true} for none ticked; {@code notSafety} as
 * flags none of which is ticked) or a part of the plan's
 * classification ({@code track}, {@code nature}, {@code severity}, {@code period}) or its steps ({@code stepOfKind}:
 * a step of one of these kinds is given); {@code anyOf} lists groups of which
 * at least one holds. Answers are read by name from {@link Answers}, so a new answer needs no code here.
 */
public final class Condition {

    /** The answers, by name. */
    static final Map<String, RecordComponent> ANSWERS = new LinkedHashMap<>();

    private static final Map<String, RecordComponent> PLAN = new LinkedHashMap<>();

    static {
        Arrays.stream(Answers.class.getRecordComponents()).forEach(c -> ANSWERS.put(c.getName(), c));
        for (String name : List.of("track", "nature", "severity", "period")) {
            Arrays.stream(AdvicePlan.Classification.class.getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .forEach(c -> PLAN.put(name, c));
        }
    }

    private record Line(
            String field, boolean ofPlan, Set<String> values, Integer atLeast, Integer below, boolean none) {
        /** A line of the answers: none of these values (today only {@code notSafety}). */
        boolean negated() {
            return field.equals("notSafety");
        }
    }

    private final List<Line> lines;
    private final List<Condition> anyOf;

    private Condition(List<Line> lines, List<Condition> anyOf) {
        this.lines = lines;
        this.anyOf = anyOf;
    }

    /**
     * Reads a {@code when:} block; every mistake goes to {@code problems} in words a counsellor can act on (the field,
     * the allowed fields or values), and the line is left out.
     */
    static Condition read(Map<String, Object> when, String where, List<String> problems) {
        List<Line> lines = new ArrayList<>();
        List<Condition> anyOf = new ArrayList<>();
        if (when == null) {
            return new Condition(lines, anyOf);
        }
        when.forEach((field, value) -> {
            if (field.equals("anyOf")) {
                if (!(value instanceof List<?> groups)) {
                    problems.add(where + ": anyOf takes a list of groups, each written like when:");
                    return;
                }
                for (Object group : groups) {
                    Condition read = read(asMap(group, where, problems), where + " anyOf", problems);
                    if (read.lines.stream().anyMatch(Line::ofPlan) || !read.anyOf.isEmpty()) {
                        problems.add(where + ": an anyOf group names answers only; write track, nature, severity,"
                                + " period and stepOfKind outside anyOf, and no anyOf inside another");
                    }
                    anyOf.add(read);
                }
            } else if (field.equals("stepOfKind")) {
                Set<String> kinds = names(value);
                if (!Guardrails.KINDS.containsAll(kinds)) {
                    problems.add(
                            where + ": stepOfKind can be " + String.join(", ", new TreeSet<>(Guardrails.KINDS)) + ".");
                } else {
                    lines.add(new Line("stepOfKind", true, kinds, null, null, false));
                }
            } else if (field.equals("noSafety")) {
                if (Boolean.TRUE.equals(value)) {
                    lines.add(new Line("safety", false, Set.of(), null, null, true));
                }
            } else if (field.equals("notSafety")) {
                Line flags = line("safety", value, where, problems);
                if (flags != null) {
                    lines.add(new Line("notSafety", false, flags.values(), null, null, false));
                }
            } else if (ANSWERS.containsKey(field) || PLAN.containsKey(field)) {
                Line line = line(field, value, where, problems);
                if (line != null) {
                    lines.add(line);
                }
            } else {
                problems.add(where + ": \"" + field + "\" is not an answer or a part of the plan. Use one of: "
                        + String.join(", ", ANSWERS.keySet()) + ", " + String.join(", ", PLAN.keySet())
                        + ", stepOfKind, noSafety, notSafety, anyOf.");
            }
        });
        return new Condition(lines, anyOf);
    }

    private static Line line(String field, Object value, String where, List<String> problems) {
        boolean ofPlan = PLAN.containsKey(field);
        Class<?> type = (ofPlan ? PLAN : ANSWERS).get(field).getType();
        if (type == int.class || type == Integer.class) {
            Map<String, Object> range = asMap(value, where + " " + field, problems);
            if (range == null || !Set.of("atLeast", "below").containsAll(range.keySet())) {
                problems.add(where + ": " + field + " takes {atLeast: N, below: M} (either or both).");
                return null;
            }
            return new Line(
                    field, false, Set.of(), (Integer) range.get("atLeast"), (Integer) range.get("below"), false);
        }
        Set<String> values = names(value);
        Set<String> allowed = allowed(type);
        if (!allowed.containsAll(values)) {
            problems.add(where + ": " + field + " can be " + String.join(", ", allowed) + ".");
            return null;
        }
        return new Line(field, ofPlan, values, null, null, false);
    }

    /** The values a line names: one, or a list. */
    private static Set<String> names(Object value) {
        Collection<?> given = value instanceof Collection<?> c ? c : List.of(String.valueOf(value));
        return given.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The values an answer can be written as: an enum's names, true or false. */
    private static Set<String> allowed(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return new TreeSet<>(List.of("true", "false"));
        }
        // the one set among the answers is the safety flags
        Class<?> values = Set.class.isAssignableFrom(type) ? SafetyFlag.class : type;
        return Arrays.stream(values.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add(where + ": expected lines of the form name: value.");
        return null;
    }

    /** Whether the lines about the plan (its classification, stepOfKind) hold; anyOf groups name answers only. */
    boolean holdsForPlan(AdvicePlan plan) {
        return lines.stream()
                .filter(Line::ofPlan)
                .allMatch(line -> line.field().equals("stepOfKind")
                        ? plan.steps().stream()
                                .anyMatch(s -> line.values().stream().anyMatch(s::is))
                        : holds(line, read(PLAN, line.field(), plan.classification())));
    }

    /**
     * Whether the lines about answers hold, with at least one anyOf group: the same for every two situations that
     * agree on {@link #answersRead}.
     */
    boolean holdsForAnswers(Answers answers) {
        return lines.stream()
                        .filter(line -> !line.ofPlan())
                        .allMatch(line -> line.negated()
                                ? !holds(line, answers.safety())
                                : holds(line, read(ANSWERS, line.field(), answers)))
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(c -> c.holdsForAnswers(answers)));
    }

    /**
     * Its conditions on answers as parts that must all hold, each reading fewer answers: each line about an answer on
     * its own, and the anyOf groups together. {@link #holdsForAnswers} holds exactly when every part does.
     */
    List<Condition> answerParts() {
        List<Condition> parts = new ArrayList<>();
        lines.stream()
                .filter(line -> !line.ofPlan())
                .forEach(line -> parts.add(new Condition(List.of(line), List.of())));
        if (!anyOf.isEmpty()) {
            parts.add(new Condition(List.of(), anyOf));
        }
        return parts;
    }

    /**
     * Whether some situation with these answers (by name: an enum, true or false, a number, the set of safety flags,
     * or null for none given) could meet this condition. An answer not given may be anything, and the lines about the
     * plan may hold: so this errs towards yes.
     */
    boolean allows(Map<String, Object> given) {
        return lines.stream()
                        .filter(line -> !line.ofPlan() && given.containsKey(answer(line)))
                        .allMatch(line -> line.negated() != holds(line, given.get(answer(line))))
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(c -> c.allows(given)));
    }

    private static boolean holds(Line line, Object value) {
        if (value instanceof Integer n) {
            return (line.atLeast() == null || n >= line.atLeast()) && (line.below() == null || n < line.below());
        }
        if (value instanceof Set<?> flags) {
            if (line.none()) {
                return flags.isEmpty();
            }
            return flags.stream().anyMatch(f -> line.values().contains(((Enum<?>) f).name()));
        }
        if (value == null) {
            return false;
        }
        String name = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        return line.values().contains(name);
    }

    /** The answers by name, in the order {@link Answers} lists them (blank ones null). */
    static Map<String, Object> byName(Answers answers) {
        Map<String, Object> byName = new LinkedHashMap<>();
        ANSWERS.keySet().forEach(field -> byName.put(field, read(ANSWERS, field, answers)));
        return byName;
    }

    private static Object read(Map<String, RecordComponent> fields, String field, Object from) {
        try {
            return fields.get(field).getAccessor().invoke(from);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /** Its lines, and those of its anyOf groups. */
    private Stream<Line> allLines() {
        return Stream.concat(lines.stream(), anyOf.stream().flatMap(Condition::allLines));
    }

    /**
     * The answers this condition reads (not parts of the plan) when the person answering has this role (null: any
     * role): none when it names only the other role, and of its anyOf groups only those that can hold for this role.
     */
    Set<String> answersRead(String role) {
        Set<String> roles = lines.stream()
                .filter(l -> l.field().equals("role"))
                .map(Line::values)
                .findFirst()
                .orElse(null);
        if (role != null && roles != null && !roles.contains(role)) {
            return Set.of();
        }
        return Stream.concat(
                        lines.stream().filter(l -> !l.ofPlan()).map(Condition::answer),
                        anyOf.stream().flatMap(c -> c.answersRead(role).stream()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What this condition (with its anyOf groups) asks of the safety flags, as DRL constraints on a Situation: the
     * sweep must tell apart every two sets of flags these treat differently. "None of these" ({@code notSafety})
     * tells apart exactly the sets that "one of these" does.
     */
    List<String> safetyConstraints() {
        return allLines()
                .filter(l -> answer(l).equals("safety"))
                .map(l -> l.none()
                        ? "safetyConcern"
                        : String.join(
                                " || ",
                                l.values().stream()
                                        .map(v -> "safety contains SafetyFlag." + v)
                                        .toList()))
                .toList();
    }

    /** The answer a line reads ({@code notSafety} reads the safety flags). */
    private static String answer(Line line) {
        return line.negated() ? "safety" : line.field();
    }

    /** The values this condition names for an answer, in its anyOf groups too. */
    Set<String> valuesNamed(String field) {
        return allLines()
                .filter(l -> answer(l).equals(field) && !l.ofPlan())
                .flatMap(l -> l.values().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Where this condition cuts a number answer in two, in its anyOf groups too. */
    Set<Integer> cuts(String field) {
        return allLines()
                .filter(l -> l.field().equals(field))
                .flatMap(l -> Stream.of(l.atLeast(), l.below()))
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
