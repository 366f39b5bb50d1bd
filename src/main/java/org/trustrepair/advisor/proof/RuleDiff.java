package org.trustrepair.advisor.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.AdvicePlan.Classification;
import org.trustrepair.advisor.advice.AdvicePlan.Step;
import org.trustrepair.advisor.advice.AdvicePlan.WithheldAdvice;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * What an edit changes: every situation either rule set can tell apart ({@link AnswerSpace#of} both) gets a plan
 * under both, and each difference between the two plans is one {@link Change}. Situations are grouped by change, each
 * group kept as the exact set of situations it covers, so that it can be said as a few answers rather than listed.
 *
 * <p>When a rule set qualifies ({@link AlikeSituations}), the engine evaluates one situation of each kind under it
 * (the same rules fire) and each situation that gets no plan; every other situation gets its kind's plan with its
 * own answers written into the reasons. The result is the same, situation by situation, as evaluating every one.
 */
public final class RuleDiff {

    /** The kinds of difference, in the order a report lists them. */
    enum Kind {
        NO_PLAN("gets no plan any more"),
        PLAN_AGAIN("gets a plan again"),
        TRACK("track changed"),
        CLASSIFICATION("classification changed"),
        STEP_ADDED("step added"),
        STEP_REMOVED("step removed"),
        STEP_MOVED("step moved"),
        STEP_REWORDED("step reworded, or given by a renamed rule"),
        WITHHELD_ADDED("withheld item added"),
        WITHHELD_REMOVED("withheld item removed"),
        WITHHELD_REWORDED("withheld item reworded, or withheld by a renamed rule"),
        DISCLAIMER("disclaimer reworded");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /**
     * One difference between two plans, the same for every situation it applies to (no answers in it). {@code subject}
     * is the step or withheld id it is about, or empty.
     */
    record Change(Kind kind, String subject, String text) {
        static final String REASONS_REWORDED = "the reasons for the classification are reworded";

        Change(Kind kind, String text) {
            this(kind, "", text);
        }

        /** Whether the advice stays the same and only its words (or the name of the rule that gives it) change. */
        boolean wordsOnly() {
            return kind == Kind.STEP_REWORDED
                    || kind == Kind.WITHHELD_REWORDED
                    || kind == Kind.DISCLAIMER
                    || (kind == Kind.CLASSIFICATION && text.equals(REASONS_REWORDED));
        }
    }

    /** A change and the exact situations (indexes in the space) it applies to. */
    record Group(Change change, BitSet situations) {
        long count() {
            return situations.cardinality();
        }
    }

    /**
     * What the comparison found. {@code evaluatedBefore} and {@code evaluatedAfter}: how many times the engine ran under
     * each rule set (each is the number of situations when every situation is evaluated; far fewer with the shortcut).
     */
    public record Result(
            RuleSet before,
            RuleSet after,
            AnswerSpace space,
            BitSet changed,
            List<Group> groups,
            long errorsBefore,
            long errorsAfter,
            Duration elapsed,
            int threads,
            long evaluatedBefore,
            long evaluatedAfter) {

        long changedCount() {
            return changed.cardinality();
        }

        public boolean same() {
            return changed.isEmpty();
        }
    }

    private final int threads;
    private final boolean shortcut;
    private final int stride;

    public RuleDiff(int threads) {
        this(threads, true, 1);
    }

    /**
     * A diff that evaluates, under each rule set, one situation of each kind when the rules allow it
     * ({@link AlikeSituations}), or, with {@code shortcut} false, every situation with the engine (for comparing the
     * two); on the situations {@link Sweep#sampled} with this stride only (1 for all: only that is a diff; more, for
     * tests of the diff).
     */
    RuleDiff(int threads, boolean shortcut, int stride) {
        this.threads = Math.max(1, threads);
        this.shortcut = shortcut;
        this.stride = stride;
    }

    public Result compare(RuleSet before, RuleSet after) {
        try {
            return compare(before, after, shortcut);
        } catch (IllegalStateException e) {
            if (!shortcut || !AlikeSituations.Mismatch.in(e)) {
                throw e;
            }
            // the rules are not what the shortcut takes them to be: every situation with the engine, as without it
            return compare(before, after, false);
        }
    }

    private Result compare(RuleSet before, RuleSet after, boolean shortcut) {
        AnswerSpace space = AnswerSpace.of(before, after);
        if (space.size() > Integer.MAX_VALUE) {
            throw new IllegalStateException("the answer space is too large to compare: " + space.size());
        }
        long start = System.nanoTime();
        if (sameEverywhere(before, after)) {
            return new Result(
                    before,
                    after,
                    space,
                    new BitSet(),
                    List.of(),
                    0,
                    0,
                    Duration.ofNanos(System.nanoTime() - start),
                    threads,
                    0,
                    0);
        }
        Side old = new Side(
                before, shortcut ? AlikeSituations.of(before, space, threads).orElse(null) : null);
        Side now = new Side(
                after, shortcut ? AlikeSituations.of(after, space, threads).orElse(null) : null);
        boolean sameWords = before.questionnaire().equals(after.questionnaire());
        List<Partial> parts = Parallel.over(
                space.size(), threads, "rule-diff", () -> new DiffPart(space, old, now, sameWords, stride));
        Partial total = new Partial();
        parts.forEach(total::merge);
        List<Group> groups = total.bySituations.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Group g) -> g.change().kind())
                        .thenComparing(g -> -g.count())
                        .thenComparing(g -> g.change().text()))
                .toList();
        return new Result(
                before,
                after,
                space,
                total.changed,
                groups,
                total.errorsBefore,
                total.errorsAfter,
                Duration.ofNanos(System.nanoTime() - start),
                threads,
                total.evaluatedBefore,
                total.evaluatedAfter);
    }

    /** A plan, or why there is none. */
    record Outcome(AdvicePlan plan, String error) {}

    static Outcome outcome(RuleSet.Evaluator evaluator, Answers answers) {
        try {
            return new Outcome(evaluator.evaluate(answers).plan(), null);
        } catch (EvaluationException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    /**
     * One thread's share of the diff. Each situation is, under each rule set, either of a kind already evaluated
     * ({@link AlikeSituations}: it fires exactly the same rules, so it gets that kind's plan but for the answers written
     * into reasons) or evaluated by the engine. Its changes are those between its two plans, with its own answers in
     * the reasons.
     *
     * <p>For a situation of a known kind under both rule sets, the changes are worked out once for each pair of kinds
     * when they cannot depend on the answers, and kept: {@link #changes(AdvicePlan, AdvicePlan)} reads the answers only
     * through the reasons it compares, and if each of those is the same template on both sides, filled with the same
     * words for the answers, the two reasons are equal whatever the answers ({@link #wordingFixed}). Otherwise each
     * situation's two plans are made again with its own answers ({@link KindPlan#filledFor}) and compared.
     */
    private static final class DiffPart implements Parallel.Part<Partial> {
        private final AnswerSpace space;
        private final Partial partial = new Partial();
        private final Side.Part was;
        private final Side.Part is;
        private final boolean sameWords;
        private final int stride;
        /** By pair of kinds (before, after): the changes, when the answers cannot change them. */
        private final Map<Pair, Known> pairs = new HashMap<>();

        private KindPlan lastBefore;
        private KindPlan lastAfter;
        private Known lastKnown;
        private long answersIndex = -1;
        private Answers answers;

        DiffPart(AnswerSpace space, Side old, Side now, boolean sameWords, int stride) {
            this.space = space;
            this.stride = stride;
            this.sameWords = sameWords;
            this.was = old.newPart(this::answers);
            this.is = now.newPart(this::answers);
        }

        /** The situation's answers, made at most once per situation, and only when needed. */
        private Answers answers(long index) {
            if (index != answersIndex) {
                answers = space.get(index);
                answersIndex = index;
            }
            return answers;
        }

        @Override
        public void take(long index) {
            if (!Sweep.sampled(index, stride)) {
                return;
            }
            int i = (int) index;
            KindPlan b = was.look(index);
            Outcome ob = b == null ? was.outcome() : null;
            KindPlan a = is.look(index);
            Outcome oa = a == null ? is.outcome() : null;
            if (b != null && a != null) {
                Known known = b == lastBefore && a == lastAfter ? lastKnown : pairs.get(new Pair(b, a));
                if (known == null) {
                    known = new Known(
                            wordingFixed(b, was.rules(), a, is.rules(), sameWords)
                                    ? changes(
                                            b.filledFor(was.rules(), answers(index)),
                                            a.filledFor(is.rules(), answers(index)))
                                    : null);
                    pairs.put(new Pair(b, a), known);
                }
                // neighbours in the space are often of the same pair of kinds
                lastBefore = b;
                lastAfter = a;
                lastKnown = known;
                if (known.changes() != null) {
                    partial.add(i, false, false, known);
                    return;
                }
                partial.add(
                        i,
                        false,
                        false,
                        changes(b.filledFor(was.rules(), answers(index)), a.filledFor(is.rules(), answers(index))));
                return;
            }
            Outcome x = ob != null ? ob : new Outcome(b.filledFor(was.rules(), answers(index)), null);
            Outcome y = oa != null ? oa : new Outcome(a.filledFor(is.rules(), answers(index)), null);
            partial.add(i, x.plan() == null, y.plan() == null, changes(x, y));
        }

        @Override
        public Partial result() {
            partial.evaluatedBefore = was.evaluated();
            partial.evaluatedAfter = is.evaluated();
            return partial;
        }

        @Override
        public void close() {
            was.close();
            is.close();
        }
    }

    /** Two kinds' plans, before and after (compared by identity: each kind has one). */
    private record Pair(KindPlan before, KindPlan after) {}

    /** The changes between two kinds' plans, the same for every situation of both; null when answers matter. */
    private static final class Known {
        private final List<Change> changes;
        /** This thread's set of situations for each change, looked up once. */
        private BitSet[] sets;

        Known(List<Change> changes) {
            this.changes = changes;
        }

        List<Change> changes() {
            return changes;
        }
    }

    /**
     * Whether, for any answers, {@link #changes(AdvicePlan, AdvicePlan)} finds the same between these two kinds' plans
     * filled with them: every reason it may compare (each line of the classification's why, the why of each step in
     * both plans, the reason of each item withheld in both) comes from the same template on both sides, and that
     * template either names no answer or is filled with the same words (the same questionnaire). Then those reasons
     * are equal whatever the answers; nothing else {@code changes} reads depends on them.
     */
    /**
     * Whether every situation gets the same plan from both rule sets without evaluating any: they decide alike (the
     * same {@link DecisionKey}) and every word a plan can show is the same (the texts, and each rule's name, id,
     * reason and sources). A comment, a blank line or a moved rule changes neither.
     */
    static boolean sameEverywhere(RuleSet before, RuleSet after) {
        return RulesRead.decisionKey(before).equals(RulesRead.decisionKey(after))
                && before.catalogue().equals(after.catalogue())
                && words(before).equals(words(after));
    }

    private static Map<String, List<Object>> words(RuleSet rules) {
        Map<String, List<Object>> words = new TreeMap<>();
        rules.rules().forEach((name, r) -> words.put(name, List.of(r.id(), r.reason(), r.sources())));
        return words;
    }

    static boolean wordingFixed(KindPlan b, RuleSet before, KindPlan a, RuleSet after, boolean sameWords) {
        for (int i = 0; i < b.classifiedBy().size(); i++) {
            if (!sameTemplate(
                    before, b.classifiedBy().get(i), after, a.classifiedBy().get(i), sameWords)) {
                return false;
            }
        }
        return sameTemplates(
                        rulesById(b.plan().steps(), Step::id, Step::rule),
                        before,
                        rulesById(a.plan().steps(), Step::id, Step::rule),
                        after,
                        sameWords)
                && sameTemplates(
                        rulesById(b.plan().withheld(), WithheldAdvice::id, WithheldAdvice::rule),
                        before,
                        rulesById(a.plan().withheld(), WithheldAdvice::id, WithheldAdvice::rule),
                        after,
                        sameWords);
    }

    /** The rule that gave each item of a plan, by the item's id. */
    private static <T> Map<String, String> rulesById(List<T> items, Function<T, String> id, Function<T, String> rule) {
        Map<String, String> rules = new HashMap<>();
        items.forEach(item -> rules.put(id.apply(item), rule.apply(item)));
        return rules;
    }

    /** Whether every item both plans have comes from the same template on both sides. */
    private static boolean sameTemplates(
            Map<String, String> rulesBefore,
            RuleSet before,
            Map<String, String> rulesAfter,
            RuleSet after,
            boolean sameWords) {
        for (var e : rulesBefore.entrySet()) {
            String other = rulesAfter.get(e.getKey());
            if (other != null && !sameTemplate(before, e.getValue(), after, other, sameWords)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTemplate(
            RuleSet before, String ruleBefore, RuleSet after, String ruleAfter, boolean sameWords) {
        RuleInfo x = before.rules().get(ruleBefore);
        RuleInfo y = after.rules().get(ruleAfter);
        // a template without a brace has no placeholder: it is its own text, whatever the words for the answers
        return x != null
                && y != null
                && x.reason().equals(y.reason())
                && (sameWords || x.reason().indexOf('{') < 0);
    }

    /**
     * A kind of situation under one rule set: its plan as made for one of its situations, and the rules the
     * classification's reasons come from. {@code refills} is false if filling the plan with a situation's answers did
     * not give the engine's plan for it (never seen; then the kind's situations are all evaluated by the engine).
     */
    static final class KindPlan {
        private final AdvicePlan plan;
        private final List<String> classifiedBy;
        private final boolean refills;

        KindPlan(AdvicePlan plan, List<String> classifiedBy, boolean refills) {
            this.plan = plan;
            this.classifiedBy = List.copyOf(classifiedBy);
            this.refills = refills;
        }

        AdvicePlan plan() {
            return plan;
        }

        List<String> classifiedBy() {
            return classifiedBy;
        }

        boolean refills() {
            return refills;
        }

        /**
         * The plan of a situation of this kind with these answers: the kind's plan with every reason made again from its
         * rule's template and these answers, as {@link RuleSet#reason} fills it. Only reasons name answers.
         */
        AdvicePlan filledFor(RuleSet rules, Answers answers) {
            Classification c = plan.classification();
            List<String> why = new ArrayList<>(classifiedBy.size());
            for (String rule : classifiedBy) {
                why.add(rules.reason(rule, answers));
            }
            List<Step> steps = new ArrayList<>(plan.steps().size());
            for (Step s : plan.steps()) {
                steps.add(new Step(
                        s.order(),
                        s.rank(),
                        s.phase(),
                        s.phaseTitle(),
                        s.id(),
                        s.title(),
                        s.detail(),
                        rules.reason(s.rule(), answers),
                        s.rule(),
                        s.sources(),
                        s.kinds(),
                        s.helplines()));
            }
            List<WithheldAdvice> withheld = new ArrayList<>(plan.withheld().size());
            for (WithheldAdvice w : plan.withheld()) {
                withheld.add(new WithheldAdvice(
                        w.id(),
                        w.phase(),
                        w.title(),
                        rules.reason(w.rule(), answers),
                        w.rule(),
                        w.sources(),
                        w.kinds()));
            }
            return new AdvicePlan(
                    plan.rulesVersion(),
                    new Classification(c.nature(), c.severity(), c.track(), c.period(), c.summary(), why),
                    steps,
                    withheld,
                    plan.disclaimer());
        }
    }

    /** One rule set's side of the diff: its kinds of situation, shared by the threads, and their plans. */
    private static final class Side {
        private final RuleSet rules;
        private final AlikeSituations alike;
        private final Map<AlikeSituations.SameRules, KindPlan> plans = new ConcurrentHashMap<>();

        Side(RuleSet rules, AlikeSituations alike) {
            this.rules = rules;
            this.alike = alike;
        }

        Part newPart(LongFunction<Answers> answersOf) {
            return new Part(answersOf);
        }

        /** One thread's use of the side: its own session, and the kinds' plans it has looked up. */
        final class Part implements AutoCloseable {
            private final RuleSet.Evaluator evaluator = rules.newProofEvaluator();
            private final AlikeSituations.Finder kinds = alike == null ? null : alike.newFinder();
            private final LongFunction<Answers> answersOf;
            private final Map<AlikeSituations.SameRules, KindPlan> seen = new HashMap<>();
            private final List<String> classifiedBy = new ArrayList<>();
            private Outcome outcome;
            private long evaluated;

            Part(LongFunction<Answers> answersOf) {
                this.answersOf = answersOf;
            }

            RuleSet rules() {
                return rules;
            }

            long evaluated() {
                return evaluated;
            }

            /** The outcome of the situation last looked up, when the engine evaluated it. */
            Outcome outcome() {
                return outcome;
            }

            /**
             * The kind of situation {@code index} when one of its kind was evaluated before; else null, and the engine
             * evaluates it ({@link #outcome()}). Situations that get no plan are of no kind: each is evaluated.
             */
            KindPlan look(long index) {
                if (kinds == null) {
                    evaluate(answersOf.apply(index));
                    return null;
                }
                BitSet holding = kinds.holding(index);
                AlikeSituations.SameRules kind = kinds.find(holding);
                if (kind != null) {
                    KindPlan known = planOf(kind);
                    if (known != null && known.refills()) {
                        return known;
                    }
                    // a kind another thread has evaluated but not yet described, or one whose plan does not refill
                    Answers answers = answersOf.apply(index);
                    Evaluation evaluation = evaluate(answers);
                    if (known == null && evaluation != null) {
                        describe(kind, evaluation, answers);
                    }
                    return null;
                }
                Answers answers = answersOf.apply(index);
                Evaluation evaluation = evaluate(answers);
                if (evaluation != null) {
                    describe(kinds.remember(holding, evaluation), evaluation, answers);
                }
                return null;
            }

            private KindPlan planOf(AlikeSituations.SameRules kind) {
                KindPlan known = seen.get(kind);
                if (known == null) {
                    known = plans.get(kind);
                    if (known != null) {
                        seen.put(kind, known);
                    }
                }
                return known;
            }

            /** The plan of a kind, from the evaluation of one of its situations; checked to refill into that plan. */
            private void describe(AlikeSituations.SameRules kind, Evaluation evaluation, Answers answers) {
                KindPlan made = new KindPlan(kind.plan(), classifiedBy, true);
                if (!made.filledFor(rules, answers).equals(evaluation.plan())) {
                    made = new KindPlan(kind.plan(), made.classifiedBy(), false);
                }
                KindPlan kept = plans.putIfAbsent(kind, made);
                seen.put(kind, kept == null ? made : kept);
            }

            /** The engine's outcome for these answers; the evaluation, or null when there is no plan. */
            private Evaluation evaluate(Answers answers) {
                evaluated++;
                classifiedBy.clear();
                try {
                    Evaluation evaluation = evaluator.evaluate(answers, classifiedBy);
                    outcome = new Outcome(evaluation.plan(), null);
                    return evaluation;
                } catch (EvaluationException e) {
                    outcome = new Outcome(null, e.getMessage());
                    return null;
                }
            }

            @Override
            public void close() {
                evaluator.close();
                if (kinds != null) {
                    kinds.close();
                }
            }
        }
    }

    private static final class Partial {
        final Map<Change, BitSet> bySituations = new HashMap<>();
        final BitSet changed = new BitSet();
        long errorsBefore;
        long errorsAfter;
        long evaluatedBefore;
        long evaluatedAfter;

        void add(int index, boolean noPlanBefore, boolean noPlanAfter, List<Change> changes) {
            if (noPlanBefore) {
                errorsBefore++;
            }
            if (noPlanAfter) {
                errorsAfter++;
            }
            if (!changes.isEmpty()) {
                changed.set(index);
                for (Change c : changes) {
                    bySituations.computeIfAbsent(c, k -> new BitSet()).set(index);
                }
            }
        }

        /** A situation with both plans, whose changes are those of its pair of kinds. */
        void add(int index, boolean noPlanBefore, boolean noPlanAfter, Known known) {
            if (known.sets == null) {
                known.sets = known.changes().stream()
                        .map(c -> bySituations.computeIfAbsent(c, k -> new BitSet()))
                        .toArray(BitSet[]::new);
            }
            if (noPlanBefore) {
                errorsBefore++;
            }
            if (noPlanAfter) {
                errorsAfter++;
            }
            if (known.sets.length > 0) {
                changed.set(index);
                for (BitSet set : known.sets) {
                    set.set(index);
                }
            }
        }

        void merge(Partial other) {
            other.bySituations.forEach((c, set) ->
                    bySituations.computeIfAbsent(c, k -> new BitSet()).or(set));
            changed.or(other.changed);
            errorsBefore += other.errorsBefore;
            errorsAfter += other.errorsAfter;
            evaluatedBefore += other.evaluatedBefore;
            evaluatedAfter += other.evaluatedAfter;
        }
    }

    /** Every difference between two outcomes for one situation; empty when the plans are the same. */
    static List<Change> changes(Outcome before, Outcome after) {
        if (before.plan() == null || after.plan() == null) {
            if (before.plan() == null && after.plan() == null) {
                return Objects.equals(before.error(), after.error())
                        ? List.of()
                        : List.of(new Change(Kind.NO_PLAN, "still no plan, now: " + after.error()));
            }
            return before.plan() == null
                    ? List.of(new Change(Kind.PLAN_AGAIN, "gets a plan again (before: " + before.error() + ")"))
                    : List.of(new Change(Kind.NO_PLAN, "gets no plan: " + after.error()));
        }
        return changes(before.plan(), after.plan());
    }

    static List<Change> changes(AdvicePlan a, AdvicePlan b) {
        List<Change> changes = new ArrayList<>();
        var ca = a.classification();
        var cb = b.classification();
        if (ca.track() != cb.track()) {
            changes.add(new Change(Kind.TRACK, "track " + ca.track() + " → " + cb.track()));
        }
        if (ca.nature() != cb.nature()) {
            changes.add(new Change(Kind.CLASSIFICATION, "nature " + ca.nature() + " → " + cb.nature()));
        }
        if (ca.severity() != cb.severity()) {
            changes.add(new Change(Kind.CLASSIFICATION, "severity " + ca.severity() + " → " + cb.severity()));
        }
        if (ca.period() != cb.period()) {
            changes.add(new Change(Kind.CLASSIFICATION, "period " + ca.period() + " → " + cb.period()));
        }
        if (!ca.why().equals(cb.why())
                && ca.track() == cb.track()
                && ca.nature() == cb.nature()
                && ca.severity() == cb.severity()
                && ca.period() == cb.period()) {
            changes.add(new Change(Kind.CLASSIFICATION, Change.REASONS_REWORDED));
        }
        Map<String, Step> stepsA = byId(a.steps());
        Map<String, Step> stepsB = byId(b.steps());
        stepsB.forEach((id, s) -> {
            if (!stepsA.containsKey(id)) {
                changes.add(new Change(
                        Kind.STEP_ADDED, id, "step " + id + " now given (" + s.phase() + ", rank " + s.rank() + ")"));
            }
        });
        stepsA.forEach((id, s) -> {
            Step t = stepsB.get(id);
            if (t == null) {
                changes.add(new Change(Kind.STEP_REMOVED, id, "step " + id + " no longer given"));
                return;
            }
            if (s.phase() != t.phase() || s.rank() != t.rank()) {
                changes.add(new Change(
                        Kind.STEP_MOVED,
                        id,
                        "step " + id + " moved from " + s.phase() + " rank " + s.rank() + " to " + t.phase() + " rank "
                                + t.rank()));
            }
            List<String> parts = new ArrayList<>();
            if (!s.title().equals(t.title())) {
                parts.add("title");
            }
            if (!s.detail().equals(t.detail())) {
                parts.add("detail");
            }
            if (!s.why().equals(t.why())) {
                parts.add("why");
            }
            if (!s.rule().equals(t.rule())) {
                parts.add("rule");
            }
            if (!s.sources().equals(t.sources())) {
                parts.add("sources");
            }
            if (!s.kinds().equals(t.kinds())) {
                parts.add("kinds");
            }
            if (!s.helplines().equals(t.helplines())) {
                parts.add("help lines");
            }
            if (!parts.isEmpty()) {
                changes.add(new Change(
                        Kind.STEP_REWORDED, id, "step " + id + ": " + String.join(", ", parts) + " changed"));
            }
        });
        Map<String, WithheldAdvice> heldA = new LinkedHashMap<>();
        a.withheld().forEach(w -> heldA.put(w.id(), w));
        Map<String, WithheldAdvice> heldB = new LinkedHashMap<>();
        b.withheld().forEach(w -> heldB.put(w.id(), w));
        heldB.forEach((id, w) -> {
            if (!heldA.containsKey(id)) {
                changes.add(new Change(Kind.WITHHELD_ADDED, id, id + " now withheld"));
            }
        });
        heldA.forEach((id, w) -> {
            WithheldAdvice v = heldB.get(id);
            if (v == null) {
                changes.add(new Change(Kind.WITHHELD_REMOVED, id, id + " no longer withheld"));
            } else if (!w.equals(v)) {
                List<String> parts = new ArrayList<>();
                if (w.phase() != v.phase()) {
                    parts.add("phase");
                }
                if (!w.title().equals(v.title())) {
                    parts.add("title");
                }
                if (!w.reason().equals(v.reason())) {
                    parts.add("reason");
                }
                if (!w.rule().equals(v.rule())) {
                    parts.add("rule");
                }
                if (!w.sources().equals(v.sources())) {
                    parts.add("sources");
                }
                if (!w.kinds().equals(v.kinds())) {
                    parts.add("kinds");
                }
                changes.add(new Change(
                        Kind.WITHHELD_REWORDED, id, "withheld " + id + ": " + String.join(", ", parts) + " changed"));
            }
        });
        if (!Objects.equals(a.disclaimer(), b.disclaimer())) {
            changes.add(new Change(Kind.DISCLAIMER, "the disclaimer is reworded"));
        }
        return changes;
    }

    private static Map<String, Step> byId(List<Step> steps) {
        Map<String, Step> result = new LinkedHashMap<>();
        steps.forEach(s -> result.put(s.id(), s));
        return result;
    }
}
