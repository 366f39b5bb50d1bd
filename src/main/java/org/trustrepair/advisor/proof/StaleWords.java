package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Period;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * Words an edit of a number may have left behind. When a rule (or a row of a table) compares {@code apologiesMade} or
 * {@code daysElapsed} with another number than before ({@code apologiesMade >= 2} now {@code >= 3}, a period that
 * ended on day 14 now on day 21), the texts, reasons and guardrail promises of the new rules that still say the old
 * number ("two apologies", "twice", "two weeks", "14 days") are listed, for the counsellor to read again. A list to
 * look at, not an error: "two weeks" may be right where it is.
 *
 * <p>A moved period edge also lists the words that name the period ending there without a number ("these first
 * days", "a fortnight", "very recently" for the first period), as the row of {@code situation/periods.drl.csv} that
 * decides the period gives them (its {@code @alsoCalled}, written by counsellors): {@link #alsoCalled}.
 *
 * <p>The notes in the rule files ({@code //} comments) say "twice" and "two times" in many other senses ("asked twice
 * by the readers"), so a note is listed only when it writes the number in digits or with what it counts ("2 days",
 * "two apologies", "two weeks"): {@link #inNotes}.
 */
final class StaleWords {

    private static final List<String> WORDS = List.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    private StaleWords() {}

    /** A number the rules compare with that an edit moved, in one rule. */
    record Moved(String answer, int was, int now, String rule) {}

    /** One line per moved number, then one per place whose words may still say it; empty when no number moved. */
    static List<String> of(RuleSet before, RuleSet after) {
        List<String> lines = new ArrayList<>();
        for (Moved m : moved(before, after)) {
            Map<String, Place> found = said(after, phrases(m.answer(), m.was()));
            if (!found.isEmpty()) {
                lines.add("The rule “" + m.rule() + "” now says " + words(after, m, m.now()) + " where it said "
                        + words(after, m, m.was()) + "; these words may still say the old number:");
                lines.addAll(grouped(found.values()));
            }
            // the plan of the last day of the period that ended on the old number, if one did
            Evaluation last = m.answer().equals("daysElapsed") && m.was() > 0 ? evaluate(before, m.was() - 1) : null;
            Period ending = endsOn(before, last, m.was());
            List<String> named = ending == null ? List.of() : alsoCalled(before, last);
            List<Place> naming = named.isEmpty()
                    ? List.of()
                    : said(after, named).entrySet().stream()
                            .filter(f -> !found.containsKey(f.getKey()))
                            .map(Map.Entry::getValue)
                            .toList();
            if (!naming.isEmpty()) {
                lines.add("The " + ChangeWords.period(ending).substring("the ".length()) + ", which ended before day "
                        + m.was() + ", now ends before day " + m.now() + "; these words name it without a number ("
                        + String.join(
                                ", ", named.stream().map(w -> "“" + w + "”").toList())
                        + ") and may no longer fit it:");
                lines.addAll(grouped(naming));
            }
        }
        return lines;
    }

    /**
     * The period that ends on this day under these rules (the day before, whose plan is {@code dayBefore}, is in it;
     * this day is not), for a partner who knows and will talk, with no safety concern; null when no period ends there.
     */
    private static Period endsOn(RuleSet rules, Evaluation dayBefore, int day) {
        Period last = period(dayBefore);
        return last != null && last != period(evaluate(rules, day)) ? last : null;
    }

    private static Period period(Evaluation evaluation) {
        return evaluation == null ? null : evaluation.plan().classification().period();
    }

    /**
     * The words that name the period of this plan without a number, as the rule that decides it gives them ({@code
     * @alsoCalled} in {@code situation/periods.drl.csv}): when the edge it ends on moves, they may no longer fit it
     * ("these first days" of a period of three weeks).
     */
    private static List<String> alsoCalled(RuleSet rules, Evaluation evaluation) {
        return evaluation == null
                ? List.of()
                : evaluation.firedRules().stream()
                        .map(rules.rules()::get)
                        .filter(Objects::nonNull)
                        .flatMap(rule -> rule.alsoCalled().stream())
                        .distinct()
                        .toList();
    }

    /** The plan of a partner who knows and will talk, with no safety concern, this many days on; null if none. */
    private static Evaluation evaluate(RuleSet rules, int days) {
        try {
            return rules.evaluate(
                    Answers.of(Relationship.ROMANTIC, Breach.INFIDELITY, Readiness.WILLING_TO_TALK, days));
        } catch (EvaluationException e) {
            return null;
        }
    }

    /** A number of apologies or days as the reasons say it ("2 apologies", "14 days"). */
    private static String words(RuleSet rules, Moved m, int n) {
        return rules.questionnaire().number(m.answer(), n);
    }

    /**
     * The numbers moved: a rule of both sides (by name, or by its {@code @id} when renamed) whose comparisons of an
     * answer with a number are the same but for the number. Each old number once.
     */
    static List<Moved> moved(RuleSet before, RuleSet after) {
        Map<String, RuleModel.Rule> old = new HashMap<>();
        for (RuleModel.Rule r : RulesRead.model(before).rules()) {
            old.put(r.name(), r);
            RuleInfo info = before.rules().get(r.name());
            if (info != null && info.id() != null) {
                old.putIfAbsent("@" + info.id(), r);
            }
        }
        Map<String, Moved> moved = new TreeMap<>();
        for (RuleModel.Rule rule : RulesRead.model(after).rules()) {
            RuleInfo info = after.rules().get(rule.name());
            RuleModel.Rule was = old.getOrDefault(rule.name(), info == null ? null : old.get("@" + info.id()));
            if (was == null) {
                continue;
            }
            List<RuleModel.Comparison> a = numbers(was);
            List<RuleModel.Comparison> b = numbers(rule);
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                RuleModel.Comparison x = a.get(i);
                RuleModel.Comparison y = b.get(i);
                if (x.property().equals(y.property())
                        && x.operator().equals(y.operator())
                        && !x.value().equals(y.value())) {
                    Moved m = new Moved(
                            x.property(), Integer.parseInt(x.value()), Integer.parseInt(y.value()), rule.name());
                    moved.putIfAbsent(m.answer() + " " + m.was(), m);
                }
            }
        }
        return List.copyOf(moved.values());
    }

    /** The rule's comparisons of a number of apologies or days with a whole number, in the order written. */
    private static List<RuleModel.Comparison> numbers(RuleModel.Rule rule) {
        return rule.patterns().stream()
                .filter(RuleModel.FactPattern::isSituation)
                .flatMap(p -> p.constraints().stream())
                .flatMap(c -> c.comparisons().stream())
                .filter(c ->
                        (c.property().equals("apologiesMade") || c.property().equals("daysElapsed"))
                                && c.value().matches("\\d{1,6}"))
                .toList();
    }

    /** How a text may say this number of apologies or days. */
    static List<String> phrases(String answer, int n) {
        Set<String> phrases = new LinkedHashSet<>();
        if (answer.equals("apologiesMade")) {
            phrases.add(n + " apolog");
            phrases.add(n + " full apolog");
            phrases.add(n + " times");
            if (n < WORDS.size()) {
                phrases.add(WORDS.get(n) + " apolog");
                phrases.add(WORDS.get(n) + " full apolog");
                phrases.add(WORDS.get(n) + " times");
                phrases.add(WORDS.get(n) + " or more");
            }
            if (n == 2) {
                phrases.add("twice");
            }
        } else {
            phrases.add(n + " days");
            phrases.add(n + " day");
            if (n % 7 == 0 && n / 7 < WORDS.size()) {
                phrases.add(n == 7 ? "a week" : WORDS.get(n / 7) + " weeks");
            }
            if (n % 30 == 0 && n / 30 < WORDS.size()) {
                phrases.add(n == 30 ? "a month" : WORDS.get(n / 30) + " months");
            }
            if (n % 365 == 0 && n / 365 < WORDS.size()) {
                phrases.add(n == 365 ? "a year" : WORDS.get(n / 365) + " years");
            }
        }
        return List.copyOf(phrases);
    }

    /**
     * The phrases a note in a rule file is searched for: those in digits or that name what they count ("2 times",
     * "two apolog", "two weeks"), not a bare word ("twice", "two times", "two or more"), which notes use in other senses.
     */
    static List<String> inNotes(List<String> phrases) {
        return phrases.stream()
                .filter(p -> Character.isDigit(p.charAt(0)) || p.matches(".*\\b(apolog|day|week|month|year).*"))
                .toList();
    }

    /** Any of these phrases, as a whole word at its start, in any case. */
    private static Pattern anyOf(List<String> phrases) {
        return Pattern.compile(
                "\\b(" + String.join("|", phrases.stream().map(Pattern::quote).toList()) + ")",
                Pattern.CASE_INSENSITIVE);
    }

    /**
     * Where the new rules' words say one of these phrases: texts, rules' names and reasons, notes in the rule files
     * (only for the phrases {@link #inNotes} keeps), guardrail promises; by the place, each with its words around.
     */
    private static Map<String, Place> said(RuleSet rules, List<String> phrases) {
        Pattern any = anyOf(phrases);
        List<String> notePhrases = inNotes(phrases);
        Pattern inNote = notePhrases.isEmpty() ? null : anyOf(notePhrases);
        Map<String, Place> found = new LinkedHashMap<>();
        new TreeMap<>(rules.catalogue().advice())
                .forEach((id, text) -> put(
                        found,
                        false,
                        "the text “" + text.title() + "” (" + id + ")",
                        quote(any, text.title() + ". " + text.detail())));
        // a rule that inserts neither a step (Advice) nor a held-back item (Withhold) gives the plan only findings and
        // the words under "Your situation": its name is seen only by counsellors (a rule whose consequence cannot be
        // read may give a step)
        Set<String> noSteps = new HashSet<>();
        RulesRead.model(rules).rules().stream()
                .filter(r -> r.inserts() != null
                        && !r.inserts().contains("Advice")
                        && !r.inserts().contains("Withhold"))
                .forEach(r -> noSteps.add(r.name()));
        new TreeMap<>(rules.rules()).forEach((name, rule) -> {
            String where = " (" + rule.file() + ":" + rule.line() + ")";
            if (any.matcher(name).find()) {
                String place = "the name of the rule “" + name + "”" + where;
                boolean noStep = noSteps.contains(name);
                found.put(
                        place,
                        new Place(
                                place
                                        + (noStep
                                                ? ", a name only counsellors see (it gives no step)"
                                                : ", which a plan shows under each step it gives"),
                                noStep));
            }
            put(found, false, "the reason of the rule “" + name + "”" + where, quote(any, rule.reason()));
        });
        // the notes for the next counsellor in the rule files: a "//" comment that says the old number
        new TreeMap<>(rules.drlSources()).forEach((path, drl) -> {
            List<String> lines = drl.lines().toList();
            for (int i = 0; i < lines.size() && inNote != null; i++) {
                int note = lines.get(i).indexOf("//");
                put(
                        found,
                        true,
                        "a note in " + path + ":" + (i + 1),
                        note < 0 ? null : quote(inNote, lines.get(i).substring(note + 2)));
            }
        });
        String guardrails = rules.text(Guardrails.FILE);
        if (guardrails != null) {
            List<String> lines = guardrails.lines().toList();
            String guardrail = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("- id:")) {
                    guardrail = line.substring("- id:".length()).strip();
                }
                put(
                        found,
                        true,
                        (guardrail == null ? "" : "the guardrail “" + guardrail + "” (") + Guardrails.FILE + ":"
                                + (i + 1) + (guardrail == null ? "" : ")"),
                        line.startsWith("#") ? null : quote(any, lines.get(i)));
            }
        }
        return found;
    }

    /**
     * The places, those a person reads first (texts, reasons, the names of rules that give steps, shown under each
     * step), then, after a line that says so, those only counsellors see (names of rules that give no step, notes in the
     * rule files, guardrails): a counsellor's trial could not tell which of thirty lines people read.
     */
    private static List<String> grouped(Collection<Place> places) {
        List<String> read = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        for (Place place : places) {
            (place.counsellorsOnly() ? unseen : read).add("  - " + place.line());
        }
        if (!unseen.isEmpty()) {
            read.add("  " + (read.isEmpty() ? "Seen" : "and, seen")
                    + " only by counsellors (rule names that give no step, notes, guardrails):");
            read.addAll(unseen);
        }
        return read;
    }

    /** A place and the words it says; whether only counsellors see it (a name, a note, a guardrail). */
    private record Place(String line, boolean counsellorsOnly) {}

    /** A place and the words it says, when it says one of the phrases ({@code quote} not null). */
    private static void put(Map<String, Place> found, boolean counsellorsOnly, String place, String quote) {
        if (quote != null) {
            found.put(place, new Place(place + ": " + quote, counsellorsOnly));
        }
    }

    /** The words around the first match, or null. */
    private static String quote(Pattern any, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = any.matcher(text);
        if (!m.find()) {
            return null;
        }
        // about forty characters either side, widened to whole words
        int from = Math.max(0, m.start() - 40);
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = Math.min(text.length(), m.end() + 40);
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        return "“" + (from > 0 ? "…" : "") + text.substring(from, to).strip().replaceAll("\\s+", " ")
                + (to < text.length() ? "…" : "") + "”";
    }
}
