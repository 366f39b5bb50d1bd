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
 * can tell them apart (see there), and how any answers map to the tried values that stand for them.
 */
final class RoleSpace {

    private static final boolean[] BOTH = {false, true};
    private static final boolean[] NO = {false};

    final Role role;
    final Relationship[] relationships;
    final Breach[] breaches;
    final Readiness[] readiness;
    final int[] days;
    final TreeSet<Integer> dayCuts;
    final TreeSet<Integer> apologyCuts;
    final Disclosure[] disclosures;
    final boolean[] still;
    final boolean[] before;
    final int[] apologies;
    final boolean[] others;
    final boolean[] contact;
    /** How the other person responded: blank first (not given, or not asked), then the values tried. */
    final TheirResponse[] responses;

    final List<Set<SafetyFlag>> safetySets;
    final Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses;
    final Set<String> read = new HashSet<>();
    private final long size;

    RoleSpace(Role role, List<RuleSet> rules, Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses) {
        this.role = role;
        for (RuleSet r : rules) {
            read.addAll(RulesRead.fieldsRead(r, role));
            read.addAll(Guardrails.of(r).answersRead(role));
        }
        this.relationships = read.contains("relationship")
                ? named(rules, Relationship.class, "relationship")
                : new Relationship[] {Relationship.ROMANTIC};
        this.breaches = read.contains("breach") ? named(rules, Breach.class, "breach") : new Breach[] {Breach.OTHER};
        // the hurt party is not asked (blank); the person who broke trust only once the other person knows: for
        // disclosure UNDISCLOSED every value tried here stands for blank (see valid), so the space stays a product
        this.readiness = role == Role.WAS_HURT
                ? new Readiness[] {null}
                : read.contains("readiness") ? Readiness.values() : new Readiness[] {Readiness.UNDECIDED};
        this.dayCuts = read.contains("daysElapsed") ? cuts(rules, "daysElapsed", Answers.MAX_DAYS) : new TreeSet<>();
        this.days = tried(dayCuts, Answers.MAX_DAYS);
        // UNDISCLOSED blanks readiness, so it is tried on its own wherever readiness is read
        this.disclosures = read.contains("disclosure")
                ? named(
                        rules,
                        Disclosure.class,
                        "disclosure",
                        role == Role.BROKE_TRUST && read.contains("readiness")
                                ? EnumSet.of(Disclosure.UNDISCLOSED)
                                : EnumSet.noneOf(Disclosure.class))
                : new Disclosure[] {Disclosure.DISCOVERED};
        this.still = read.contains("stillHappening") ? BOTH : NO;
        this.before = read.contains("happenedBefore") ? BOTH : NO;
        this.apologyCuts =
                read.contains("apologiesMade") ? cuts(rules, "apologiesMade", Answers.MAX_APOLOGIES) : new TreeSet<>();
        this.apologies = tried(apologyCuts, Answers.MAX_APOLOGIES);
        this.others = read.contains("othersAffected") ? BOTH : NO;
        this.contact = read.contains("contactUnavoidable") ? BOTH : NO;
        List<TheirResponse> responses = new ArrayList<>();
        responses.add(null);
        if (Answers.theirResponseAsked(role) && read.contains("theirResponse")) {
            responses.addAll(Arrays.asList(named(rules, TheirResponse.class, "theirResponse")));
        }
        this.responses = responses.toArray(TheirResponse[]::new);
        this.safetyClasses = safetyClasses;
        this.safetySets = List.copyOf(new LinkedHashSet<>(safetyClasses.values()));
        this.size = Arrays.stream(sizes()).asLongStream().reduce(1, Math::multiplyExact);
    }

    /** How many situations this part has: the product of {@link #sizes}. */
    long size() {
        return size;
    }

    Answers representativeOf(Answers a) {
        return valid(
                role,
                pick(relationships, a.relationship()),
                pick(breaches, a.breach()),
                pickReadiness(a.readiness()),
                pickNumber(dayCuts, a.daysElapsed()),
                pick(disclosures, a.disclosure()),
                still.length == 1 ? still[0] : a.stillHappening(),
                before.length == 1 ? before[0] : a.happenedBefore(),
                pickNumber(apologyCuts, a.apologiesMade()),
                others.length == 1 ? others[0] : a.othersAffected(),
                contact.length == 1 ? contact[0] : a.contactUnavoidable(),
                pick(responses, a.theirResponse()),
                safetyClasses.get(a.safety()));
    }

    private Readiness pickReadiness(Readiness r) {
        return readiness.length == 1 ? readiness[0] : r;
    }

    /** The value itself if tried, else the stand-in (the last value, which stands for every value not named). */
    private static <E> E pick(E[] tried, E value) {
        for (E e : tried) {
            if (e == value) {
                return e;
            }
        }
        return tried[tried.length - 1];
    }

    /**
     * The tried value in the same range between thresholds as {@code value}: the threshold at or below it, or, below
     * the first threshold, the value just under it.
     */
    private static int pickNumber(TreeSet<Integer> cuts, int value) {
        if (cuts.isEmpty()) {
            return 0;
        }
        int first = cuts.first();
        if (value < first) {
            return first - 1;
        }
        return cuts.floor(value);
    }

    /**
     * One value for each range between thresholds: the value just below the first threshold, and each threshold
     * (what {@link #pickNumber} maps every value to); just 0 when there is none. A reason that writes the number
     * itself ("3 apologies") is compared, in a diff, at the value that stands for its range.
     */
    private static int[] tried(TreeSet<Integer> cuts, int max) {
        TreeSet<Integer> values = new TreeSet<>(cuts.headSet(max, true));
        values.add(cuts.isEmpty() ? 0 : cuts.first() - 1);
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    String describe() {
        return String.format(
                "%d relationships %s × %d breaches %s × %d readiness × %d day values %s × "
                        + "%d disclosures %s × %d still happening × %d happened before × %d apology counts %s × "
                        + "%d others affected × %d contact unavoidable × %d their responses %s × "
                        + "%d sets of safety flags%s",
                relationships.length,
                Arrays.toString(relationships),
                breaches.length,
                Arrays.toString(breaches),
                readiness.length,
                days.length,
                Arrays.toString(days),
                disclosures.length,
                Arrays.toString(disclosures),
                still.length,
                before.length,
                apologies.length,
                Arrays.toString(apologies),
                others.length,
                contact.length,
                responses.length,
                Arrays.toString(responses),
                safetySets.size(),
                safetySets.size() == 1 << SafetyFlag.values().length
                        ? " (all)"
                        : " (one for each group of sets that no rule or guardrail tells apart)");
    }

    /** The thresholds above 0 that any of the rule sets compares the field with. */
    private static TreeSet<Integer> cuts(List<RuleSet> rules, String field, int max) {
        TreeSet<Integer> cuts = new TreeSet<>();
        rules.forEach(r -> cuts.addAll(RulesRead.cuts(r, field, 0, max)));
        rules.forEach(r -> cuts.addAll(Guardrails.of(r).cuts(field)));
        cuts.removeIf(c -> c <= 0 || c > max);
        return cuts;
    }

    private static <E extends Enum<E>> E[] named(List<RuleSet> rules, Class<E> type, String field) {
        return named(rules, type, field, EnumSet.noneOf(type));
    }

    /** Named values (and {@code also}) in enum order, then the stand-in (the first value none names), last. */
    private static <E extends Enum<E>> E[] named(List<RuleSet> rules, Class<E> type, String field, Set<E> also) {
        EnumSet<E> named = EnumSet.noneOf(type);
        rules.forEach(r -> named.addAll(RulesRead.namedValues(r, type, field)));
        rules.forEach(r -> Guardrails.of(r).valuesNamed(field).forEach(v -> named.add(Enum.valueOf(type, v))));
        List<E> values = new ArrayList<>(named);
        EnumSet.complementOf(named).stream().findFirst().ifPresent(values::add);
        @SuppressWarnings("unchecked")
        E[] array = (E[]) java.lang.reflect.Array.newInstance(type, values.size());
        return values.toArray(array);
    }

    /** How many values each dimension takes here ({@link AnswerSpace#DIMENSIONS} order; the role: 1). */
    int[] sizes() {
        int[] sizes = new int[AnswerSpace.DIMENSIONS.size()];
        sizes[ROLE] = 1;
        sizes[READINESS] = readiness.length;
        sizes[RELATIONSHIP] = relationships.length;
        sizes[BREACH] = breaches.length;
        sizes[DAYS] = days.length;
        sizes[DISCLOSURE] = disclosures.length;
        sizes[STILL_HAPPENING] = still.length;
        sizes[HAPPENED_BEFORE] = before.length;
        sizes[APOLOGIES] = apologies.length;
        sizes[OTHERS_AFFECTED] = others.length;
        sizes[SAFETY] = safetySets.size();
        sizes[CONTACT] = contact.length;
        sizes[THEIR_RESPONSE] = responses.length;
        return sizes;
    }

    /** The situation with these value indexes ({@link AnswerSpace#DIMENSIONS} order; the role's is ignored). */
    Answers at(int[] c) {
        return valid(
                role,
                relationships[c[RELATIONSHIP]],
                breaches[c[BREACH]],
                readiness[c[READINESS]],
                days[c[DAYS]],
                disclosures[c[DISCLOSURE]],
                still[c[STILL_HAPPENING]],
                before[c[HAPPENED_BEFORE]],
                apologies[c[APOLOGIES]],
                others[c[OTHERS_AFFECTED]],
                contact[c[CONTACT]],
                responses[c[THEIR_RESPONSE]],
                safetySets.get(c[SAFETY]));
    }

    /** The values behind one value index of a dimension, in words ({@link AnswerSpace#valueWords}). */
    List<String> words(int dimension, int value) {
        return switch (dimension) {
            case READINESS -> List.of(readiness[value] == null ? "blank" : readiness[value].name());
            case RELATIONSHIP -> covered(relationships, Relationship.values(), value);
            case BREACH -> covered(breaches, Breach.values(), value);
            case DAYS -> List.of(Integer.toString(days[value]));
            case DISCLOSURE -> covered(disclosures, Disclosure.values(), value);
            case STILL_HAPPENING, HAPPENED_BEFORE, OTHERS_AFFECTED, CONTACT -> List.of(value == 1 ? "true" : "false");
            case THEIR_RESPONSE -> List.of(responses[value] == null ? "blank" : responses[value].name());
            case APOLOGIES -> List.of(Integer.toString(apologies[value]));
            case SAFETY -> List.of(safetyWords(safetySets.get(value)));
            default -> throw new IllegalArgumentException("no dimension " + dimension);
        };
    }

    private static <E extends Enum<E>> List<String> covered(E[] tried, E[] all, int value) {
        E v = tried[value];
        if (tried.length == all.length || value < tried.length - 1) {
            return List.of(v.name());
        }
        List<E> triedList = Arrays.asList(tried);
        List<String> covered = new ArrayList<>();
        for (E e : all) {
            if (!triedList.contains(e) || e == v) {
                covered.add(e.name());
            }
        }
        return covered;
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
        int n = dimension == DAYS ? days[value] : apologies[value];
        TreeSet<Integer> cuts = new TreeSet<>(dimension == DAYS ? dayCuts : apologyCuts);
        cuts.add(0);
        int max = dimension == DAYS ? Answers.MAX_DAYS : Answers.MAX_APOLOGIES;
        int from = cuts.headSet(n + 1).last();
        var above = cuts.tailSet(n + 1);
        int to = above.isEmpty() ? max : above.first() - 1;
        return new int[] {from, to};
    }

    /**
     * Answers as the contract allows them: readiness blank where it is not asked (the hurt party; the other person
     * does not know), their response blank where it is not asked (the person who broke trust). A value tried there
     * stands for blank, so the space stays a product of its answers.
     */
    private static Answers valid(
            Role role,
            Relationship relationship,
            Breach breach,
            Readiness readiness,
            int days,
            Disclosure disclosure,
            boolean still,
            boolean before,
            int apologies,
            boolean others,
            boolean contact,
            TheirResponse response,
            Set<SafetyFlag> safety) {
        return new Answers(
                role,
                relationship,
                breach,
                Answers.readinessAsked(role, disclosure) ? readiness : null,
                days,
                disclosure,
                still,
                before,
                apologies,
                others,
                contact,
                Answers.theirResponseAsked(role) ? response : null,
                safety);
    }
}
