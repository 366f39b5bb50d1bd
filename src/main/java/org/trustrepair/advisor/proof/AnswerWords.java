package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.PlanMaker;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The words answers bring into reasons, checked against the guardrails' {@code noReasonSays} whenever the rules are
 * read (every check and reload). A reason names answers in curly brackets ("They found out {daysElapsed} ago"), and
 * the plan writes in the questionnaire's words for the person's answer ("20 days"). The sweep looks for a forbidden
 * phrase in the reasons' own words, with every answer's words {@link #LEFT_OUT}: those are the same for every
 * situation that fires the same rules. This check covers the rest: it fills every reason with every wording its
 * answers can have, and where a guardrail's phrase then appears that the reason's own words do not hold, and the
 * guardrail's {@code when} allows those answers, the rules are refused. So a forbidden phrase is found wherever a
 * person could read it. Steps' titles and details name no answer: {@code noStepSays} needs no such check.
 */
final class AnswerWords {

    /** Stands for an answer's words in a reason whose own words are looked at; no phrase contains it. */
    static final String LEFT_OUT = "\u0000";

    /** The largest number any answer takes. */
    private static final int MOST = Math.max(Answers.MAX_DAYS, Answers.MAX_APOLOGIES);

    /**
     * One way an answer can be worded in a reason: its value as a guardrail's {@code when} reads it ({@code known}
     * false for "any number without words of its own", which the check takes as allowed), and its words.
     */
    private record Worded(String field, Object value, boolean known, String words) {
        String describe() {
            Object shown = value == null || value instanceof Set<?> flags && flags.isEmpty() ? "none" : value;
            return field + " " + (known ? shown : "of any number so worded") + " (\"" + words + "\")";
        }
    }

    private AnswerWords() {}

    /** The guardrails, once no answer's words can bring one of their phrases into a reason where they apply. */
    static Guardrails checked(Guardrails guardrails, RuleSet rules) {
        List<String> problems = problems(guardrails.all(), rules.rules(), rules.questionnaire());
        if (!problems.isEmpty()) {
            throw Guardrails.refused(problems);
        }
        return guardrails;
    }

    /** A reason's template with the place of each answer's words taken by {@link #LEFT_OUT}: its own words. */
    static String leftOut(String template) {
        String out = template;
        for (String field : PlanMaker.placeholders(template)) {
            out = out.replace("{" + field + "}", LEFT_OUT);
        }
        return out;
    }

    /** What is wrong, in words a counsellor can act on: one line for each guardrail and phrase found. */
    static List<String> problems(List<Guardrail> guardrails, Map<String, RuleInfo> rules, Questionnaire q) {
        boolean digits = guardrails.stream()
                .flatMap(g -> g.then().noReasonSays().stream())
                .anyMatch(p -> p.chars().anyMatch(Character::isDigit));
        List<String> problems = new ArrayList<>();
        Set<String> found = new HashSet<>();
        // an answer is worded the same in every reason: each field's wordings once (a number's are 36,501)
        Map<String, List<Worded>> wordingsOf = new HashMap<>();
        for (RuleInfo rule : new TreeMap<>(rules).values()) {
            String template = rule.reason() == null ? "" : rule.reason();
            Set<String> fields = new LinkedHashSet<>(PlanMaker.placeholders(template));
            fields.retainAll(Condition.ANSWERS.keySet());
            if (fields.isEmpty()) {
                continue;
            }
            String own = lower(leftOut(template));
            List<List<Worded>> choices = fields.stream()
                    .map(f -> wordingsOf.computeIfAbsent(f, field -> wordings(field, q, digits)))
                    .toList();
            each(choices, new ArrayList<>(), answers -> {
                String filled = template;
                for (Worded w : answers) {
                    filled = filled.replace("{" + w.field() + "}", w.words());
                }
                String lower = lower(filled);
                for (Guardrail g : guardrails) {
                    for (String phrase : g.then().noReasonSays()) {
                        String said = lower(phrase);
                        if (lower.contains(said)
                                && !own.contains(said)
                                && g.when().allows(given(answers))
                                && found.add(g.id() + LEFT_OUT + said)) {
                            problems.add(message(g, phrase, rule, answers, filled));
                        }
                    }
                }
            });
        }
        return problems;
    }

    private static String message(Guardrail g, String phrase, RuleInfo rule, List<Worded> answers, String filled) {
        return "guardrail \"" + g.id() + "\" forbids reasons to say \"" + phrase + "\", but the reason of rule \""
                + rule.name() + "\" (" + rule.file() + ":" + rule.line() + ") says it when the "
                + (answers.size() == 1 ? "answer is " : "answers are ")
                + answers.stream().map(Worded::describe).collect(Collectors.joining(" and "))
                + ", which the guardrail's when allows: \"" + filled + "\". The phrase comes in with the answer's words"
                + " from questionnaire.yaml. Reword the phrase so that no answer's words bring it in, or narrow the"
                + " guardrail's when so that it leaves that answer out.";
    }

    /** Calls {@code action} with each combination of one wording for each answer (one list reused). */
    private static void each(List<List<Worded>> choices, List<Worded> chosen, Consumer<List<Worded>> action) {
        if (chosen.size() == choices.size()) {
            action.accept(chosen);
            return;
        }
        for (Worded w : choices.get(chosen.size())) {
            chosen.add(w);
            each(choices, chosen, action);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static Map<String, Object> given(List<Worded> answers) {
        Map<String, Object> given = new HashMap<>();
        answers.stream().filter(Worded::known).forEach(w -> given.put(w.field(), w.value()));
        return given;
    }

    /**
     * Every wording an answer can have in a reason, as the plan writes it: each value, and none
     * given; for a number, each number with words of its own and one for each other wording ("{n} days", "365+"), or
     * every number when some phrase has a digit (only then can the number's own digits matter); for the safety flags,
     * each set of them.
     */
    private static List<Worded> wordings(String field, Questionnaire q, boolean digits) {
        Class<?> type = Condition.ANSWERS.get(field).getType();
        List<Worded> all = new ArrayList<>();
        if (type == boolean.class) {
            for (boolean b : new boolean[] {true, false}) {
                all.add(new Worded(field, b, true, q.phrase(field, Boolean.toString(b))));
            }
        } else if (type == int.class) {
            // numbers worded by the same key ("other", "365+") differ only in their {n}: one of them stands for all
            Set<String> keys = new HashSet<>();
            for (int n = 0; n <= MOST; n++) {
                String key = q.numberKey(field, n);
                if (digits || Integer.toString(n).equals(key)) {
                    all.add(new Worded(field, n, true, q.number(field, n)));
                } else if (keys.add(String.valueOf(key))) {
                    all.add(new Worded(field, n, false, q.number(field, n)));
                }
            }
        } else if (type == Set.class) {
            // each set of flags, worded as a plan writes it: each flag's words, in order, or none's
            IntStream.range(0, 1 << SafetyFlag.values().length)
                    .mapToObj(SafetyWords::flags)
                    .forEach(ticked -> all.add(new Worded(
                            field,
                            ticked,
                            true,
                            ticked.isEmpty()
                                    ? q.phrase(field, Questionnaire.NONE)
                                    : String.join(
                                            PlanMaker.BETWEEN_FLAGS,
                                            ticked.stream()
                                                    .map(f -> q.phrase(field, f.name()))
                                                    .toList()))));
        } else {
            for (Object value : type.getEnumConstants()) {
                String name = ((Enum<?>) value).name();
                all.add(new Worded(field, value, true, q.phrase(field, name)));
            }
            all.add(new Worded(field, null, true, q.phrase(field, Questionnaire.NONE)));
        }
        return all;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
