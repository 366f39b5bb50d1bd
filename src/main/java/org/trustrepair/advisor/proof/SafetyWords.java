package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * Safety answers as a person would name them, in the questionnaire's words ({@code inReasons} of the safety
 * questions): one set ("they are afraid of you and you have had thoughts of self-harm", "no safety concern"), or many
 * at once by what they share ("“they are afraid of you”, whatever else is ticked", "anything but “there is an order
 * against you”", "any safety concern"), never a count of sets.
 */
record SafetyWords(Questionnaire questionnaire) {

    private static final int ALL = 1 << SafetyFlag.values().length;

    /** Groups of sets listed; more are said as the smallest group holding them all. */
    static final int MAX_GROUPS = 3;

    /** One set of safety answers: "you are afraid of them and they are afraid of you", or "no safety concern". */
    String of(Set<SafetyFlag> flags) {
        if (flags.isEmpty()) {
            return questionnaire.phrase("safety", Questionnaire.NONE);
        }
        return DiffWords.join(
                flags.stream()
                        .sorted()
                        .map(f -> questionnaire.phrase("safety", f.name()))
                        .toList(),
                "and");
    }

    /**
     * Many sets of safety answers (each set once): "any safety concern", or a few groups a person names at once
     * ({@link #group}) joined by "or"; when more groups would be needed, the smallest group holding them all, with how
     * many of its sets are meant.
     */
    String sets(List<Set<SafetyFlag>> sets) {
        if (sets.size() == ALL - 1 && !sets.contains(Set.of())) {
            return "any safety concern";
        }
        List<String> groups = new ArrayList<>();
        groups(sets, groups);
        return groups.size() <= MAX_GROUPS ? DiffWords.join(groups, "or") : bounds(sets);
    }

    /**
     * Adds the words of each group of sets that a person names at once ({@link #group}), splitting on an answer that
     * varies until each part is such a group.
     */
    private void groups(List<Set<SafetyFlag>> sets, List<String> groups) {
        String whole = group(sets);
        if (whole != null || groups.size() > MAX_GROUPS) {
            groups.add(whole != null ? whole : bounds(sets));
            return;
        }
        Set<SafetyFlag> varies = EnumSet.noneOf(SafetyFlag.class);
        sets.forEach(varies::addAll);
        varies.removeIf(f -> sets.stream().allMatch(t -> t.contains(f)));
        // an answer on which both parts can be said at once, if there is one
        SafetyFlag split = varies.stream()
                .filter(f -> group(with(sets, f, true)) != null && group(with(sets, f, false)) != null)
                .findFirst()
                .orElse(varies.iterator().next());
        groups(with(sets, split, true), groups);
        groups(with(sets, split, false), groups);
    }

    private static List<Set<SafetyFlag>> with(List<Set<SafetyFlag>> sets, SafetyFlag flag, boolean ticked) {
        return sets.stream().filter(s -> s.contains(flag) == ticked).toList();
    }

    /** What every one of some sets of flags has ticked, and what none of them has. */
    private record Shared(Set<SafetyFlag> always, Set<SafetyFlag> never) {
        static Shared of(List<Set<SafetyFlag>> sets) {
            Set<SafetyFlag> always = EnumSet.allOf(SafetyFlag.class);
            Set<SafetyFlag> never = EnumSet.allOf(SafetyFlag.class);
            sets.forEach(s -> {
                always.retainAll(s);
                never.removeAll(s);
            });
            return new Shared(always, never);
        }
    }

    /**
     * The sets in words when a person names them at once: some answers ticked in all, some in none, at least one of
     * some others, the rest anything ("“they are afraid of you”, whatever else is ticked", "anything but “you have
     * had thoughts of self-harm”", "“you have had thoughts of self-harm” or “they have spoken of self-harm”, whatever
     * else is ticked"); null when they are not such a group.
     */
    private String group(List<Set<SafetyFlag>> sets) {
        Shared shared = Shared.of(sets);
        Set<SafetyFlag> always = shared.always();
        Set<SafetyFlag> never = shared.never();
        int free = SafetyFlag.values().length - always.size() - never.size();
        if (sets.size() == 1 << free) {
            return words(always, never, Set.of());
        }
        // at least one of some answers: the sets left out of the group are those with none of them
        Set<SafetyFlag> oneOf = EnumSet.allOf(SafetyFlag.class);
        oneOf.removeAll(always);
        oneOf.removeAll(never);
        Set<Set<SafetyFlag>> in = new HashSet<>(sets);
        List<Set<SafetyFlag>> leftOut = IntStream.range(0, ALL)
                .mapToObj(SafetyWords::flags)
                .filter(s -> s.containsAll(always) && Collections.disjoint(s, never) && !in.contains(s))
                .toList();
        leftOut.forEach(oneOf::removeAll);
        boolean atLeastOne = oneOf.size() > 1
                && leftOut.size() == 1 << (free - oneOf.size())
                && sets.size() == (1 << free) - leftOut.size();
        return atLeastOne ? words(always, never, oneOf) : null;
    }

    /** Every flag whose bit is set in {@code bits} (bit i for the flag of ordinal i). */
    static Set<SafetyFlag> flags(int bits) {
        return Arrays.stream(SafetyFlag.values())
                .filter(f -> (bits & 1 << f.ordinal()) != 0)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SafetyFlag.class)));
    }

    /** The smallest group holding these sets (what all have ticked and none has), for too many groups to list. */
    private String bounds(List<Set<SafetyFlag>> sets) {
        Shared shared = Shared.of(sets);
        return words(shared.always(), shared.never(), Set.of()) + " (" + sets.size() + " of the " + ALL
                + " ways to answer them)";
    }

    private String words(Set<SafetyFlag> always, Set<SafetyFlag> never, Set<SafetyFlag> oneOf) {
        if (always.size() + never.size() == SafetyFlag.values().length) {
            return of(always);
        }
        List<String> said = new ArrayList<>();
        if (!always.isEmpty()) {
            said.add(DiffWords.join(always.stream().map(this::quote).toList(), "and"));
        }
        if (!oneOf.isEmpty()) {
            said.add(DiffWords.join(oneOf.stream().map(this::quote).toList(), "or"));
        }
        List<String> without = never.stream().map(this::quote).toList();
        if (said.isEmpty()) {
            return never.isEmpty() ? "any answer to the safety questions" : DiffWords.noneOf(without);
        }
        return String.join(", and ", said)
                + (never.isEmpty()
                        ? ""
                        : without.size() == 1 ? ", but not " + without.get(0) : ", but " + DiffWords.noneOf(without))
                + ", whatever else is ticked";
    }

    private String quote(SafetyFlag f) {
        return "“" + questionnaire.phrase("safety", f.name()) + "”";
    }
}
