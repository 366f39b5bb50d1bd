package org.trustrepair.advisor.workbench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.proof.Proofs;
import org.trustrepair.advisor.proof.Samples;
import org.trustrepair.advisor.proof.Sweep;

/**
 * The rule workbench page, for rule authors on a development server: which rules are loaded and from where, the
 * last edit refused and why, every rule with how often it fires in the space and which samples use it, and a what-if
 * form. Read-only: rules change through their files and review, never through this page. Served only when
 * {@code advisor.workbench.enabled=true}.
 */
@Controller
@ConditionalOnProperty(name = "advisor.workbench.enabled", havingValue = "true")
@RequestMapping("/workbench")
class WorkbenchController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** One row of the catalogue. {@code situations} is a count, or why there is none yet. */
    record Row(
            String name,
            String id,
            String where,
            List<String> phases,
            List<String> inserts,
            String reason,
            List<String> sources,
            String situations,
            List<String> samples) {}

    /** One question of the what-if form, with the value the form last sent (never kept beyond the response). */
    record Field(
            String name,
            String type,
            String text,
            String help,
            List<Option> options,
            String value,
            Integer min,
            Integer max) {}

    record Option(String value, String label, boolean selected) {}

    private final Advisor advisor;
    private final WorkbenchSettings settings;
    private final RuleLoads loads;
    private final Function<RuleSet, Sweep.Result> sweeper;
    /** For each version, the samples that fire each rule: the last few versions, as {@link RuleLoads} keeps them. */
    private final Cache<String, Map<String, List<String>>> samplesByRule =
            Caffeine.newBuilder().maximumSize(RuleLoads.VERSIONS_KEPT).build();

    WorkbenchController(Advisor advisor, WorkbenchSettings settings, RuleLoads loads, Proofs proofs) {
        this.advisor = advisor;
        this.settings = settings;
        this.loads = loads;
        this.sweeper = settings.reload().sweep() == WorkbenchSettings.SweepMode.FULL
                ? proofs.reusing(rules -> new Sweep(rules).run())
                : null;
        if (sweeper != null) {
            loads.coverage(advisor.ruleSet(), sweeper);
        }
    }

    @GetMapping
    String page(Model model) {
        fill(model, Map.of());
        return "workbench/workbench";
    }

    @PostMapping("/what-if")
    String whatIf(@RequestParam MultiValueMap<String, String> form, Model model) {
        RuleSet rules = advisor.ruleSet();
        AnswersReader.Result read = WhatIf.read(rules.questionnaire(), form);
        if (read.ok()) {
            try {
                model.addAttribute("result", WhatIf.of(advisor, read.answers()));
            } catch (EvaluationException e) {
                model.addAttribute("problems", List.of("The rules give no plan for these answers: " + e.getMessage()));
            }
        } else {
            model.addAttribute(
                    "problems", read.problems().stream().map(Object::toString).toList());
        }
        fill(model, form);
        return "workbench/workbench";
    }

    private void fill(Model model, Map<String, List<String>> form) {
        RuleSet rules = advisor.ruleSet();
        if (sweeper != null) {
            loads.coverage(rules, sweeper);
        }
        var coverage = loads.coverageIfReady(rules.version());
        model.addAttribute("version", rules.version());
        model.addAttribute("loadedAt", TIME.format(rules.loadedAt()));
        model.addAttribute("origin", rules.origin());
        model.addAttribute("rejection", loads.lastRejection().orElse(null));
        model.addAttribute("checking", loads.checking().orElse(null));
        model.addAttribute(
                "rejectedAt",
                loads.lastRejection().map(r -> TIME.format(r.at())).orElse(null));
        model.addAttribute("coverage", coverage.orElse(null));
        model.addAttribute("sweeping", sweeper != null);
        Map<String, List<String>> samples = samplesByRule.get(rules.version(), v -> samplesByRule(rules));
        List<Row> rows = new ArrayList<>();
        for (RuleCatalogue.Entry e : RuleCatalogue.of(rules)) {
            String situations = coverage.map(c -> String.format(
                            "%,d", c.situationsPerRule().getOrDefault(e.info().name(), 0L)))
                    .orElse(sweeper == null ? "not swept" : "computing…");
            rows.add(new Row(
                    e.info().name(),
                    e.info().id(),
                    e.where(),
                    e.phases(),
                    e.inserts(),
                    e.info().reason(),
                    e.info().sources(),
                    situations,
                    samples.getOrDefault(e.info().name(), List.of())));
        }
        model.addAttribute("rules", rows);
        model.addAttribute("fields", fields(rules.questionnaire(), form));
    }

    /** For each rule, the samples whose evaluation fires it. */
    private Map<String, List<String>> samplesByRule(RuleSet rules) {
        Map<String, TreeSet<String>> found = new HashMap<>();
        Samples.Loaded loaded = Samples.read(settings.samplesDir());
        try (RuleSet.Evaluator evaluator = rules.newEvaluator()) {
            for (Samples.Sample s : loaded.samples()) {
                try {
                    evaluator
                            .evaluate(s.value().answers())
                            .firedRules()
                            .forEach(rule -> found.computeIfAbsent(rule, r -> new TreeSet<>())
                                    .add(s.value().id()));
                } catch (EvaluationException e) {
                    // a sample without a plan exercises nothing; the check command reports it
                }
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        found.forEach((rule, ids) -> result.put(rule, List.copyOf(ids)));
        return result;
    }

    private static List<Field> fields(Questionnaire q, Map<String, List<String>> form) {
        List<Field> fields = new ArrayList<>();
        for (Questionnaire.Question question : q.questions()) {
            List<String> sent = form.getOrDefault(question.field(), List.of());
            String value = sent.isEmpty() ? question.defaultValue() : sent.get(0);
            List<Option> options = question.choices().stream()
                    .map(c -> new Option(
                            c.value(),
                            c.label(),
                            "choices".equals(question.type())
                                    ? sent.contains(c.value())
                                    : c.value().equals(value)))
                    .toList();
            fields.add(new Field(
                    question.field(),
                    question.type(),
                    question.text(),
                    question.help(),
                    options,
                    value,
                    question.min(),
                    question.max()));
        }
        return fields;
    }
}
