package org.trustrepair.advisor.advice.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;

/** Checks {@code questionnaire.yaml} against the contract: every field asked, exactly the contract's values offered. */
final class QuestionnaireCheck {

    private QuestionnaireCheck() {}

    /**
     * The questionnaire must ask every field of the contract and offer exactly the contract's values (over all the
     * questions that answer a field), and give the words a reason uses for every answer: each yes/no answer, any
     * number, and a blank where an answer may be left out.
     */
    static void check(Questionnaire q, List<RuleProblem> problems) {
        Map<String, Class<? extends Enum<?>>> enums = Map.of(
                "role",
                Role.class,
                "relationship",
                Relationship.class,
                "breach",
                Breach.class,
                "readiness",
                Readiness.class,
                "disclosure",
                Disclosure.class,
                "theirResponse",
                TheirResponse.class,
                "safety",
                SafetyFlag.class);
        Set<String> mayBeBlank = Set.of("readiness", "theirResponse", "safety");
        Set<String> ids = new HashSet<>();
        for (Questionnaire.Question question : q.questions()) {
            if (!ids.add(question.id())) {
                problems.add(RuleProblem.of(
                        "questionnaire.yaml",
                        0,
                        "Two questions have the id \"" + question.id() + "\": give each question that shares a field "
                                + "an id of its own."));
            }
            String words = "The question \"" + question.id() + "\" ";
            if ("yesno".equals(question.type())) {
                for (String answer : List.of("true", "false")) {
                    if (blank(question.inReasons().get(answer))) {
                        problems.add(new RuleProblem(
                                "questionnaire.yaml",
                                0,
                                words + "has no words for the answer " + answer + " in reasons.",
                                "Add inReasons: {\"true\": …, \"false\": …}, as a reason would say it."));
                    }
                }
            }
            if ("number".equals(question.type()) && blank(question.inReasons().get(Questionnaire.OTHER))) {
                problems.add(new RuleProblem(
                        "questionnaire.yaml",
                        0,
                        words + "has no words for a number in reasons.",
                        "Add inReasons: {other: \"{n} days\"}, and words for single numbers such as \"1\" if "
                                + "they read differently."));
            }
            if ("number".equals(question.type())) {
                for (String key : question.inReasons().keySet()) {
                    if (!key.matches("[0-9]{1,6}")
                            && Questionnaire.atOrAbove(key) == null
                            && !Questionnaire.OTHER.equals(key)) {
                        problems.add(new RuleProblem(
                                "questionnaire.yaml",
                                0,
                                words + "has inReasons words for \"" + key + "\", which is not a number.",
                                "Write a number (\"1\"), a number and a plus for it and every number above "
                                        + "(\"365+\"), or other."));
                    }
                }
            }
        }
        for (String field : PlanMaker.FIELDS) {
            List<Questionnaire.Question> asking = q.questions(field);
            if (asking.isEmpty()) {
                problems.add(RuleProblem.of("questionnaire.yaml", 0, "No question asks for \"" + field + "\"."));
                continue;
            }
            if (asking.size() > 1 && asking.stream().anyMatch(a -> !"choices".equals(a.type()))) {
                problems.add(RuleProblem.of(
                        "questionnaire.yaml",
                        0,
                        "Several questions ask for \"" + field + "\": only lists (type choices) can share a field."));
            }
            if (mayBeBlank.contains(field)
                    && asking.stream().allMatch(a -> blank(a.inReasons().get(Questionnaire.NONE)))) {
                problems.add(new RuleProblem(
                        "questionnaire.yaml",
                        0,
                        "The question \"" + field + "\" has no words for an answer left blank in reasons.",
                        "Add inReasons: {none: …} to it."));
            }
            Class<? extends Enum<?>> type = enums.get(field);
            if (type != null) {
                List<String> expected = Arrays.stream(type.getEnumConstants())
                        .map(Enum::name)
                        .sorted()
                        .toList();
                List<String> offered = asking.stream()
                        .flatMap(a -> a.choices().stream())
                        .map(Questionnaire.Choice::value)
                        .sorted()
                        .toList();
                if (!expected.equals(offered)) {
                    problems.add(RuleProblem.of(
                            "questionnaire.yaml",
                            0,
                            "The question \"" + field + "\" offers " + offered + " but the answers allow " + expected
                                    + "."));
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
