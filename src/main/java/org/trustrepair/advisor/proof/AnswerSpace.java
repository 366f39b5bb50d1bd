package org.trustrepair.advisor.proof;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * Every situation the questionnaire and the API can describe, as far as the rules and the guardrails can tell them
 * apart. Within each role:
 *
 * <ul>
 *   <li>days and apologies: one value for each range between the thresholds a rule or a guardrail compares them
 *       with (a rule cannot treat two values of one range differently);
 *   <li>relationship, breach and disclosure: every value some rule or guardrail names, and one stand-in for the
 *       values none names;
 *   <li>safety flags: one set for each group of sets that no rule condition and no guardrail tells apart;
 *   <li>an answer that no rule reads for that role (a pattern that requires the other role cannot match) and no
 *       guardrail reads either: one value.
 * </ul>
 *
 * Every other answer maps to one of these situations with the same plan, up to wording: the one whose values stand
 * for its answers ({@link #valueWords}, {@link #range}).
 * Situations are numbered 0 to {@link #size()}-1, so a sweep can split them between threads.
 */
public final class AnswerSpace {

    private final List<RoleSpace> roles;
    private final long size;
    /** By role index: how many values each dimension takes ({@link #sizesWithin}; read only). */
    private final int[][] sizesWithin;

    private AnswerSpace(List<RoleSpace> roles) {
        this.roles = roles;
        this.size = roles.stream().mapToLong(RoleSpace::size).sum();
        this.sizesWithin = roles.stream().map(RoleSpace::sizes).toArray(int[][]::new);
    }

    /** The space the given rule sets can distinguish (one for a check, two for a diff). */
    public static AnswerSpace of(RuleSet... rules) {
        Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses = RulesRead.safetyFlagClasses(rules);
        return new AnswerSpace(Arrays.stream(Role.values())
                .map(role -> new RoleSpace(role, List.of(rules), safetyClasses))
                .toList());
    }

    public long size() {
        return size;
    }

    /** The situation numbered {@code index}. */
    public Answers get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int[] c = new int[DIMENSIONS.size()];
        coordinates(index, c);
        return roles.get(c[ROLE]).at(c);
    }

    public int safetySetCount() {
        return roles.get(0).safetySets.size();
    }

    /** The sets of safety flags tried, by value index (the same for each role). */
    List<Set<SafetyFlag>> safetySets() {
        return roles.get(0).safetySets;
    }

    /** In words, for reports: what the space is made of and how large it is. */
    public String describe() {
        return String.format("%,d situations", size)
                + roles.stream()
                        .map(r -> String.format("; %s: %,d = %s", r.role, r.size(), r.describe()))
                        .collect(Collectors.joining());
    }

    // ---- each role's part of the space as a grid of answers, for reading a situation's value indexes and for
    // describing sets of situations (a diff's groups) by the answers they share.

    /** The answers the space varies, in the order {@link #coordinates} gives them. */
    public static final List<String> DIMENSIONS = List.of(
            "role",
            "readiness",
            "relationship",
            "breach",
            "daysElapsed",
            "disclosure",
            "stillHappening",
            "happenedBefore",
            "apologiesMade",
            "othersAffected",
            "safety",
            "contactUnavoidable",
            "theirResponse");

    /**
     * The dimensions an answer's value depends on, for the answers named: each its own, and for readiness the
     * disclosure too (readiness is blank when the other person does not know). A test that reads these answers gives
     * the same result for every situation that agrees on these dimensions.
     */
    static int[] dimensionsOf(Collection<String> fields) {
        return fields.stream()
                .flatMapToInt(field -> switch (DIMENSIONS.indexOf(field)) {
                    case -1 -> throw new IllegalArgumentException("no dimension " + field);
                    case READINESS -> IntStream.of(READINESS, DISCLOSURE);
                    default -> IntStream.of(DIMENSIONS.indexOf(field));
                })
                .sorted()
                .distinct()
                .toArray();
    }

    // each dimension's place in DIMENSIONS (and in a situation's value indexes)
    static final int ROLE = 0;
    static final int READINESS = 1;
    static final int RELATIONSHIP = 2;
    static final int BREACH = 3;
    static final int DAYS = 4;
    static final int DISCLOSURE = 5;
    static final int STILL_HAPPENING = 6;
    static final int HAPPENED_BEFORE = 7;
    static final int APOLOGIES = 8;
    static final int OTHERS_AFFECTED = 9;
    static final int SAFETY = 10;
    static final int CONTACT = 11;
    static final int THEIR_RESPONSE = 12;

    /** The index of the first situation of role index {@code role}. */
    long start(int role) {
        return roles.subList(0, role).stream().mapToLong(RoleSpace::size).sum();
    }

    /**
     * The situation numbered {@code index} as one value index per dimension ({@link #DIMENSIONS} order), written into
     * {@code into} (reused, for speed over millions of situations).
     */
    void coordinates(long index, int[] into) {
        long rest = index;
        int role = 0;
        for (RoleSpace r : roles) {
            if (rest < r.size()) {
                break;
            }
            rest -= r.size();
            role++;
        }
        into[ROLE] = role;
        int[] sizes = sizesWithin[role];
        for (int d : INDEX_ORDER) {
            into[d] = (int) (rest % sizes[d]);
            rest /= sizes[d];
        }
    }

    int roleCount() {
        return roles.size();
    }

    /** The dimensions in the order a situation's index within its role is made of them, least significant first. */
    private static final int[] INDEX_ORDER = {
        SAFETY,
        OTHERS_AFFECTED,
        APOLOGIES,
        HAPPENED_BEFORE,
        STILL_HAPPENING,
        DISCLOSURE,
        DAYS,
        READINESS,
        BREACH,
        RELATIONSHIP,
        CONTACT,
        THEIR_RESPONSE
    };

    /**
     * How many values each dimension takes within the part of the space for role index {@code role} (its role: 1).
     * One array for each role, shared: not to be changed.
     */
    int[] sizesWithin(int role) {
        return sizesWithin[role];
    }

    /** The situation of role index {@code role} with these value indexes ({@link #DIMENSIONS} order; role ignored). */
    Answers at(int role, int[] c) {
        return roles.get(role).at(c);
    }

    /**
     * The values behind one value index of a dimension, in words: an enum value (or, for a stand-in, every value it
     * stands for), "blank", true or false, the set of safety flags (with how many sets it stands for), or a number.
     */
    List<String> valueWords(int role, int dimension, int value) {
        return dimension == ROLE
                ? List.of(Role.values()[value].name())
                : roles.get(role).words(dimension, value);
    }

    /**
     * The range of values one tried number stands for: from the cut at or below it to the next cut (exclusive), for
     * {@code daysElapsed} or {@code apologiesMade}. Every value in that range gets the same plan from the rules.
     */
    int[] range(int role, int dimension, int value) {
        return roles.get(role).range(dimension, value);
    }
}
