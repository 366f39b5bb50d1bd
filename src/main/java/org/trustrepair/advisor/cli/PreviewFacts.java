package org.trustrepair.advisor.cli;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.facts.Advice;
import org.trustrepair.advisor.advice.facts.Finding;
import org.trustrepair.advisor.advice.facts.NatureIs;
import org.trustrepair.advisor.advice.facts.PeriodIs;
import org.trustrepair.advisor.advice.facts.SeverityIs;
import org.trustrepair.advisor.advice.facts.TrackIs;
import org.trustrepair.advisor.advice.facts.Withhold;

/**
 * What {@code ./advisor preview --facts} adds after the plan, for someone writing a new rule: what the rules see for
 * these answers, as condition lines to copy into the rule's {@code when} (the {@code Situation( … )} with each answer
 * that was asked, then one line per fact the {@code situation/} rules derived), and which rule gave each step and each
 * thing not to do now, with its file, so that there is a rule to copy. A counsellor trial found a new rule's conditions
 * were written only by copying, and which track to test was a guess. The advice given and held back is not among the
 * lines to copy: a rule that tests for another's advice is one the guide asks not to write (a later trial asked).
 */
final class PreviewFacts {

    /** Where the {@code Situation( … )} line is wrapped: the width of the rules' own lines. */
    private static final int WIDTH = 116;

    private PreviewFacts() {}

    /** What a rule author does with the lines, said above them. */
    private static final String HOW = """
              Copy the lines a new rule needs into its when, then loosen them: leave out what does not matter,
              write in ( … ) for several values (rules/README.md, "Writing a new rule's conditions"; what each
              Finding means is in its table "The facts the rules see").
            """;

    /** A step or a thing not to do now, by its id, and the name of the rule that gave it. */
    private record Gave(String id, String rule) {}

    /** The two sections, for the plan these rules made from these answers and the facts they derived for it. */
    static String text(RuleSet rules, Answers answers, AdvicePlan plan, List<Object> derived) {
        StringBuilder out = new StringBuilder("\nWhat the rules see for these answers\n")
                .append(HOW)
                .append('\n');
        out.append(situation(rules.questionnaire(), answers));
        derivedLines(derived).forEach(line -> out.append("  ").append(line).append('\n'));
        List<Gave> given =
                plan.steps().stream().map(s -> new Gave(s.id(), s.rule())).toList();
        List<Gave> held =
                plan.withheld().stream().map(w -> new Gave(w.id(), w.rule())).toList();
        int width = Stream.concat(given.stream(), held.stream())
                .mapToInt(g -> g.id().length())
                .max()
                .orElse(0);
        out.append("\nWhich rule gave each step\n");
        given.forEach(g -> out.append(gaveIt(rules, g, width)));
        if (!held.isEmpty()) {
            out.append("\nWhich rule holds back each thing not to do now\n");
            held.forEach(g -> out.append(gaveIt(rules, g, width)));
        }
        return out.toString();
    }

    /** {@code Situation( role == Role.BROKE_TRUST, … )}, each answer asked in the questionnaire's order, wrapped. */
    static String situation(Questionnaire questionnaire, Answers answers) {
        return situation(questionnaire, answers, Set.of());
    }

    /** As {@link #situation(Questionnaire, Answers)}, without tests of the {@code left} fields. */
    static String situation(Questionnaire questionnaire, Answers answers, Set<String> left) {
        List<String> tests = new ArrayList<>();
        asked(questionnaire, answers).forEach((field, value) -> {
            if (!left.contains(field)) {
                tests.addAll(tests(field, value));
            }
        });
        String opening = "  Situation( ";
        StringBuilder out = new StringBuilder(opening);
        int column = opening.length();
        for (int i = 0; i < tests.size(); i++) {
            String test = tests.get(i) + (i < tests.size() - 1 ? "," : " )");
            if (column + test.length() > WIDTH && i > 0) {
                out.append('\n').append(" ".repeat(opening.length()));
                column = opening.length();
            } else if (i > 0) {
                out.append(' ');
                column++;
            }
            out.append(test);
            column += test.length();
        }
        return out.append('\n').toString();
    }

    /**
     * One answer as the rules test it (rules/README.md, "The facts the rules see"): {@code daysElapsed == 10},
     * {@code stillHappening} or {@code !stillHappening}, {@code role == Role.BROKE_TRUST}, {@code theirResponse ==
     * null} when left blank; each safety flag ticked as {@code safety contains SafetyFlag.X}, none as {@code
     * !safetyConcern}.
     */
    static List<String> tests(String field, Object value) {
        if (value instanceof Set<?> flags) {
            return flags.isEmpty()
                    ? List.of("!safetyConcern")
                    : flags.stream()
                            .map(f ->
                                    "safety contains " + SafetyFlag.class.getSimpleName() + "." + ((Enum<?>) f).name())
                            .toList();
        }
        if (value == null) {
            return List.of(field + " == null");
        }
        if (value instanceof Enum<?> e) {
            return List.of(field + " == " + e.getDeclaringClass().getSimpleName() + "." + e.name());
        }
        if (value instanceof Boolean yes) {
            return List.of(yes ? field : "!" + field);
        }
        return List.of(field + " == " + value);
    }

    /**
     * The answers the questionnaire asks of these answers, by field, in its order (null where one was left blank); the
     * safety questions share one field, asked one danger at a time, which comes once.
     */
    static Map<String, Object> asked(Questionnaire questionnaire, Answers answers) {
        Map<String, Object> given = byName(answers);
        Map<String, Object> asked = new LinkedHashMap<>();
        for (Questionnaire.Question q : questionnaire.questions()) {
            if (q.appliesTo(given) && !asked.containsKey(q.field())) {
                asked.put(q.field(), given.get(q.field()));
            }
        }
        return asked;
    }

    /** The answers by field name, as the Situation's conditions name them (the same names as the API's). */
    private static Map<String, Object> byName(Answers answers) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (RecordComponent c : Answers.class.getRecordComponents()) {
            try {
                byName.put(c.getName(), c.getAccessor().invoke(answers));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the answer " + c.getName(), e);
            }
        }
        return byName;
    }

    /**
     * One line per fact the rules derived, as a condition matches it: the nature, severity, period and track first,
     * then the findings, each sorted (a fact inserted twice shows once). The advice given and held back are left out:
     * the next section names them with their rules.
     */
    static List<String> derivedLines(List<Object> derived) {
        List<Class<?>> order = List.of(NatureIs.class, SeverityIs.class, PeriodIs.class, TrackIs.class, Finding.class);
        Comparator<Object> byType = Comparator.comparingInt(f -> {
            int i = order.indexOf(f.getClass());
            return i < 0 ? order.size() : i;
        });
        TreeSet<String> seen = new TreeSet<>();
        return derived.stream()
                .filter(f -> !(f instanceof Advice) && !(f instanceof Withhold))
                .sorted(byType.thenComparing(PreviewFacts::line))
                .map(PreviewFacts::line)
                .filter(seen::add)
                .toList();
    }

    /** A derived fact as a condition that matches it, such as {@code TrackIs( track == Track.REPAIR )}. */
    static String line(Object fact) {
        if (fact instanceof NatureIs n) {
            return "NatureIs( nature == Nature." + n.getNature().name() + " )";
        }
        if (fact instanceof SeverityIs s) {
            return "SeverityIs( severity == Severity." + s.getSeverity().name() + " )";
        }
        if (fact instanceof PeriodIs p) {
            return "PeriodIs( period == Period." + p.getPeriod().name() + " )";
        }
        if (fact instanceof TrackIs t) {
            return "TrackIs( track == Track." + t.getTrack().name() + " )";
        }
        if (fact instanceof Finding f) {
            return "Finding( name == \"" + f.getName() + "\" )";
        }
        return String.valueOf(fact); // a fact type added later: its own words, until it gets a line here
    }

    /** {@code apologize-fully  <- rule "Apologize fully, once" (apologize/apologize.drl:12)}, the id padded. */
    private static String gaveIt(RuleSet rules, Gave gave, int width) {
        RuleInfo info = gave.rule() == null ? null : rules.rules().get(gave.rule());
        String where = info == null || info.file() == null
                ? ""
                : " (" + info.file() + (info.line() > 0 ? ":" + info.line() : "") + ")";
        return "  " + gave.id() + " ".repeat(width - gave.id().length()) + "  <- "
                + (gave.rule() == null ? "no rule recorded" : "rule \"" + gave.rule() + "\"" + where) + "\n";
    }
}
