package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
 * The answers of a {@link Boxes.Box} are said in the same words.
 *
 * @param safetyClasses each set of safety flags, mapped to the set that stands for it in the space (its class)
 */
record DiffWords(Questionnaire questionnaire, AnswerSpace space, Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses) {

    /**
     * A made-up situation (from a sweep or a diff, never a person's) in the questionnaire's words, one line per
     * question it asks of that person in that situation, safety last as one line: "no safety concern".
     */
    static List<String> situation(Questionnaire questionnaire, Answers a) {
        // the answers as the questionnaire's conditions read them (blank ones null)
        Map<String, Object> given = Condition.byName(a);
        given.put("safety", a.safety().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        List<String> lines = new ArrayList<>();
        boolean untold = theyDoNotKnow(a.role(), a.disclosure());
        boolean safetySaid = false;
        for (Question q : questionnaire.questions()) {
            if (!q.appliesTo(given)) {
                continue;
            }
            if (!q.field().equals("safety")) {
                String value = Objects.toString(given.get(q.field()), null);
                lines.add(question(q, a.role()) + ": " + answer(questionnaire, q, value)
                        + (untold ? untoldNote(q, a.role()) : ""));
            } else if (!safetySaid) {
                lines.add(new SafetyWords(questionnaire).of(a.safety()));
                safetySaid = true;
            }
        }
        return lines;
    }

    // ---- where a change applies, in the same words

    /**
     * A {@link Boxes.Box} in words, one part per answer that is not "any" ("How many days ago did they find out:
     * 14–89 days"). Empty when the box is the whole space. Readiness is not named when the box holds only situations
     * in which it is not asked (the other person does not know).
     */
    List<String> where(Boxes.Box box) {
        List<String> parts = new ArrayList<>();
        int role = box.values()[AnswerSpace.ROLE].nextSetBit(0);
        Role who = Role.values()[role];
        for (int d : order()) {
            BitSet values = box.values()[d];
            if (isAny(box, d) || (d == AnswerSpace.READINESS && !someSituation(box, Answers::readinessAsked))) {
                continue;
            }
            String field = AnswerSpace.DIMENSIONS.get(d);
            Optional<Question> q = questionnaire.question(field);
            String text = switch (d) {
                case AnswerSpace.DAYS ->
                    number(d, numbers(role, d, values))
                            + (someSituation(box, DiffWords::theyDoNotKnow)
                                    ? q.map(x -> untoldNote(x, who)).orElse("")
                                    : "");
                case AnswerSpace.APOLOGIES -> number(d, numbers(role, d, values));
                case AnswerSpace.SAFETY -> safety(role, values);
                default -> choices(role, d, values);
            };
            String question = d == AnswerSpace.SAFETY
                    ? "Safety questions:"
                    : q.map(x -> question(x, who) + ":").orElse(field);
            parts.add(question + " " + text);
        }
        return parts;
    }

    /**
     * The questions a box leaves open (any answer), in the questionnaire's order, as one line: "Any answer to: What is
     * the relationship; Is it still going on; …". {@link #where} leaves them out; said, a question left open is not
     * missed. Only questions asked of that person; null for a box of both roles (every situation) or with none open.
     */
    String anyAnswerTo(Boxes.Box box) {
        if (box.values()[AnswerSpace.ROLE].cardinality() != 1) {
            return null;
        }
        Role who = Role.values()[box.values()[AnswerSpace.ROLE].nextSetBit(0)];
        List<String> open = new ArrayList<>();
        for (int d : order()) {
            String field = AnswerSpace.DIMENSIONS.get(d);
            boolean asked = d == AnswerSpace.READINESS
                    ? someSituation(box, Answers::readinessAsked)
                    : questionnaire
                            .question(field)
                            .filter(q -> q.appliesTo(Map.of("role", who.name())))
                            .isPresent();
            if (d != AnswerSpace.ROLE && asked && isAny(box, d)) {
                open.add(
                        d == AnswerSpace.SAFETY
                                ? "the safety questions"
                                : question(questionnaire.question(field).orElseThrow(), who));
            }
        }
        return open.isEmpty() ? null : "Any answer to: " + String.join("; ", open);
    }

    /**
     * Some values of a choice or yes/no answer, in words; several each in quotes (an answer may hold a comma of its
     * own), and as "anything but …" ({@link #noneOf}) when the values left out are fewer (and two or more are taken).
     */
    private String choices(int role, int d, BitSet values) {
        List<String> said =
                values.stream().boxed().flatMap(v -> value(role, d, v).stream()).toList();
        List<String> others = IntStream.range(0, space.sizesWithin(role)[d])
                .filter(v -> !values.get(v))
                .boxed()
                .flatMap(v -> value(role, d, v).stream())
                .toList();
        if (said.size() < 2) {
            return join(said, "or");
        }
        boolean shorter = !others.isEmpty() && others.size() < said.size();
        List<String> quoted =
                (shorter ? others : said).stream().map(w -> "“" + w + "”").toList();
        return shorter ? noneOf(quoted) : join(quoted, "or");
    }

    /** One value index of a choice or yes/no answer, in words: each value it stands for. */
    List<String> value(int role, int dimension, int value) {
        Question q =
                questionnaire.question(AnswerSpace.DIMENSIONS.get(dimension)).orElse(null);
        return space.valueWords(role, dimension, value).stream()
                .map(v -> q == null ? v : answer(questionnaire, q, v.equals("blank") ? null : v))
                .toList();
    }

    /**
     * Some value indexes of the safety answers, as a person would name the sets of flags ({@link SafetyWords#sets}).
     * Each value stands for every set the rules treat alike with it, so the words are said of all of those.
     */
    String safety(int role, BitSet values) {
        int[] at = new int[AnswerSpace.DIMENSIONS.size()];
        Set<Set<SafetyFlag>> chosen = new HashSet<>();
        values.stream().forEach(v -> {
            at[AnswerSpace.SAFETY] = v;
            chosen.add(space.at(role, at).safety());
        });
        List<Set<SafetyFlag>> sets = IntStream.range(0, 1 << SafetyFlag.values().length)
                .mapToObj(SafetyWords::flags)
                .filter(flags -> chosen.contains(safetyClasses.getOrDefault(flags, flags)))
                .toList();
        // a class not keyed by its own set: its stand-ins say it
        return new SafetyWords(questionnaire).sets(sets.isEmpty() ? List.copyOf(chosen) : sets);
    }

    /** A single number as reasons word it ("1 apology"), ranges with the words for any other ("14–89 days"). */
    private String number(int dimension, String ranges) {
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

    /** The dimensions in the questionnaire's order; answers it does not ask after, last. */
    private List<Integer> order() {
        return Stream.concat(
                        questionnaire.questions().stream().map(q -> AnswerSpace.DIMENSIONS.indexOf(q.field())),
                        IntStream.range(0, AnswerSpace.DIMENSIONS.size()).boxed())
                .filter(d -> d >= 0)
                .distinct()
                .toList();
    }

    /** Whether some situation of the box has a role and disclosure that pass {@code test}. */
    private boolean someSituation(Boxes.Box box, BiPredicate<Role, Disclosure> test) {
        return box.values()[AnswerSpace.ROLE].stream()
                .anyMatch(role -> box.values()[AnswerSpace.DISCLOSURE].stream()
                        .anyMatch(v -> space.valueWords(role, AnswerSpace.DISCLOSURE, v).stream()
                                .anyMatch(d -> test.test(Role.values()[role], Disclosure.valueOf(d)))));
    }

    /** Whether the box takes every value of the dimension, in each of its roles. */
    private boolean isAny(Boxes.Box box, int d) {
        BitSet values = box.values()[d];
        return d == AnswerSpace.ROLE
                ? values.cardinality() == space.roleCount()
                : box.values()[AnswerSpace.ROLE].stream().allMatch(role -> {
                    int within = space.sizesWithin(role)[d];
                    return values.get(0, within).cardinality() == within;
                });
    }

    /**
     * Tried numbers as the ranges they stand for, adjacent ranges joined: "14–364", "2", "3 or more". Each tried
     * number stands for a range of its own ({@link AnswerSpace#range}), and the ranges follow one another.
     */
    private String numbers(int role, int d, BitSet values) {
        List<int[]> ranges = new ArrayList<>();
        values.stream().filter(v -> v < space.sizesWithin(role)[d]).forEach(v -> {
            int[] range = space.range(role, d, v);
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] + 1 == range[0]) {
                ranges.get(ranges.size() - 1)[1] = range[1];
            } else {
                ranges.add(range);
            }
        });
        return join(ranges.stream().map(r -> range(d, r)).toList(), "or");
    }

    /** The person broke trust, and the other person does not know: days count from when it happened or stopped. */
    static boolean theyDoNotKnow(Role role, Disclosure disclosure) {
        return role == Role.BROKE_TRUST && disclosure == Disclosure.UNDISCLOSED;
    }

    /** The numbers of one range of days or apologies: "14–89", "3", "730 or more". */
    static String range(int dimension, int[] range) {
        int max = dimension == AnswerSpace.DAYS ? Answers.MAX_DAYS : Answers.MAX_APOLOGIES;
        return range[0] == range[1]
                ? Integer.toString(range[0])
                : range[1] == max ? range[0] + " or more" : range[0] + "–" + range[1];
    }

    /** "a", "a or b", "a, b or c" (with {@code last} "or"). */
    /**
     * Answers left out, said so that they cannot be read two ways: "anything but “A”", "neither “A” nor “B”", "none
     * of “A”, “B” or “C”" (a counsellor's trial read "anything but “A” or “B”" as "anything but A, or B").
     */
    static String noneOf(List<String> quoted) {
        return switch (quoted.size()) {
            case 1 -> "anything but " + quoted.get(0);
            case 2 -> "neither " + quoted.get(0) + " nor " + quoted.get(1);
            default -> "none of " + join(quoted, "or");
        };
    }

    static String join(List<String> words, String last) {
        int n = words.size();
        return n <= 1
                ? String.join("", words)
                : String.join(", ", words.subList(0, n - 1)) + " " + last + " " + words.get(n - 1);
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

    /** A question as put to someone in that role, without its question mark. */
    static String question(Question q, Role role) {
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
            default -> label(questionnaire, q.field(), value);
        };
    }

    /** A choice's label in the questionnaire, or the value itself. */
    static String label(Questionnaire questionnaire, String field, String value) {
        return questionnaire.questions(field).stream()
                .flatMap(q -> q.choice(value).stream())
                .map(Questionnaire.Choice::label)
                .findFirst()
                .orElse(value);
    }
}
