package org.trustrepair.advisor.advice.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * One compiled, checked rule set and its texts. Read-only and safe to share between threads: every evaluation runs in
 * its own short-lived session, bounded in rule firings and in time.
 */
public final class RuleSet {

    private final String version;
    private final String origin;
    private final KieBase kieBase;
    private final Catalogue catalogue;
    private final Map<String, RuleInfo> rules;
    private final int maxFirings;
    private final long maxEvaluationNanos;
    private final PlanMaker planMaker;
    private final Instant loadedAt = Instant.now();
    private final Map<String, String> drlSources;

    private final RuleFiles files;

    RuleSet(
            RuleFiles files,
            KieBase kieBase,
            Catalogue catalogue,
            Map<String, RuleInfo> rules,
            Map<String, String> drlSources,
            int maxFirings,
            Duration maxEvaluationTime) {
        this.maxEvaluationNanos = maxEvaluationTime.toNanos();
        this.drlSources = Map.copyOf(drlSources);
        this.files = files;
        this.version = files.version();
        this.origin = files.origin();
        this.kieBase = kieBase;
        this.catalogue = catalogue;
        this.rules = Map.copyOf(rules);
        this.maxFirings = maxFirings;
        this.planMaker = new PlanMaker(version, catalogue, rules);
    }

    /** Evaluates one situation in a fresh session. */
    public Evaluation evaluate(Answers answers) {
        try (Evaluator evaluator = newEvaluator()) {
            return evaluator.evaluate(answers);
        }
    }

    /**
     * Evaluates one situation as {@link #evaluate(Answers)}, and adds to {@code derived} each fact the rules inserted
     * and kept (the track, the period, each finding, each {@code Advice}…), in the order inserted: what a rule's
     * {@code when} can match beside the {@code Situation}, for a rule author ({@code ./advisor preview --facts}).
     */
    public Evaluation evaluate(Answers answers, List<Object> derived) {
        try (Evaluator evaluator = newEvaluator()) {
            return evaluator.evaluate(answers, null, derived);
        }
    }

    /**
     * An evaluator that keeps one session for many evaluations, one after another (for sweeps and batches). Not
     * thread-safe: use one per thread, and close it.
     */
    public Evaluator newEvaluator() {
        return new Evaluator(true);
    }

    /**
     * An evaluator for proofs (sweeps, diffs, samples): it stops a runaway by its number of firings only, never by the
     * clock, so a proof's outcome does not depend on how busy the machine is.
     */
    public Evaluator newProofEvaluator() {
        return new Evaluator(false);
    }

    /** Reads the processor time of the thread evaluating ({@link Evaluator#overLimit}), where the JVM can. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final boolean CPU_TIME =
            THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** Evaluates situations one after another in one reused session; each leaves nothing behind for the next. */
    public final class Evaluator implements AutoCloseable {

        private KieSession session = newSession();
        private Trace trace;
        /** When the evaluation under way started: on the wall clock ({@link System#nanoTime()}), and in this thread's processor time. */
        private long started;

        private long startedCpu;

        private boolean overtime;
        /** Whether the clock stops an evaluation too ({@link #maxEvaluationNanos}), not only the number of firings. */
        private final boolean timed;

        private Evaluator(boolean timed) {
            this.timed = timed;
        }

        private KieSession newSession() {
            KieSession fresh = kieBase.newKieSession();
            fresh.addEventListener(new AgendaEventListenerDelegate());
            fresh.addEventListener(new RuleRuntimeEventListenerDelegate());
            return fresh;
        }

        public Evaluation evaluate(Answers answers) {
            return evaluate(answers, null);
        }

        /**
         * Evaluates as {@link #evaluate(Answers)}, and adds to {@code classifiedBy} (when not null)
         * the rules whose reasons the plan's classification gives, in the order of its {@code why} (those that decided
         * the track, the nature, the severity and the period): with {@link RuleSet#reason}, the classification's reasons
         * for other answers.
         */
        public Evaluation evaluate(Answers answers, List<String> classifiedBy) {
            return evaluate(answers, classifiedBy, null);
        }

        /**
         * Evaluates as {@link #evaluate(Answers, List)}, and adds to {@code derived} (when not null) the facts the rules
         * derived ({@link RuleSet#evaluate(Answers, List)}).
         */
        private Evaluation evaluate(Answers answers, List<String> classifiedBy, List<Object> derived) {
            trace = new Trace();
            overtime = false;
            if (timed) {
                started = System.nanoTime();
                startedCpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
            }
            try {
                FactHandle situation = session.insert(new Situation(answers));
                int fired = session.fireAllRules(maxFirings + 1);
                if (overtime) {
                    throw new EvaluationException("The rules ran longer than " + maxEvaluationNanos / 1_000_000
                            + " ms of processor time for one situation (" + fired
                            + " firings); a rule is probably re-triggering itself. "
                            + "Last rules fired: " + lastFired());
                }
                if (fired > maxFirings) {
                    throw new EvaluationException("The rules fired more than " + maxFirings
                            + " times for one situation; a rule is probably re-triggering itself. Last rules fired: "
                            + lastFired());
                }
                trace.requireOneRowPerTable(rules);
                Evaluation result = new Evaluation(planMaker.make(answers, trace), trace.fired());
                if (classifiedBy != null) {
                    classifiedBy.addAll(planMaker.classifiedBy(trace));
                }
                if (derived != null) {
                    trace.inserted(Object.class).forEach(inserted -> derived.add(inserted.fact()));
                }
                clear(situation);
                return result;
            } catch (EvaluationException e) {
                replaceSession();
                throw e;
            } catch (RuntimeException e) {
                replaceSession();
                throw new EvaluationException(
                        "A rule failed while running: " + e.getClass().getSimpleName(), e);
            }
        }

        /**
         * Whether the evaluation under way has used more than {@link #maxEvaluationNanos}: of this thread's processor
         * time, so that a busy machine, which slows the wall clock's evaluations and not their work, does not cut a
         * plan off (a counsellor's read saw four previews at once on 2 cores end in "No plan"); and of the wall clock
         * beyond ten times that, or where the processor time cannot be read. The processor time is read only once the
         * wall clock is past the limit, so an evaluation that ends in time never reads it.
         */
        private boolean overLimit() {
            long wall = System.nanoTime() - started;
            if (wall <= maxEvaluationNanos) {
                return false;
            }
            if (!CPU_TIME || wall / 10 > maxEvaluationNanos) {
                return true;
            }
            return THREADS.getCurrentThreadCpuTime() - startedCpu > maxEvaluationNanos;
        }

        private List<String> lastFired() {
            List<String> fired = trace.fired();
            return List.copyOf(fired.subList(Math.max(0, fired.size() - 3), fired.size()));
        }

        /**
         * A session stopped half-way (halted, over its limit, or a rule threw) may hold facts, activations or a halt
         * flag: the next evaluation gets a new session instead.
         */
        private void replaceSession() {
            trace = null;
            KieSession old = session;
            session = newSession();
            old.dispose();
        }

        private void clear(FactHandle situation) {
            trace = null;
            session.delete(situation);
            clearAll();
        }

        /** Removes every fact; activations this leaves behind are the ones a fresh session would start with. */
        private void clearAll() {
            trace = null;
            for (FactHandle handle : List.<FactHandle>copyOf(session.getFactHandles())) {
                session.delete(handle);
            }
        }

        @Override
        public void close() {
            session.dispose();
        }

        private final class AgendaEventListenerDelegate extends org.kie.api.event.rule.DefaultAgendaEventListener {
            /** Stops a runaway evaluation at its deadline: the engine checks the halt flag between firings. */
            @Override
            public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                if (timed && !overtime && overLimit()) {
                    overtime = true;
                    session.halt();
                }
            }

            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                if (trace != null) {
                    trace.afterMatchFired(event);
                }
            }
        }

        private final class RuleRuntimeEventListenerDelegate implements RuleRuntimeEventListener {
            @Override
            public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
                if (trace != null) {
                    trace.objectInserted(event);
                }
            }

            @Override
            public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
                if (trace != null) {
                    trace.objectUpdated(event);
                }
            }

            @Override
            public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
                if (trace != null) {
                    trace.objectDeleted(event);
                }
            }
        }
    }

    /**
     * The reason of rule {@code rule} with these answers written in, exactly as a plan made by these rules gives it: a
     * step's {@code why}, a withheld item's {@code reason} or a line of the classification's {@code why}.
     *
     * @throws EvaluationException when no rule has that name
     */
    public String reason(String rule, Answers answers) {
        return planMaker.reason(rule, answers);
    }

    /** The text of one file of the rule set (a path inside the rules folder), or null when there is none. */
    public String text(String path) {
        return files.files().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .map(RuleFiles.RuleFile::text)
                .orElse(null);
    }

    /** The rule files as DRL text (decision tables converted), by path. */
    public Map<String, String> drlSources() {
        return drlSources;
    }

    /**
     * Whether the answers written into reasons can never make one blank or leave a brace in it ({@link
     * PlanMaker#phrasesInert()}): then two situations that fire the same rules pass the same guardrail checks on
     * reasons.
     */
    public boolean phrasesInert() {
        return planMaker.phrasesInert();
    }

    public int maxFirings() {
        return maxFirings;
    }

    public long maxEvaluationNanos() {
        return maxEvaluationNanos;
    }

    public String version() {
        return version;
    }

    public String origin() {
        return origin;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Questionnaire questionnaire() {
        return catalogue.questionnaire();
    }
}
