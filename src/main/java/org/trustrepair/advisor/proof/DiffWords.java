package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Questionnaire.Question;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * A diff's situations in the questionnaire's own words (the new rules' {@code questionnaire.yaml}), as a counsellor
 * reads them: each question as it is put to that role and the answer as the page offers it ("Where does the other
 * person stand now: They are hurt or angry and not ready to talk"), only the questions asked of that person, and a set
 * of safety answers as a person would say it ("they are afraid of you", "no safety concern"). No enum code, no blank.
 */
final class DiffWords implements BoxWords {

    private final Questionnaire questionnaire;
    private final AnswerSpace space;
    /** Each set of safety flags, mapped to the set that stands for it in the space (its class). */
    private final Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses;

    DiffWords(Questionnaire questionnaire, AnswerSpace space, Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses) {
        this.questionnaire = questionnaire;
        this.space = space;
        this.safetyClasses = safetyClasses;
    }

    /** A made-up situation, one line per question asked of that person: "How many days ago did they find out: 90 days". */
    List<String> situation(Answers a) {
        return situation(questionnaire, a);
    }

    /**
     * A made-up situation (from a sweep or a diff, never a person's) in the questionnaire's words, one line per
     * question it asks of that person in that situation, safety last as one line: "no safety concern".
     */
    static List<String> situation(Questionnaire questionnaire, Answers a) {
        Map<String, String> given = asValues(a);
        List<String> lines = new ArrayList<>();
        boolean safetySaid = false;
        for (Question q : questionnaire.questions()) {
            if (!q.appliesTo(given)) {
                continue;
            }
            if (q.field().equals("safety")) {
                if (!safetySaid) {
                    lines.add(new SafetyWords(questionnaire).of(a.safety()));
                    safetySaid = true;
                }
                continue;
            }
            String untold = a.role() == Role.BROKE_TRUST && a.disclosure() == Disclosure.UNDISCLOSED
                    ? untoldNote(q, a.role())
                    : "";
            lines.add(question(q, a.role()) + ": " + answer(questionnaire, q, given.get(q.field())) + untold);
        }
        return lines;
    }

    /** A set of safety answers as a person would say it: "you are afraid of them and they are afraid of you". */
    String safety(Set<SafetyFlag> flags) {
        return new SafetyWords(questionnaire).of(flags);
    }

    // ---- BoxWords: where a change applies, in the same words

    @Override
    public String answer(int role, int dimension) {
        if (dimension == AnswerSpace.SAFETY) {
            return "Safety questions:";
        }
        String field = AnswerSpace.DIMENSIONS.get(dimension);
        return questionnaire
                .question(field)
                .map(q -> question(q, Role.values()[role]) + ":")
                .orElse(field);
    }

    @Override
    public List<String> value(int role, int dimension, int value) {
        String field = AnswerSpace.DIMENSIONS.get(dimension);
        Question q = questionnaire.question(field).orElse(null);
        return space.valueWords(role, dimension, value).stream()
                .map(v -> q == null ? v : answer(questionnaire, q, v.equals("blank") ? null : v))
                .toList();
    }

    /**
     * Sets of safety answers as a person would name them ({@link SafetyWords#sets}). Each value stands for every set
     * the rules treat alike with it, so the words are said of all of those.
     */
    @Override
    public String safety(int role, BitSet values) {
        Set<Set<SafetyFlag>> chosen = new HashSet<>();
        int[] at = new int[AnswerSpace.DIMENSIONS.size()];
        values.stream().forEach(v -> {
            at[AnswerSpace.SAFETY] = v;
            chosen.add(space.at(role, at).safety());
        });
        List<Set<SafetyFlag>> sets = new ArrayList<>();
        for (int bits = 0; bits < 1 << SafetyFlag.values().length; bits++) {
            Set<SafetyFlag> flags = SafetyWords.flags(bits);
            if (chosen.contains(safetyClasses.getOrDefault(flags, flags))) {
                sets.add(flags);
            }
        }
        if (sets.isEmpty()) {
            sets.addAll(chosen); // a class not keyed by its own set: its stand-ins say it
        }
        return new SafetyWords(questionnaire).sets(sets);
    }

    @Override
    public String untold(int role, int dimension) {
        String field = AnswerSpace.DIMENSIONS.get(dimension);
        return questionnaire
                .question(field)
                .map(q -> untoldNote(q, Role.values()[role]))
                .orElse("");
    }

    /** A single number as reasons word it ("1 apology"), ranges with the words for any other ("14–89 days"). */
    @Override
    public String number(int dimension, String ranges) {
        String field = AnswerSpace.DIMENSIONS.get(dimension);
        if (ranges.matches("\\d+")) {
            return questionnaire.number(field, Integer.parseInt(ranges));
        }
        return questionnaire.questions(field).stream()
                .map(q -> q.inReasons().get(Questionnaire.OTHER))
                .filter(Objects::nonNull)
                .findFirst()
                .map(other -> other.replace("{n}", ranges))
                .orElse(ranges);
    }

    /** The questionnaire's order; answers it does not ask after, last. */
    @Override
    public List<Integer> order() {
        List<Integer> order = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            int d = AnswerSpace.DIMENSIONS.indexOf(q.field());
            if (d >= 0 && !order.contains(d)) {
                order.add(d);
            }
        }
        for (int d = 0; d < AnswerSpace.DIMENSIONS.size(); d++) {
            if (!order.contains(d)) {
                order.add(d);
            }
        }
        return order;
    }

    /** A step or an item withheld, as the plan shows it: its title and the phase it is in. */
    static String item(String title, String phaseTitle) {
        return "“" + title + "” (" + phaseTitle + ")";
    }

    /**
     * What the page says under a days question to someone whose other person does not know, where the question alone
     * would read oddly beside "They do not know": the first sentence of its help (" (“If they do not know yet, count
     * from when it happened or stopped.”)"); nothing for other questions.
     */
    private static String untoldNote(Question q, Role role) {
        String help = q.worded(role).help();
        if (!q.field().equals("daysElapsed") || help == null || help.isBlank()) {
            return "";
        }
        int end = help.indexOf(". ");
        return " (“" + (end < 0 ? help.strip() : help.substring(0, end + 1)) + "”)";
    }

    private static String question(Question q, Role role) {
        String text = q.worded(role).text().strip();
        return text.endsWith("?") ? text.substring(0, text.length() - 1) : text;
    }

    /** A value as the page offers it: a choice's label, yes or no, a number in the words reasons use. */
    private static String answer(Questionnaire questionnaire, Question q, String value) {
        if (value == null) {
            return questionnaire.phrase(q.field(), Questionnaire.NONE);
        }
        return switch (q.type()) {
            case "yesno" -> Boolean.parseBoolean(value) ? "yes" : "no";
            case "number" -> questionnaire.number(q.field(), Integer.parseInt(value));
            default ->
                questionnaire.questions(q.field()).stream()
                        .flatMap(each -> each.choice(value).stream())
                        .map(Questionnaire.Choice::label)
                        .findFirst()
                        .orElse(value);
        };
    }

    /** The answers as field and value names, as the questionnaire's conditions read them (blank ones left out). */
    private static Map<String, String> asValues(Answers a) {
        Map<String, String> given = new HashMap<>();
        given.put("role", a.role().name());
        given.put("relationship", a.relationship().name());
        given.put("breach", a.breach().name());
        given.put("disclosure", a.disclosure().name());
        if (a.readiness() != null) {
            given.put("readiness", a.readiness().name());
        }
        given.put("daysElapsed", Integer.toString(a.daysElapsed()));
        given.put("stillHappening", Boolean.toString(a.stillHappening()));
        given.put("happenedBefore", Boolean.toString(a.happenedBefore()));
        given.put("apologiesMade", Integer.toString(a.apologiesMade()));
        given.put("othersAffected", Boolean.toString(a.othersAffected()));
        given.put("contactUnavoidable", Boolean.toString(a.contactUnavoidable()));
        if (a.theirResponse() != null) {
            given.put("theirResponse", a.theirResponse().name());
        }
        given.put("safety", a.safety().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return given;
    }
}
