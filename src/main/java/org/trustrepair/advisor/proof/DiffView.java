package org.trustrepair.advisor.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.batch.Charts;
import org.trustrepair.advisor.batch.Counts;
import org.trustrepair.advisor.batch.Report;

/**
 * A diff in words, as text for the terminal ({@link #text}) or as a page for a browser ({@link #html}), written by the
 * Thymeleaf templates {@code templates/reports/diff.txt} and {@code diff.html} as the batch report is: what they show,
 * worked out and worded once for both: the headline (different advice, the same advice in new words), the charts, and
 * for each change where it applies and an example or two, in the questionnaire's words ({@link DiffWords}) and the
 * plan's ({@link ChangeWords}). Counts are already formatted.
 */
public record DiffView(
        String beforeLabel,
        String afterLabel,
        String beforeVersion,
        String afterVersion,
        String howCompared,
        String engineRuns,
        boolean noChange,
        List<String> headline,
        String withoutPlan,
        Charts.Chart kindsChart,
        Charts.Chart rolesChart,
        List<KindSection> kinds,
        List<String> policy,
        List<String> staleWords,
        String space) {

    /** Where-lines listed per change; a change needing more is summed up in one line. */
    static final int MAX_BOXES = 8;

    /** All the changes of one kind. */
    public record KindSection(String title, String count, List<Section> changes) {}

    /**
     * One change: what changes, in the plan's words; the words before and after when they are the same for every
     * situation; where it applies; examples.
     */
    public record Section(
            String what, String count, List<String> words, List<Where> where, String more, List<Example> examples) {}

    /**
     * One description of where a change applies: the answers it takes, the questions it leaves open ("Any answer to:
     * …", or null), and how many situations it covers.
     */
    public record Where(List<String> lines, String anyAnswer, String count) {
        /** The answers in one line, the questions apart by semicolons (for a table cell). */
        public String answers() {
            return String.join("; ", lines);
        }
    }

    /**
     * A made-up situation the change applies to, and (when it depends on the answers) what it read before and after;
     * how many steps its plan has under each rule set, and the command that shows its plan under the new rules.
     */
    public record Example(
            List<String> situation, List<String> before, List<String> after, String steps, String preview) {}

    private static final Map<Change.Kind, String> KIND_COLOURS = new EnumMap<>(Map.of(
            Change.Kind.NO_PLAN, "#b8322a",
            Change.Kind.TRACK, "#b8322a",
            Change.Kind.STEP_ADDED, "#2f7d4f",
            Change.Kind.STEP_REMOVED, "#c98a1b",
            Change.Kind.WITHHELD_ADDED, "#2d7a99",
            Change.Kind.WITHHELD_REMOVED, "#5a5f9e"));

    public static DiffView of(RuleDiff.Result r, String beforeLabel, String afterLabel) {
        AnswerSpace space = r.space();
        // the plan under the new rules: the edited folder, when the new side is one other than rules/
        String rulesOption =
                !afterLabel.equals("rules") && Files.isDirectory(Path.of(afterLabel)) ? " --rules=" + afterLabel : "";
        DiffWords words =
                new DiffWords(r.after().questionnaire(), space, RulesRead.safetyFlagClasses(r.before(), r.after()));
        RoaringBitmap different = new RoaringBitmap();
        RoaringBitmap newWords = new RoaringBitmap();
        Map<Change.Kind, RoaringBitmap> byKind = new EnumMap<>(Change.Kind.class);
        Map<Change.Kind, List<Section>> sections = new EnumMap<>(Change.Kind.class);
        Boxes boxes = new Boxes(space);
        List<Boxes.Box> differentBoxes = new ArrayList<>();
        List<Boxes.Box> wordsBoxes = new ArrayList<>();
        for (RuleDiff.Group g : r.groups()) {
            List<Boxes.Box> found = boxes.of(g.situations());
            if (g.change().wordsOnly()) {
                newWords.or(g.situations());
                wordsBoxes.addAll(found);
            } else if (!g.change().renameOnly()) {
                different.or(g.situations());
                differentBoxes.addAll(found);
            }
            byKind.computeIfAbsent(g.change().kind(), k -> new RoaringBitmap()).or(g.situations());
            sections.computeIfAbsent(g.change().kind(), k -> new ArrayList<>())
                    .add(section(r, g, found, boxes, words, rulesOption));
        }
        newWords.andNot(different);
        long renamed =
                r.changed().getLongCardinality() - different.getLongCardinality() - newWords.getLongCardinality();
        List<KindSection> kinds = sections.entrySet().stream()
                .map(e -> new KindSection(
                        capital(e.getKey().title),
                        Counts.of(byKind.get(e.getKey()).getLongCardinality(), "situation"),
                        e.getValue()))
                .toList();
        List<Charts.Bar> kindBars = byKind.entrySet().stream()
                .map(e -> new Charts.Bar(
                        capital(e.getKey().title),
                        e.getValue().getLongCardinality(),
                        KIND_COLOURS.getOrDefault(e.getKey(), "#4a6fa5")))
                .toList();
        List<Charts.Bar> roleBars = new ArrayList<>();
        for (int role = 0; role < space.roleCount(); role++) {
            int from = (int) space.start(role);
            int to = (int) space.start(role + 1);
            String who = words.value(role, AnswerSpace.ROLE, role).get(0);
            roleBars.add(new Charts.Bar(who + ": different advice", different.rangeCardinality(from, to), "#b8322a"));
            roleBars.add(new Charts.Bar(who + ": new words", newWords.rangeCardinality(from, to), "#4a6fa5"));
        }
        boolean nothingEvaluated = r.evaluatedBefore() == 0 && r.evaluatedAfter() == 0 && space.size() > 0;
        boolean shortcut =
                !nothingEvaluated && (r.evaluatedBefore() < space.size() || r.evaluatedAfter() < space.size());
        return new DiffView(
                beforeLabel,
                afterLabel,
                r.before().version(),
                r.after().version(),
                howCompared(r, nothingEvaluated),
                shortcut ? engineRuns(r) : null,
                different.isEmpty() && newWords.isEmpty(),
                DiffHeadline.lines(
                        space.size(),
                        different.getLongCardinality(),
                        DiffHeadline.shared(differentBoxes, words),
                        newWords.getLongCardinality(),
                        DiffHeadline.shared(wordsBoxes, words),
                        renamed,
                        listed(r) > r.changed().getLongCardinality()),
                r.errorsBefore() + r.errorsAfter() > 0
                        ? String.format(
                                "Situations without a plan: %,d before, %,d after.", r.errorsBefore(), r.errorsAfter())
                        : null,
                Charts.bars("Situations by kind of change", kindBars),
                Charts.bars("Situations that change, by role", roleBars),
                kinds,
                Guardrails.changes(r.before().text(Guardrails.FILE), r.after().text(Guardrails.FILE)),
                StaleWords.of(r.before(), r.after()),
                space.describe());
    }

    public String text() {
        return Report.render("diff.txt", this);
    }

    /** The same report without what only a rule author reads: the two versions, and how the plans were compared. */
    public DiffView withoutAuthorsNotes() {
        return new DiffView(
                beforeLabel,
                afterLabel,
                null,
                null,
                howCompared,
                null,
                noChange,
                headline,
                withoutPlan,
                kindsChart,
                rolesChart,
                kinds,
                policy,
                staleWords,
                space);
    }

    /** One self-contained page (the charts as inline SVG, no script); every text escaped by Thymeleaf. */
    public String html() {
        return Report.render("diff.html", this);
    }

    /** How many situations the report lists, a situation once under each change it has. */
    private static long listed(RuleDiff.Result r) {
        return r.groups().stream()
                .mapToLong(g -> g.situations().getLongCardinality())
                .sum();
    }

    /** These answers' plan under these rules, or null when the rules give none. */
    private static AdvicePlan plan(RuleSet rules, Answers a) {
        try (var evaluator = rules.newProofEvaluator()) {
            return evaluator.evaluate(a).plan();
        } catch (EvaluationException e) {
            return null;
        }
    }

    /** How many steps a plan has ("no plan" for none). */
    private static String stepCount(AdvicePlan plan) {
        return plan == null ? "no plan" : String.valueOf(plan.steps().size());
    }

    private static Section section(
            RuleDiff.Result r,
            RuleDiff.Group g,
            List<Boxes.Box> found,
            Boxes boxes,
            DiffWords words,
            String rulesOption) {
        List<Where> where = found.stream()
                .limit(MAX_BOXES)
                .map(box -> {
                    List<String> said = words.where(box);
                    return new Where(
                            said.isEmpty() ? List.of("every situation") : said,
                            words.anyAnswerTo(box),
                            Counts.of(boxes.count(box), "situation"));
                })
                .toList();
        long moreCount = found.stream().skip(MAX_BOXES).mapToLong(boxes::count).sum();
        String more = found.size() > MAX_BOXES
                ? "… and " + Counts.of(found.size() - MAX_BOXES, "more description") + " covering "
                        + Counts.of(moreCount, "situation")
                : null;
        List<Example> examples = new ArrayList<>();
        ChangeWords.Said first = null;
        for (int index : picks(g.situations(), r.space())) {
            Answers a = r.space().get(index);
            AdvicePlan was = plan(r.before(), a);
            AdvicePlan is = plan(r.after(), a);
            ChangeWords.Said s = ChangeWords.of(r.before(), r.after(), g.change(), a, was, is);
            first = first == null ? s : first;
            examples.add(new Example(
                    DiffWords.situation(r.after().questionnaire(), a),
                    s.before(),
                    s.after(),
                    "steps in the plan: " + stepCount(was) + " with the old rules, " + stepCount(is) + " with the new",
                    SweepReport.previewCommand(a).replace("preview ", "preview" + rulesOption + " ")));
        }
        return new Section(
                first.what(),
                Counts.of(g.situations().getLongCardinality(), "situation"),
                first.words(),
                where,
                more,
                examples);
    }

    /**
     * Two situations of the group to show, the most ordinary first: among up to a thousand spread over the group, the
     * one with the fewest unusual answers ({@link #unusual}); then the most ordinary of those with another relationship
     * or role, if any, for variety.
     */
    private static int[] picks(RoaringBitmap set, AnswerSpace space) {
        int count = set.getCardinality();
        int step = Math.max(1, count / 1000);
        List<Answers> tried = new ArrayList<>();
        Map<Answers, Integer> index = new HashMap<>();
        for (int n = 0; n < count; n += step) {
            int i = set.select(n);
            Answers a = space.get(i);
            tried.add(a);
            index.putIfAbsent(a, i);
        }
        Comparator<Answers> ordinary = Comparator.comparingInt(DiffView::unusual);
        Answers first = tried.stream().min(ordinary).orElseThrow();
        return tried.stream()
                .filter(a -> a.relationship() != first.relationship() || a.role() != first.role())
                .min(ordinary)
                .map(second -> new int[] {index.get(first), index.get(second)})
                .orElse(new int[] {index.get(first)});
    }

    /**
     * How unusual a situation is: each yes, each safety answer, a breach of "something else", apologies for what is
     * untold, an affair outside a couple, a lie at work outside work.
     */
    static int unusual(Answers a) {
        int yes = (a.happenedBefore() ? 1 : 0)
                + (a.stillHappening() ? 1 : 0)
                + (a.othersAffected() ? 1 : 0)
                + (a.contactUnavoidable() ? 1 : 0);
        boolean untoldApologies = a.disclosure() == Disclosure.UNDISCLOSED && a.apologiesMade() > 0;
        boolean oddPair = a.breach() == Breach.INFIDELITY && a.relationship() != Relationship.ROMANTIC
                || a.breach() == Breach.LYING_AT_WORK && a.relationship() != Relationship.WORKPLACE;
        return yes
                + a.safety().size()
                + (a.breach() == Breach.OTHER ? 1 : 0)
                + (untoldApologies ? 3 : 0)
                + (oddPair ? 3 : 0);
    }

    private static String howCompared(RuleDiff.Result r, boolean nothingEvaluated) {
        return nothingEvaluated
                ? String.format(
                        "Nothing evaluated: the two rule sets decide alike and use the same words (an edit of comments,"
                                + " layout, the order of rules in a file, or guardrails only), so each of the %s gets the same plan from both.",
                        Counts.of(r.space().size(), "situation"))
                : String.format(
                        "Evaluated all %s either rule set can tell apart, under both, in %.1f s on %s. (An edit that"
                                + " makes the rules tell more answers apart, such as a new number of days or"
                                + " apologies, makes this number larger: it can change from one diff to the next.)",
                        Counts.of(r.space().size(), "situation"),
                        r.elapsed().toMillis() / 1000.0,
                        Counts.of(r.threads(), "thread"));
    }

    private static String engineRuns(RuleDiff.Result r) {
        return String.format(
                "The rules were run for %,d of them under the old rules and %,d under the new: one for each group of"
                        + " situations that fire exactly the same rules, and each situation without a plan. Each of the"
                        + " others shares every answer that could matter with one of those, so it gets that plan, with its"
                        + " own answers written into the reasons.",
                r.evaluatedBefore(), r.evaluatedAfter());
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
