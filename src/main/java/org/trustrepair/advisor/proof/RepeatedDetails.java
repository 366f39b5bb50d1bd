package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustrepair.advisor.advice.engine.Catalogue;
import org.trustrepair.advisor.advice.engine.Catalogue.AdviceText;

/**
 * Two ids of the advice.yaml files whose details say the same words: the same detail (whatever its layout and
 * capitals), or one detail that holds another's whole. {@code check} warns of each pair, and refuses nothing: a step
 * that repeats another's words says the same thing twice where both are given, and an edit of one leaves the other
 * behind. A counsellor trial found nothing flagged a new step that copied another's words. Two ids with the same
 * title, or one whose title keeps the other's whole and adds to it ("…; telling others can wait"), are variants (one
 * text for work, one for home), never given in one plan (the guardrail {@code each-thing-said-once-per-plan} proves
 * it): a variant that keeps the other's words and adds its own is how they are written, and is not warned of.
 */
final class RepeatedDetails {

    /**
     * One pair: {@code id}'s detail is the same as {@code other}'s, or ({@code same} false) holds it whole. Each id
     * with the file its words are in.
     */
    record Pair(String id, String file, String other, String otherFile, boolean same) {}

    private RepeatedDetails() {}

    /** Every pair of ids that repeat each other's words, in the order of their ids, each pair once. */
    static List<Pair> in(Catalogue catalogue) {
        Map<String, String> words = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        catalogue.advice().forEach((id, text) -> {
            words.put(id, Guardrail.sameWords(text.detail()));
            titles.put(id, Guardrail.sameWords(text.title()));
        });
        List<String> ids = new ArrayList<>(words.keySet());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = words.get(ids.get(i));
                String b = words.get(ids.get(j));
                if (a.isEmpty() || b.isEmpty()) {
                    continue; // a missing detail is refused when the rules are read
                }
                if (variants(titles.get(ids.get(i)), titles.get(ids.get(j)))) {
                    continue;
                }
                if (a.equals(b) || a.contains(b)) {
                    pairs.add(pair(catalogue, ids.get(i), ids.get(j), a.equals(b)));
                } else if (b.contains(a)) {
                    pairs.add(pair(catalogue, ids.get(j), ids.get(i), false));
                }
            }
        }
        return pairs;
    }

    /** Whether two titles (in their same-words form) are a step's variants: the same, or one holding the other. */
    private static boolean variants(String title, String other) {
        return !title.isEmpty() && !other.isEmpty() && (title.contains(other) || other.contains(title));
    }

    private static Pair pair(Catalogue catalogue, String id, String other, boolean same) {
        AdviceText text = catalogue.advice().get(id);
        AdviceText otherText = catalogue.advice().get(other);
        return new Pair(id, text.file(), other, otherText.file(), same);
    }

    /** The check's warning, in lines to indent under its heading; empty when no words are repeated. */
    static List<String> warning(Catalogue catalogue) {
        List<Pair> pairs = in(catalogue);
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "Said twice (%d): two steps or things not to do with the same detail, or one whose detail holds"
                        + " another's whole. Say it once: give both rules the same id, or reword one (rules/README.md,"
                        + " \"Checking an edit\"):",
                pairs.size()));
        for (Pair p : pairs) {
            lines.add("   " + catalogue.named(p.id()) + " in " + p.file()
                    + (p.same() ? " has the same detail as " : " holds the whole detail of ")
                    + catalogue.named(p.other()) + " in " + p.otherFile());
        }
        return lines;
    }
}
