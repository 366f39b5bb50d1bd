package org.trustrepair.advisor.advice.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Classification;
import org.trustrepair.advisor.advice.AdvicePlan.Helpline;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.engine.Trace.Inserted;
import org.trustrepair.advisor.advice.facts.Advice;
import org.trustrepair.advisor.advice.facts.NatureIs;
import org.trustrepair.advisor.advice.facts.PeriodIs;
import org.trustrepair.advisor.advice.facts.SeverityIs;
import org.trustrepair.advisor.advice.facts.TrackIs;
import org.trustrepair.advisor.advice.facts.Withhold;

/**
 * Turns the facts the rules inserted into a plan: no decisions here, only the fixed mechanics the rules rely on. Steps
 * are sorted by phase, then by the rank the rules gave; a withheld id is never a step; texts come from the catalogue
 * and reasons from the inserting rule's metadata, with the answers they name filled in.
 */
public final class PlanMaker {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** What stands between the words of two safety flags in a reason ("you are afraid of them; …"). */
    public static final String BETWEEN_FLAGS = "; ";

    private final String version;
    private final Catalogue catalogue;
    private final Map<String, RuleInfo> rules;

    /** Reason templates already cut at their placeholders, once each rather than for every plan. */
    private final Map<String, List<String>> templates = new ConcurrentHashMap<>();

    private final AnswerPhrases phrases;

    PlanMaker(String version, Catalogue catalogue, Map<String, RuleInfo> rules) {
        this.version = version;
        this.catalogue = catalogue;
        this.rules = rules;
        this.phrases = new AnswerPhrases(catalogue.questionnaire());
    }

    AdvicePlan make(Answers answers, Trace trace) {
        var nature = exactlyOne(
                trace.inserted(NatureIs.class), "nature", f -> f.getNature().name());
        var severity = exactlyOne(
                trace.inserted(SeverityIs.class),
                "severity",
                f -> f.getSeverity().name());
        var period = exactlyOne(
                trace.inserted(PeriodIs.class), "period", f -> f.getPeriod().name());
        var track = exactlyOne(
                trace.inserted(TrackIs.class), "track", f -> f.getTrack().name());
        List<String> why = new ArrayList<>();
        for (String rule : classifiedBy(track, nature, severity, period)) {
            why.add(reason(rule, answers));
        }
        var classification = new Classification(
                nature.fact().getNature(),
                severity.fact().getSeverity(),
                track.fact().getTrack(),
                period.fact().getPeriod(),
                catalogue.trackSummaries().get(track.fact().getTrack()),
                why);

        Map<String, Inserted<Withhold>> withholds = firstById(
                trace.inserted(Withhold.class),
                Comparator.comparing((Inserted<Withhold> i) -> i.fact().getPhase())
                        .thenComparing(Inserted::rule),
                i -> i.fact().getId());
        Map<String, Inserted<Advice>> advice = firstById(
                trace.inserted(Advice.class),
                Comparator.comparing((Inserted<Advice> i) -> i.fact().getPhase())
                        .thenComparingInt(i -> i.fact().getRank())
                        .thenComparing(Inserted::rule),
                i -> i.fact().getId());

        List<Inserted<Advice>> given = advice.values().stream()
                .filter(i -> !withholds.containsKey(i.fact().getId()))
                .sorted(Comparator.comparing((Inserted<Advice> i) -> i.fact().getPhase())
                        .thenComparingInt(i -> i.fact().getRank())
                        .thenComparing(i -> i.fact().getId()))
                .toList();
        List<Step> steps = new ArrayList<>();
        for (Inserted<Advice> i : given) {
            Advice a = i.fact();
            Catalogue.AdviceText text = text(a.getId());
            RuleInfo rule = rule(i.rule());
            steps.add(new Step(
                    steps.size() + 1,
                    a.getRank(),
                    a.getPhase(),
                    catalogue.phaseTitle(a.getPhase(), answers.role()),
                    a.getId(),
                    text.title(),
                    text.detail(),
                    fill(rule.reason(), answers),
                    rule.name(),
                    rule.sources(),
                    text.kinds(),
                    helplines(text)));
        }
        List<WithheldAdvice> withheld = withholds.values().stream()
                .sorted(Comparator.comparing((Inserted<Withhold> i) -> i.fact().getPhase())
                        .thenComparing(i -> i.fact().getId()))
                .map(i -> {
                    RuleInfo rule = rule(i.rule());
                    Catalogue.AdviceText text = text(i.fact().getId());
                    return new WithheldAdvice(
                            i.fact().getId(),
                            i.fact().getPhase(),
                            text.title(),
                            fill(rule.reason(), answers),
                            rule.name(),
                            rule.sources(),
                            text.kinds());
                })
                .toList();
        return new AdvicePlan(version, classification, steps, withheld, catalogue.disclaimer());
    }

    /**
     * The rules whose reasons the classification of the plan {@link #make} makes from this trace gives, in the order of
     * its {@code why}: the rules that decided the track, the nature, the severity and the period.
     */
    List<String> classifiedBy(Trace trace) {
        return classifiedBy(
                exactlyOne(
                        trace.inserted(TrackIs.class),
                        "track",
                        f -> f.getTrack().name()),
                exactlyOne(
                        trace.inserted(NatureIs.class),
                        "nature",
                        f -> f.getNature().name()),
                exactlyOne(
                        trace.inserted(SeverityIs.class),
                        "severity",
                        f -> f.getSeverity().name()),
                exactlyOne(
                        trace.inserted(PeriodIs.class),
                        "period",
                        f -> f.getPeriod().name()));
    }

    private static List<String> classifiedBy(
            Inserted<?> track, Inserted<?> nature, Inserted<?> severity, Inserted<?> period) {
        return List.of(track.rule(), nature.rule(), severity.rule(), period.rule());
    }

    private static <T> Inserted<T> exactlyOne(List<Inserted<T>> found, String what, Function<T, String> value) {
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new EvaluationException("The rules decided no " + what + " for this situation.");
        }
        String which = found.stream()
                .sorted(Comparator.comparing(Inserted::rule))
                .map(i -> value.apply(i.fact()) + " (rule \"" + i.rule() + "\")")
                .collect(Collectors.joining(", "));
        throw new EvaluationException(
                "The rules decided more than one " + what + " for this situation: " + which + ".");
    }

    private static <T> Map<String, Inserted<T>> firstById(
            List<Inserted<T>> all, Comparator<Inserted<T>> order, Function<Inserted<T>, String> id) {
        Map<String, Inserted<T>> result = new LinkedHashMap<>();
        all.stream().sorted(order).forEach(i -> result.putIfAbsent(id.apply(i), i));
        return result;
    }

    private Catalogue.AdviceText text(String id) {
        Catalogue.AdviceText text = catalogue.advice().get(id);
        if (text == null) {
            throw new EvaluationException("Advice \"" + id + "\" has no text in any advice.yaml.");
        }
        return text;
    }

    private RuleInfo rule(String name) {
        RuleInfo info = rules.get(name);
        if (info == null) {
            throw new EvaluationException("Rule \"" + name + "\" has no metadata.");
        }
        return info;
    }

    /** The reason of rule {@code ruleName} with these answers written in, as a plan gives it. */
    String reason(String ruleName, Answers answers) {
        return fill(rule(ruleName).reason(), answers);
    }

    private List<Helpline> helplines(Catalogue.AdviceText text) {
        return text.helplines().stream()
                .flatMap(need -> catalogue.helplines().getOrDefault(need, List.of()).stream())
                .toList();
    }

    /**
     * Whether every answer's words are non-blank and free of braces. Then whether a filled reason is blank, or keeps a
     * brace, depends on its template alone, not on the answers written into it.
     */
    boolean phrasesInert() {
        return phrases.inert();
    }

    /** Fills {@code {field}} with the person's answer in the words the questionnaire gives it. */
    String fill(String template, Answers answers) {
        List<String> parts = templates.computeIfAbsent(template, PlanMaker::split);
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : phrase(parts.get(i), answers));
        }
        return out.toString();
    }

    /** Splits a template into literal text and field names, alternating: text, field, text, field, …, text. */
    private static List<String> split(String template) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            parts.add(template.substring(last, m.start()));
            parts.add(m.group(1));
            last = m.end();
        }
        parts.add(template.substring(last));
        return List.copyOf(parts);
    }

    /** An answer in the questionnaire's words for it: its {@code inReasons}, never words of the code's own. */
    private String phrase(String field, Answers a) {
        return switch (field) {
            case "role" -> phrases.phrase(field, a.role());
            case "relationship" -> phrases.phrase(field, a.relationship());
            case "breach" -> phrases.phrase(field, a.breach());
            case "readiness" -> phrases.phrase(field, a.readiness());
            case "disclosure" -> phrases.phrase(field, a.disclosure());
            case "daysElapsed" -> phrases.number(field, a.daysElapsed());
            case "apologiesMade" -> phrases.number(field, a.apologiesMade());
            case "stillHappening" -> phrases.phrase(field, a.stillHappening());
            case "happenedBefore" -> phrases.phrase(field, a.happenedBefore());
            case "othersAffected" -> phrases.phrase(field, a.othersAffected());
            case "contactUnavoidable" -> phrases.phrase(field, a.contactUnavoidable());
            case "theirResponse" -> phrases.phrase(field, a.theirResponse());
            case "safety" -> safetyPhrase(a.safety());
            default -> "{" + field + "}";
        };
    }

    private String safetyPhrase(Set<SafetyFlag> flags) {
        if (flags.isEmpty()) {
            return phrases.word("safety", Questionnaire.NONE);
        }
        return flags.stream().map(f -> phrases.phrase("safety", f)).collect(Collectors.joining(BETWEEN_FLAGS));
    }

    /** The answer fields a reason may name, for checks on rule metadata. */
    static final Set<String> FIELDS = Set.of(
            "role",
            "relationship",
            "breach",
            "readiness",
            "disclosure",
            "daysElapsed",
            "apologiesMade",
            "stillHappening",
            "happenedBefore",
            "othersAffected",
            "contactUnavoidable",
            "theirResponse",
            "safety");

    /** Whether a brace is left in a template's own words once its {@code {answer}} placeholders are taken out. */
    public static boolean literalBrace(String template) {
        String words = PLACEHOLDER.matcher(template == null ? "" : template).replaceAll("");
        return words.contains("{") || words.contains("}");
    }

    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
