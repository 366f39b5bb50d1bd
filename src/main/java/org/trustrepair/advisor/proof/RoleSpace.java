package org.trustrepair.advisor.proof;

import static org.trustrepair.advisor.proof.AnswerSpace.APOLOGIES;
import static org.trustrepair.advisor.proof.AnswerSpace.BREACH;
import static org.trustrepair.advisor.proof.AnswerSpace.CONTACT;
import static org.trustrepair.advisor.proof.AnswerSpace.DAYS;
import static org.trustrepair.advisor.proof.AnswerSpace.DISCLOSURE;
import static org.trustrepair.advisor.proof.AnswerSpace.HAPPENED_BEFORE;
import static org.trustrepair.advisor.proof.AnswerSpace.OTHERS_AFFECTED;
import static org.trustrepair.advisor.proof.AnswerSpace.READINESS;
import static org.trustrepair.advisor.proof.AnswerSpace.RELATIONSHIP;
import static org.trustrepair.advisor.proof.AnswerSpace.ROLE;
import static org.trustrepair.advisor.proof.AnswerSpace.SAFETY;
import static org.trustrepair.advisor.proof.AnswerSpace.STILL_HAPPENING;
import static org.trustrepair.advisor.proof.AnswerSpace.THEIR_RESPONSE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * One role's part of the {@link AnswerSpace}: the values tried for each answer, as far as the rules and the guardrails
 * can tell them apart (see there), and what each tried value stands for.
 */
final class RoleSpace {

    final Role role;
    /**
     * By dimension ({@link AnswerSpace#DIMENSIONS} order), the values tried: the role itself; for an enum, the values
     * named then the stand-in; for readiness and their response, blank (null) where it is not asked; for days and
     * apologies, one number per range ({@link #tried}); for safety, one set of flags per class.
     */
    private final Object[][] values = new Object[AnswerSpace.DIMENSIONS.size()][];

    private final TreeSet<Integer> dayCuts;
    private final TreeSet<Integer> apologyCuts;
    final List<Set<SafetyFlag>> safetySets;
    private final Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses;
    private final long size;

    RoleSpace(Role role, List<RuleSet> rules, Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses) {
        this.role = role;
        Set<String> read = new HashSet<>();
        for (RuleSet r : rules) {
            read.addAll(RulesRead.fieldsRead(r, role));
            read.addAll(Guardrails.of(r).answersRead(role));
        }
        values[ROLE] = new Object[] {role};
        values[RELATIONSHIP] = read.contains("relationship")
                ? named(rules, Relationship.class, "relationship")
                : new Object[] {Relationship.ROMANTIC};
        values[BREACH] = read.contains("breach") ? named(rules, Breach.class, "breach") : new Object[] {Breach.OTHER};
        // the hurt party is not asked (blank); the person who broke trust only once the other person knows: for
        // disclosure UNDISCLOSED every value tried here stands for blank (see at), so the space stays a product
        values[READINESS] = role == Role.WAS_HURT
                ? new Object[] {null}
                : read.contains("readiness") ? Readiness.values() : new Object[] {Readiness.UNDECIDED};
        this.dayCuts = read.contains("daysElapsed") ? cuts(rules, "daysElapsed", Answers.MAX_DAYS) : new TreeSet<>();
        values[DAYS] = tried(dayCuts, Answers.MAX_DAYS);
        values[DISCLOSURE] = read.contains("disclosure")
                ? named(rules, Disclosure.class, "disclosure")
                : new Object[] {Disclosure.DISCOVERED};
        values[STILL_HAPPENING] = yesNo(read, "stillHappening");
        values[HAPPENED_BEFORE] = yesNo(read, "happenedBefore");
        this.apologyCuts =
                read.contains("apologiesMade") ? cuts(rules, "apologiesMade", Answers.MAX_APOLOGIES) : new TreeSet<>();
        values[APOLOGIES] = tried(apologyCuts, Answers.MAX_APOLOGIES);
        values[OTHERS_AFFECTED] = yesNo(read, "othersAffected");
        values[CONTACT] = yesNo(read, "contactUnavoidable");
        // how the other person responded: blank first (not given, or not asked), then the values tried
        values[THEIR_RESPONSE] = Stream.concat(
                        Stream.of((Object) null),
                        Answers.theirResponseAsked(role) && read.contains("theirResponse")
                                ? Arrays.stream(named(rules, TheirResponse.class, "theirResponse"))
                                : Stream.empty())
                .toArray();
        this.safetyClasses = safetyClasses;
        this.safetySets = List.copyOf(new LinkedHashSet<>(safetyClasses.values()));
        values[SAFETY] = safetySets.toArray();
        this.size = Arrays.stream(sizes()).asLongStream().reduce(1, Math::multiplyExact);
    }

    /** Both answers when the answer is read, else no. */
    private static Object[] yesNo(Set<String> read, String field) {
        return read.contains(field) ? new Object[] {false, true} : new Object[] {false};
    }

    /** How many situations this part has: the product of {@link #sizes}. */
    long size() {
        return size;
    }

    /**
     * One value for each range between thresholds: the value just below the first threshold, and each threshold
     * (which stands for every value of its range, {@link #range}); just 0 when there is none. A reason that writes the number
     * itself ("3 apologies") is compared, in a diff, at the value that stands for its range.
     */
    private static Object[] tried(TreeSet<Integer> cuts, int max) {
        TreeSet<Integer> values = new TreeSet<>(cuts.headSet(max, true));
        values.add(cuts.isEmpty() ? 0 : cuts.first() - 1);
        return values.toArray();
    }

    /** How many values each answer takes, and which (for rule authors): "2 relationships [ROMANTIC, OTHER] × …". */
    String describe() {
        return String.join(
                " × ",
                listed(RELATIONSHIP, "relationships"),
                listed(BREACH, "breaches"),
                counted(READINESS, "readiness"),
                listed(DAYS, "day values"),
                listed(DISCLOSURE, "disclosures"),
                counted(STILL_HAPPENING, "still happening"),
                counted(HAPPENED_BEFORE, "happened before"),
                listed(APOLOGIES, "apology counts"),
                counted(OTHERS_AFFECTED, "others affected"),
                counted(CONTACT, "contact unavoidable"),
                listed(THEIR_RESPONSE, "their responses"),
                safetySets.size() + " sets of safety flags"
                        + (safetySets.size() == 1 << SafetyFlag.values().length
                                ? " (all)"
                                : " (one for each group of sets that no rule or guardrail tells apart)"));
    }

    /** How many values answer {@code d} takes: "2 still happening". */
    private String counted(int d, String what) {
        return values[d].length + " " + what;
    }

    /** How many values answer {@code d} takes, and which: "5 day values [13, 14, 90, 365, 730]". */
    private String listed(int d, String what) {
        return counted(d, what) + " " + Arrays.toString(values[d]);
    }

    /** The thresholds above 0 that any of the rule sets compares the field with. */
    private static TreeSet<Integer> cuts(List<RuleSet> rules, String field, int max) {
        TreeSet<Integer> cuts = new TreeSet<>();
        rules.forEach(r -> cuts.addAll(RulesRead.cuts(r, field)));
        rules.forEach(r -> cuts.addAll(Guardrails.of(r).cuts(field)));
        cuts.removeIf(c -> c <= 0 || c > max);
        return cuts;
    }

    /** Named values in enum order, then the stand-in (the first value none names), last. */
    private static <E extends Enum<E>> Object[] named(List<RuleSet> rules, Class<E> type, String field) {
        EnumSet<E> named = EnumSet.noneOf(type);
        rules.forEach(r -> named.addAll(RulesRead.namedValues(r, type, field)));
        rules.forEach(r -> Guardrails.of(r).valuesNamed(field).forEach(v -> named.add(Enum.valueOf(type, v))));
        List<E> values = new ArrayList<>(named);
        EnumSet.complementOf(named).stream().findFirst().ifPresent(values::add);
        return values.toArray();
    }

    /** How many values each dimension takes here ({@link AnswerSpace#DIMENSIONS} order; the role: 1). */
    int[] sizes() {
        return Arrays.stream(values).mapToInt(v -> v.length).toArray();
    }

    /**
     * The situation with these value indexes ({@link AnswerSpace#DIMENSIONS} order; the role's is ignored), as the
     * contract allows it: readiness blank where it is not asked (the hurt party; the other person does not know),
     * their response blank where it is not asked (the person who broke trust). A value tried there stands for blank,
     * so the space stays a product of its answers.
     */
    @SuppressWarnings("unchecked")
    Answers at(int[] c) {
        Disclosure disclosure = (Disclosure) values[DISCLOSURE][c[DISCLOSURE]];
        return new Answers(
                role,
                (Relationship) values[RELATIONSHIP][c[RELATIONSHIP]],
                (Breach) values[BREACH][c[BREACH]],
                Answers.readinessAsked(role, disclosure) ? (Readiness) values[READINESS][c[READINESS]] : null,
                (int) values[DAYS][c[DAYS]],
                disclosure,
                (boolean) values[STILL_HAPPENING][c[STILL_HAPPENING]],
                (boolean) values[HAPPENED_BEFORE][c[HAPPENED_BEFORE]],
                (int) values[APOLOGIES][c[APOLOGIES]],
                (boolean) values[OTHERS_AFFECTED][c[OTHERS_AFFECTED]],
                (boolean) values[CONTACT][c[CONTACT]],
                Answers.theirResponseAsked(role) ? (TheirResponse) values[THEIR_RESPONSE][c[THEIR_RESPONSE]] : null,
                (Set<SafetyFlag>) values[SAFETY][c[SAFETY]]);
    }

    /** The values behind one value index of a dimension, in words ({@link AnswerSpace#valueWords}). */
    @SuppressWarnings("unchecked")
    List<String> words(int dimension, int value) {
        Object v = values[dimension][value];
        return switch (dimension) {
            case RELATIONSHIP, BREACH, DISCLOSURE -> covered(values[dimension], value);
            case SAFETY -> List.of(safetyWords((Set<SafetyFlag>) v));
            default -> List.of(v == null ? "blank" : v instanceof Enum<?> e ? e.name() : String.valueOf(v));
        };
    }

    private static List<String> covered(Object[] tried, int value) {
        Enum<?> v = (Enum<?>) tried[value];
        Enum<?>[] all = v.getDeclaringClass().getEnumConstants();
        if (tried.length == all.length || value < tried.length - 1) {
            return List.of(v.name());
        }
        List<Object> triedList = Arrays.asList(tried);
        return Arrays.stream(all)
                .filter(e -> !triedList.contains(e) || e == v)
                .map(Enum::name)
                .toList();
    }

    private String safetyWords(Set<SafetyFlag> flags) {
        long alike = safetyClasses.values().stream().filter(flags::equals).count();
        String set = flags.isEmpty()
                ? "none"
                : String.join("+", flags.stream().sorted().map(Enum::name).toList());
        return alike <= 1 ? set : set + " (or any of " + alike + " sets the rules treat alike)";
    }

    /** The range of values one tried number of days or apologies stands for ({@link AnswerSpace#range}). */
    int[] range(int dimension, int value) {
        int n = (int) values[dimension][value];
        TreeSet<Integer> cuts = new TreeSet<>(dimension == DAYS ? dayCuts : apologyCuts);
        cuts.add(0);
        int max = dimension == DAYS ? Answers.MAX_DAYS : Answers.MAX_APOLOGIES;
        Integer above = cuts.higher(n);
        return new int[] {cuts.floor(n), above == null ? max : above - 1};
    }
}
