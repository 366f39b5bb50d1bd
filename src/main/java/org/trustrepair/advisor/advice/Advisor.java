package org.trustrepair.advisor.advice;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * The one way into the advisor: answers in, an ordered, explained plan out. Pages, API and batch call this and nothing
 * below it. The rule set it serves can be replaced atomically; an evaluation already under way finishes on the rule
 * set it started with.
 */
public final class Advisor {

    private final AtomicReference<RuleSet> current;

    public Advisor(RuleSet ruleSet) {
        this.current = new AtomicReference<>(ruleSet);
    }

    public AdvicePlan advise(Answers answers) {
        return evaluate(answers).plan();
    }

    /** The plan and the rules that fired for it. */
    public Evaluation evaluate(Answers answers) {
        return current.get().evaluate(answers);
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
