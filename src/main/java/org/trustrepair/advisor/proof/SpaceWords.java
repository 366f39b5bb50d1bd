package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Questionnaire.Question;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * The {@link AnswerSpace} said to a counsellor, in the questionnaire's words: how many situations the check tries,
 * what a situation is, and which answers it tries together because no rule or guardrail tells them apart ("How many
 * days ago did they find out: 0–13, 14–89, …"). No enum value, no index. {@link AnswerSpace#describe} is the same
 * for rule authors, in the contract's names.
 */
final class SpaceWords {

    private SpaceWords() {}

    /**
     * What a situation is and how many are tried, for each role; then the answers tried together, and those no rule
     * reads: three lines at most, each without a line break at its end. An answer that differs by role says for whom.
     */
    static List<String> of(AnswerSpace space, Questionnaire questionnaire) {
        List<String> lines = new ArrayList<>();
        String perRole = IntStream.range(0, space.roleCount())
                .mapToObj(role -> String.format(
                        "%,d for “%s”",
                        Arrays.stream(space.sizesWithin(role)).asLongStream().reduce(1, (x, y) -> x * y),
                        DiffWords.label(questionnaire, "role", Role.values()[role].name())))
                .collect(Collectors.joining(", "));
        lines.add(String.format(
                "What a situation is: one combination of answers that the rules tell apart, not a number of people."
                        + " The check tries %,d, which stand for every answer anyone can give: %s.",
                space.size(), perRole));
        List<String> together = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String field : fields(questionnaire)) {
            int d = AnswerSpace.DIMENSIONS.indexOf(field);
            Map<String, List<Role>> grouped = new LinkedHashMap<>();
            Map<String, List<Role>> notRead = new LinkedHashMap<>();
            List<Role> asking = new ArrayList<>();
            for (int role = 0; role < space.roleCount(); role++) {
                Role r = Role.values()[role];
                Optional<Question> q = questionnaire.question(field).filter(question -> askedOf(question, r));
                if (q.isEmpty()) {
                    continue;
                }
                asking.add(r);
                if (space.sizesWithin(role)[d] == 1) {
                    String question = d == AnswerSpace.SAFETY ? "the safety questions" : DiffWords.question(q.get(), r);
                    notRead.computeIfAbsent(question, k -> new ArrayList<>()).add(r);
                } else {
                    String words = together(space, questionnaire, role, d);
                    if (!words.isEmpty()) {
                        grouped.computeIfAbsent(words, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            grouped.forEach((words, roles) -> together.add(words + forWhom(questionnaire, roles, asking)));
            notRead.forEach((words, roles) -> unread.add(words + forWhom(questionnaire, roles, asking)));
        }
        if (!together.isEmpty()) {
            lines.add("Answers are grouped where no rule or guardrail tells them apart, and each group is tried once: "
                    + String.join("; ", together) + ".");
        }
        if (!unread.isEmpty()) {
            lines.add("Read by no rule or guardrail, so one answer stands for all: " + String.join("; ", unread) + ".");
        }
        return lines;
    }

    /** The answers the space varies, in the questionnaire's order (the role, which every line names, left out). */
    private static List<String> fields(Questionnaire questionnaire) {
        return questionnaire.questions().stream()
                .map(Question::field)
                .filter(f -> AnswerSpace.DIMENSIONS.contains(f) && !f.equals("role"))
                .distinct()
                .toList();
    }

    /** How one role's answers to one question are grouped, in words; empty when each answer is tried on its own. */
    private static String together(AnswerSpace space, Questionnaire questionnaire, int role, int d) {
        int all = 1 << SafetyFlag.values().length;
        int groups = space.sizesWithin(role)[d];
        if (d == AnswerSpace.SAFETY) {
            return groups < all
                    ? String.format("the %,d ways to answer the safety questions, in %,d groups", all, groups)
                    : "";
        }
        return d == AnswerSpace.DAYS || d == AnswerSpace.APOLOGIES
                ? ranges(space, questionnaire, role, d)
                : alike(space, questionnaire, role, d);
    }

    /** " (for “Someone broke my trust”)" when not every role asked the question has these words; else nothing. */
    private static String forWhom(Questionnaire questionnaire, List<Role> roles, List<Role> asking) {
        return roles.size() == asking.size()
                ? ""
                : roles.stream()
                        .map(r -> "“" + DiffWords.label(questionnaire, "role", r.name()) + "”")
                        .collect(Collectors.joining(" and ", " (for ", ")"));
    }

    /** The numbers as the groups they are tried in: "0–13, 14–89, 90–364, 365–729 or 730 or more days". */
    private static String ranges(AnswerSpace space, Questionnaire questionnaire, int role, int d) {
        List<String> groups = IntStream.range(0, space.sizesWithin(role)[d])
                .mapToObj(v -> DiffWords.range(d, space.range(role, d, v)))
                .toList();
        String field = AnswerSpace.DIMENSIONS.get(d);
        String unit = questionnaire.questions(field).stream()
                .map(q -> q.inReasons().get(Questionnaire.OTHER))
                .filter(other -> other != null && other.contains("{n}"))
                .findFirst()
                .map(other -> other.replace("{n}", "").strip())
                .orElse("");
        return (unit.isEmpty() ? field : unit) + ": " + String.join(", ", groups);
    }

    /**
     * The answers of a choice tried as one, in the questionnaire's labels ("“Family” and “A friend” alike"); empty
     * when each answer is tried on its own.
     */
    private static String alike(AnswerSpace space, Questionnaire questionnaire, int role, int d) {
        String field = AnswerSpace.DIMENSIONS.get(d);
        return IntStream.range(0, space.sizesWithin(role)[d])
                .mapToObj(v -> space.valueWords(role, d, v))
                .filter(values -> values.size() > 1)
                .map(values -> values.stream()
                        .map(value -> "“" + DiffWords.label(questionnaire, field, value) + "”")
                        .toList())
                .map(labels -> DiffWords.join(labels, "and") + " alike")
                .collect(Collectors.joining("; "));
    }

    private static boolean askedOf(Question q, Role role) {
        return q.askedWhen().getOrDefault("role", List.of(role.name())).contains(role.name());
    }
}
