package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Answers;

/**
 * A diff in words, as text for the terminal or as a page for a browser: how many situations change, and for each
 * change the answers it covers, in a few lines, with an example or two.
 */
public final class DiffReport {

    /** Boxes listed per change; a change needing more is summed up in one line. */
    static final int MAX_BOXES = 8;

    /** One description of where a change applies, and how many situations it covers. */
    record Where(String answers, long count) {}

    /** A made-up situation from the group, and the part of its plan the change is about, before and after. */
    record Example(String situation, String before, String after) {}

    /** One change, where it applies, and examples. */
    record Section(
            Change change, long count, List<Where> where, long moreBoxes, long moreCount, List<Example> examples) {}

    /** Everything a report shows. */
    public record View(
            String beforeLabel,
            String afterLabel,
            String beforeVersion,
            String afterVersion,
            long situations,
            long changed,
            long differentAdvice,
            double seconds,
            int threads,
            String space,
            long errorsBefore,
            long errorsAfter,
            long evaluatedBefore,
            long evaluatedAfter,
            Map<Change.Kind, List<Section>> sections) {

        /** Whether the engine evaluated fewer situations than there are, under either rule set (but some). */
        boolean shortcut() {
            return !nothingEvaluated() && (evaluatedBefore < situations || evaluatedAfter < situations);
        }

        /** Whether nothing needed evaluating: the rule sets decide alike and say the same words. */
        boolean nothingEvaluated() {
            return evaluatedBefore == 0 && evaluatedAfter == 0 && situations > 0;
        }

        /**
         * How many situations change, split into different advice and the same advice in new words, and what a
         * situation is.
         */
        String headline() {
            return String.format(
                    "%,d of %,d situations get different advice (%s); %,d more get the same advice in new words. (A"
                            + " situation is one combination of answers the rules tell apart, not a number of people.)",
                    differentAdvice, situations, percent(differentAdvice, situations), changed - differentAdvice);
        }

        /** The line on how the situations were compared. */
        String howCompared() {
            return nothingEvaluated()
                    ? String.format(
                            "Nothing evaluated: the two rule sets decide alike and use the same words (an edit of"
                                    + " comments or layout only), so each of the %,d situations gets the same plan"
                                    + " from both.",
                            situations)
                    : String.format(
                            "Evaluated all %,d situations either rule set can tell apart, under both, in %.1f s on %d"
                                    + " threads.",
                            situations, seconds, threads);
        }

        /** How many times the engine ran, in words, when it did not evaluate every situation under both. */
        String engineRuns() {
            return String.format(
                    "The engine evaluated %,d of them under the old rules and %,d under the new: about one for "
                            + "each kind of situation (those that fire exactly the same rules), and each situation without a plan. Each "
                            + "of the others shares every condition that could matter with one of those, so it fires the same rules and "
                            + "got that plan, with its own answers written into the reasons.",
                    evaluatedBefore, evaluatedAfter);
        }
    }

    private DiffReport() {}

    public static View view(RuleDiff.Result r, String beforeLabel, String afterLabel) {
        Boxes boxes = new Boxes(r.space());
        BitSet differentAdvice = new BitSet();
        r.groups().stream().filter(g -> !g.change().wordsOnly()).forEach(g -> differentAdvice.or(g.situations()));
        Map<Change.Kind, List<Section>> sections = new TreeMap<>();
        for (RuleDiff.Group g : r.groups()) {
            List<Boxes.Box> found = boxes.of(g.situations());
            List<Where> where = new ArrayList<>();
            long moreCount = 0;
            for (int i = 0; i < found.size(); i++) {
                long n = boxes.count(found.get(i));
                if (i < MAX_BOXES) {
                    where.add(new Where(boxes.line(found.get(i)), n));
                } else {
                    moreCount += n;
                }
            }
            sections.computeIfAbsent(g.change().kind(), k -> new ArrayList<>())
                    .add(new Section(
                            g.change(),
                            g.count(),
                            where,
                            Math.max(0, found.size() - MAX_BOXES),
                            moreCount,
                            examples(r, g)));
        }
        return new View(
                beforeLabel,
                afterLabel,
                r.before().version(),
                r.after().version(),
                r.space().size(),
                r.changedCount(),
                differentAdvice.cardinality(),
                r.elapsed().toMillis() / 1000.0,
                r.threads(),
                r.space().describe(),
                r.errorsBefore(),
                r.errorsAfter(),
                r.evaluatedBefore(),
                r.evaluatedAfter(),
                sections);
    }

    /** The first situation of the group, and the last when it differs. */
    private static List<Example> examples(RuleDiff.Result r, RuleDiff.Group g) {
        BitSet set = g.situations();
        List<Integer> picks = new ArrayList<>();
        picks.add(set.nextSetBit(0));
        int last = set.previousSetBit(set.length());
        if (last != picks.get(0)) {
            picks.add(last);
        }
        List<Example> examples = new ArrayList<>();
        for (int index : picks) {
            Answers a = r.space().get(index);
            RuleDiff.Outcome before;
            RuleDiff.Outcome after;
            try (var old = r.before().newProofEvaluator();
                    var now = r.after().newProofEvaluator()) {
                before = RuleDiff.outcome(old, a);
                after = RuleDiff.outcome(now, a);
            }
            examples.add(new Example(SweepReport.describe(a), aspect(g.change(), before), aspect(g.change(), after)));
        }
        return examples;
    }

    /** The part of an outcome a change is about, in one line. */
    static String aspect(Change change, RuleDiff.Outcome outcome) {
        AdvicePlan plan = outcome.plan();
        if (plan == null) {
            return "no plan: " + outcome.error();
        }
        var c = plan.classification();
        return switch (change.kind()) {
            case NO_PLAN, PLAN_AGAIN, TRACK, CLASSIFICATION ->
                "track " + c.track() + ", nature " + c.nature()
                        + ", severity " + c.severity() + ", period " + c.period()
                        + (change.text().contains("reasons") ? "; why: " + String.join(" / ", c.why()) : "");
            case STEP_ADDED, STEP_REMOVED, STEP_MOVED ->
                "steps "
                        + plan.steps().stream()
                                .map(s -> s.phase() + " " + s.rank() + " " + s.id())
                                .collect(Collectors.joining(", "));
            case STEP_REWORDED ->
                plan.steps().stream()
                        .filter(s -> s.id().equals(change.subject()))
                        .findFirst()
                        .map(s -> changedParts(change, s))
                        .orElse("(no such step)");
            case WITHHELD_ADDED, WITHHELD_REMOVED ->
                "withheld "
                        + plan.withheld().stream()
                                .map(AdvicePlan.WithheldAdvice::id)
                                .collect(Collectors.joining(", "));
            case WITHHELD_REWORDED ->
                plan.withheld().stream()
                        .filter(w -> w.id().equals(change.subject()))
                        .findFirst()
                        .map(w -> w.phase() + ": \"" + w.reason() + "\" (rule \"" + w.rule() + "\", sources "
                                + w.sources() + ")")
                        .orElse("(not withheld)");
            case DISCLAIMER -> "\"" + plan.disclaimer() + "\"";
        };
    }

    /** Only the parts of the step that the change names, so the example shows what differs. */
    private static String changedParts(Change change, AdvicePlan.Step s) {
        String parts = change.text().substring(change.text().indexOf(':') + 1);
        List<String> shown = new ArrayList<>();
        if (parts.contains("title")) {
            shown.add("title \"" + s.title() + "\"");
        }
        if (parts.contains("detail")) {
            shown.add("detail \"" + s.detail() + "\"");
        }
        if (parts.contains("why")) {
            shown.add("why \"" + s.why() + "\"");
        }
        if (parts.contains("rule")) {
            shown.add("rule \"" + s.rule() + "\"");
        }
        if (parts.contains("sources")) {
            shown.add("sources " + s.sources());
        }
        if (parts.contains("kinds")) {
            shown.add("kinds " + s.kinds());
        }
        if (parts.contains("help lines")) {
            shown.add("help lines "
                    + s.helplines().stream()
                            .map(h -> h.name() + " " + h.contact())
                            .toList());
        }
        return String.join("; ", shown);
    }

    // ---- text

    public static String text(View v) {
        StringBuilder out = new StringBuilder();
        out.append("Comparing ")
                .append(v.beforeLabel())
                .append(" (version ")
                .append(v.beforeVersion())
                .append(")\n")
                .append("     with ")
                .append(v.afterLabel())
                .append(" (version ")
                .append(v.afterVersion())
                .append(")\n");
        out.append(v.howCompared()).append('\n');
        if (v.shortcut()) {
            out.append("   ").append(v.engineRuns()).append('\n');
        }
        out.append('\n');
        if (v.changed() == 0) {
            out.append("No change: every situation gets the same plan from both rule sets.\n");
            return out.toString();
        }
        out.append(v.headline()).append('\n');
        if (v.errorsBefore() + v.errorsAfter() > 0) {
            out.append(String.format(
                    "Situations without a plan: %,d before, %,d after.%n", v.errorsBefore(), v.errorsAfter()));
        }
        v.sections().forEach((kind, sections) -> {
            out.append(String.format(
                    "%n%s (%d change%s)%n", capital(kind.title()), sections.size(), sections.size() == 1 ? "" : "s"));
            for (Section s : sections) {
                out.append(String.format("  %s: %,d situations%n", s.change().text(), s.count()));
                for (Where w : s.where()) {
                    out.append(String.format(
                            "    %s: %s (%,d situations)%n",
                            w.answers(), s.change().text(), w.count()));
                }
                if (s.moreBoxes() > 0) {
                    out.append(String.format(
                            "    … and %,d more descriptions covering %,d situations%n", s.moreBoxes(), s.moreCount()));
                }
                for (Example e : s.examples()) {
                    out.append("    for example: ").append(e.situation()).append('\n');
                    out.append("      before: ").append(e.before()).append('\n');
                    out.append("      after:  ").append(e.after()).append('\n');
                }
            }
        });
        return out.toString();
    }

    // ---- HTML: one self-contained page, every text escaped

    public static String html(View v) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>What the edit changes</title>\n<style>\n")
                .append(
                        "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222;"
                                + "line-height:1.45}\n")
                .append("h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #ddd}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\n")
                .append(
                        "th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e4e4e4}\n")
                .append("td.n{text-align:right;white-space:nowrap}\n.summary{font-size:1.1rem;background:#f4f7fb;"
                        + "padding:.75rem 1rem;border-left:4px solid #3a6ea5}\n")
                .append(".example{font-size:.9rem;color:#444;margin:.25rem 0 .75rem 1rem}\n")
                .append(".before{color:#8a1c1c}.after{color:#1c6a2a}\ncode{font-size:.95em}\n")
                .append("</style></head><body>\n");
        out.append("<h1>What the edit changes</h1>\n<p>Comparing <strong>")
                .append(esc(v.beforeLabel()))
                .append("</strong> (version <code>")
                .append(esc(v.beforeVersion()))
                .append("</code>) with <strong>")
                .append(esc(v.afterLabel()))
                .append("</strong> (version <code>")
                .append(esc(v.afterVersion()))
                .append("</code>).</p>\n");
        out.append("<p>").append(esc(v.howCompared())).append("</p>\n");
        if (v.shortcut()) {
            out.append("<p>").append(esc(v.engineRuns())).append("</p>\n");
        }
        if (v.changed() == 0) {
            out.append("<p class=\"summary\">No change: every situation gets the same plan from both rule sets.</p>\n");
        } else {
            out.append("<p class=\"summary\">").append(esc(v.headline())).append("</p>\n");
        }
        v.sections().forEach((kind, sections) -> {
            out.append("<h2>").append(esc(capital(kind.title()))).append("</h2>\n");
            for (Section s : sections) {
                out.append(String.format(
                        "<h3>%s: %,d situations</h3>%n", esc(s.change().text()), s.count()));
                out.append("<table><thead><tr><th>where the answers are</th><th>situations</th></tr></thead><tbody>\n");
                for (Where w : s.where()) {
                    out.append("<tr><td>")
                            .append(esc(w.answers()))
                            .append(String.format("</td><td class=\"n\">%,d</td></tr>%n", w.count()));
                }
                if (s.moreBoxes() > 0) {
                    out.append(String.format(
                            "<tr><td>… and %,d more descriptions</td><td class=\"n\">%,d</td></tr>%n",
                            s.moreBoxes(), s.moreCount()));
                }
                out.append("</tbody></table>\n");
                for (Example e : s.examples()) {
                    out.append("<div class=\"example\"><div>For example: ")
                            .append(esc(e.situation()))
                            .append("</div>")
                            .append("<div class=\"before\">before: ")
                            .append(esc(e.before()))
                            .append("</div>")
                            .append("<div class=\"after\">after: ")
                            .append(esc(e.after()))
                            .append("</div></div>\n");
                }
            }
        });
        out.append("<h2>The space</h2>\n<p>").append(esc(v.space())).append("</p>\n</body></html>\n");
        return out.toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String percent(long part, long whole) {
        double p = 100.0 * part / whole;
        return part == 0 ? "0 %" : p < 0.1 ? "under 0.1 %" : String.format("%.1f %%", p);
    }
}
