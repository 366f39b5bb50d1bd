package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.facts.Advice;
import org.trustrepair.advisor.advice.facts.Finding;

/**
 * Why a thing not to do is no longer held back in a situation, or is held back only now, in words, from what the diff
 * has: the rule that held it back (or now does), that rule as each rule set writes it, and the facts it reads beside
 * the answers, as each rule set derives them for the situation (a made-up one, never a person's).
 *
 * <p>The answers are the same on both sides, so a rule written the same in both that stops (or starts) holding an item
 * back does so because something it reads changed: the step it went with, the period, the track, how the breach or
 * its gravity is read, a finding. Each such change is said. Where the rule is gone, new or edited, that is said
 * instead. Where nothing can be told (a rule that reads a fact in a way not followed here), nothing is said: the report
 * then names only the rule that held it back.
 */
final class HeldBackWords {

    private HeldBackWords() {}

    /**
     * Why an item that the rule {@code rule} of {@code before} held back in plan {@code a} is not held back in plan
     * {@code b} ("why it is no longer held back: it went with the step …"), or null when it cannot be told.
     */
    static String noLonger(RuleSet before, RuleSet after, String rule, Answers answers, AdvicePlan a, AdvicePlan b) {
        String why = why(before, after, rule, true, answers, a, b);
        return why == null ? null : "why it is no longer held back: " + why;
    }

    /** Why an item that the rule {@code rule} of {@code after} holds back in plan {@code b} was not held back in {@code a}. */
    static String onlyNow(RuleSet before, RuleSet after, String rule, Answers answers, AdvicePlan a, AdvicePlan b) {
        String why = why(before, after, rule, false, answers, a, b);
        return why == null ? null : "why it is held back only now: " + why;
    }

    private static String why(
            RuleSet before, RuleSet after, String name, boolean removed, Answers answers, AdvicePlan a, AdvicePlan b) {
        RuleSet own = removed ? before : after;
        RuleSet other = removed ? after : before;
        RuleInfo info = own.rules().get(name);
        RuleModel.Rule rule = find(own, name, null);
        if (info == null || rule == null || answers == null) {
            return null;
        }
        RuleModel.Rule was = find(other, name, info.id());
        String where = " (" + info.file() + ":" + info.line() + ")";
        if (was == null) {
            return removed ? "that rule" + where + " is no longer in the rules" : "that rule" + where + " is new";
        }
        if (!sameConditions(rule, was)) {
            // where it is written now
            RuleInfo edited = removed ? other.rules().get(was.name()) : info;
            where = edited == null ? "" : " (" + edited.file() + ":" + edited.line() + ")";
            return "that rule" + where + " was edited, and "
                    + (removed ? "no longer holds it back here" : "now holds it back here");
        }
        List<String> changed = changed(rule, before, after, removed, answers, a, b);
        if (changed == null || changed.isEmpty()) {
            return null;
        }
        return (removed ? "that rule no longer applies here: " : "that rule now applies here: ")
                + String.join("; and ", changed);
    }

    /** A rule of these rules by its name, or else by its {@code @id} (a rule renamed). */
    private static RuleModel.Rule find(RuleSet rules, String name, String id) {
        RuleModel.Rule byId = null;
        for (RuleModel.Rule r : RulesRead.model(rules).rules()) {
            if (r.name().equals(name)) {
                return r;
            }
            RuleInfo info = rules.rules().get(r.name());
            if (id != null && info != null && id.equals(info.id())) {
                byId = r;
            }
        }
        return byId;
    }

    /** Whether two rules test the same conditions and do the same (their name, reason and sources aside). */
    private static boolean sameConditions(RuleModel.Rule x, RuleModel.Rule y) {
        return x.patterns().stream()
                        .map(RuleModel.FactPattern::text)
                        .toList()
                        .equals(y.patterns().stream()
                                .map(RuleModel.FactPattern::text)
                                .toList())
                && x.consequence()
                        .strip()
                        .replaceAll("\\s+", " ")
                        .equals(y.consequence().strip().replaceAll("\\s+", " "));
    }

    /**
     * What changed, of what the rule reads beside the answers, from plan {@code a} (and the facts {@code before} derives)
     * to plan {@code b} (and {@code after}'s), in words; null when the rule reads something not followed here.
     */
    private static List<String> changed(
            RuleModel.Rule rule,
            RuleSet before,
            RuleSet after,
            boolean removed,
            Answers answers,
            AdvicePlan a,
            AdvicePlan b) {
        AdvicePlan.Classification x = a.classification();
        AdvicePlan.Classification y = b.classification();
        List<String> said = new ArrayList<>();
        List<Object> derivedBefore = null;
        List<Object> derivedAfter = null;
        for (RuleModel.FactPattern p : rule.patterns()) {
            switch (p.type()) {
                case "Situation", "Object" -> {
                    // the same answers on both sides
                }
                case "PeriodIs" -> {
                    if (x.period() != y.period()) {
                        said.add("how long ago it was, "
                                + after.questionnaire().number("daysElapsed", answers.daysElapsed())
                                + ", is now in " + ChangeWords.period(y.period()) + ", not in "
                                + ChangeWords.period(x.period()));
                    }
                }
                case "TrackIs" -> {
                    if (x.track() != y.track()) {
                        said.add("the plan's direction is now “" + y.summary() + "”, not “" + x.summary() + "”");
                    }
                }
                case "NatureIs" -> {
                    if (x.nature() != y.nature()) {
                        said.add("the breach is now read as one of " + lower(y.nature()) + ", not of "
                                + lower(x.nature()));
                    }
                }
                case "SeverityIs" -> {
                    if (x.severity() != y.severity()) {
                        said.add("how serious it was is now read as " + lower(y.severity()) + ", not "
                                + lower(x.severity()));
                    }
                }
                case "Advice", "Finding" -> {
                    List<String> names = named(p);
                    if (names.isEmpty()) {
                        return null;
                    }
                    if (derivedBefore == null) {
                        derivedBefore = derived(before, answers);
                        derivedAfter = derived(after, answers);
                        if (derivedBefore == null || derivedAfter == null) {
                            return null;
                        }
                    }
                    for (String n : names) {
                        boolean is = has(derivedAfter, p.type(), n);
                        String words = fact(p.type(), n, is, removed, before, after, a, b);
                        if (has(derivedBefore, p.type(), n) != is && !said.contains(words)) {
                            said.add(words);
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return said;
    }

    /** A step or a finding that this situation now has ({@code is}), or no longer has, in words. */
    private static String fact(
            String type,
            String name,
            boolean is,
            boolean removed,
            RuleSet before,
            RuleSet after,
            AdvicePlan a,
            AdvicePlan b) {
        if (type.equals("Finding")) {
            return "the finding “" + name + "” " + (is ? "now holds" : "no longer holds") + " here";
        }
        String step = step(is ? after : before, is ? b : a, name);
        if (removed && !is) {
            return "it went with the step " + step + ", which this situation no longer gets";
        }
        if (!removed && is) {
            return "it goes with the step " + step + ", which this situation now gets";
        }
        return "this situation " + (is ? "now gets" : "no longer gets") + " the step " + step;
    }

    /** A step by its title, with its phase when the plan shows it. */
    private static String step(RuleSet rules, AdvicePlan plan, String id) {
        var text = rules.catalogue().advice().get(id);
        String title = "“" + (text == null ? id : text.title()) + "”";
        return plan.steps().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .map(s -> title + " (" + s.phaseTitle() + ")")
                .orElse(title);
    }

    /** The facts these rules derive for these answers, or null when they give no plan. */
    private static List<Object> derived(RuleSet rules, Answers answers) {
        List<Object> derived = new ArrayList<>();
        try {
            rules.evaluate(answers, derived);
            return derived;
        } catch (EvaluationException e) {
            return null;
        }
    }

    private static boolean has(List<Object> derived, String type, String name) {
        return derived.stream()
                .anyMatch(f -> f instanceof Advice step
                        ? type.equals("Advice") && step.getId().equals(name)
                        : f instanceof Finding finding
                                && type.equals("Finding")
                                && finding.getName().equals(name));
    }

    /** The ids or names a step's or a finding's pattern tests for ({@code id == "…"}, {@code name == "…"}), as parsed. */
    private static List<String> named(RuleModel.FactPattern p) {
        return p.constraints().stream()
                .map(RuleModel.Constraint::only)
                .filter(c -> c != null
                        && c.operator().equals("==")
                        && (c.property().equals("id") || c.property().equals("name"))
                        && c.value().length() > 1
                        && c.value().startsWith("\""))
                .map(c -> c.value().substring(1, c.value().length() - 1))
                .toList();
    }

    private static String lower(Object value) {
        return Objects.toString(value).toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
