package org.trustrepair.advisor.advice;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The one way into the advisor: answers in, an ordered, explained plan out. Pages, API and batch call this and nothing
 * below it. The rule set it serves can be replaced atomically; an evaluation already under way finishes on the rule
 * set it started with.
 *
 * <p>Each evaluation is timed in the meter {@value #PLANS}, tagged with the plan's track and the rules version and
 * nothing else: no answer, nor anything else drawn from one person's answers, reaches a metric. A plan that cannot be
 * made counts under the track {@code none}.
 */
public final class Advisor {

    /** The timer of evaluations: {@code advisor_plans_seconds_count{track, rules_version}} in Prometheus. */
    public static final String PLANS = "advisor.plans";

    private final AtomicReference<RuleSet> current;
    private final Meter.MeterProvider<Timer> plans;

    /** An advisor that measures nothing (the commands). */
    public Advisor(RuleSet ruleSet) {
        // a composite registry with no registry in it: its meters record nothing
        this(ruleSet, new CompositeMeterRegistry());
    }

    /** An advisor whose evaluations are counted and timed in {@code meters} (the server). */
    public Advisor(RuleSet ruleSet, MeterRegistry meters) {
        this.current = new AtomicReference<>(ruleSet);
        this.plans = Timer.builder(PLANS)
                .description("Plans made, by track and rules version, and how long each evaluation took")
                .serviceLevelObjectives(
                        Duration.ofMillis(1),
                        Duration.ofMillis(5),
                        Duration.ofMillis(25),
                        Duration.ofMillis(100),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(2))
                .withRegistry(meters);
    }

    public AdvicePlan advise(Answers answers) {
        return evaluate(answers).plan();
    }

    /** The plan and the rules that fired for it. */
    public Evaluation evaluate(Answers answers) {
        RuleSet rules = current.get();
        long start = System.nanoTime();
        String track = "none";
        try {
            Evaluation evaluation = rules.evaluate(answers);
            track = evaluation.plan().classification().track().name();
            return evaluation;
        } finally {
            plans.withTags("track", track, "rules.version", rules.version())
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Every way {@code plan} falls short of {@code expected}, each step, withheld item, phase and track named in the
     * words of the rules being served beside its id ({@link Expectation#failures}); empty when it holds.
     */
    public List<String> failures(Expectation expected, AdvicePlan plan) {
        return expected.failures(plan, current.get().catalogue());
    }

    /**
     * The help lines the rules being served give for a page that could make no plan: the groups {@code plan.yaml}
     * names under {@code helplinesWithoutAPlan}, in its order.
     */
    public List<AdvicePlan.Helpline> helplinesWithoutAPlan() {
        return current.get().catalogue().helplinesWithoutAPlanInOrder();
    }

    public Questionnaire questionnaire() {
        return current.get().questionnaire();
    }

    public String rulesVersion() {
        return current.get().version();
    }

    /** Where the rule set being served was read from: a folder's absolute path, or {@code classpath:rules}. */
    public String rulesOrigin() {
        return current.get().origin();
    }

    /** The names of every rule in the rule set being served, sorted: for coverage reports that use no engine types. */
    public List<String> ruleNames() {
        return current.get().rules().keySet().stream().sorted().toList();
    }

    public RuleSet ruleSet() {
        return current.get();
    }

    /** Serves another rule set from the next evaluation on. */
    public void use(RuleSet next) {
        current.set(next);
    }
}
