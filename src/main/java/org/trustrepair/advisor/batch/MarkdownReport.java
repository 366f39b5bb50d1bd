package org.trustrepair.advisor.batch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.trustrepair.advisor.advice.Track;

/** The batch report in Markdown, for a pull request or a wiki: the HTML report's content, bars drawn in text. */
public final class MarkdownReport {

    private static final int BAR = 30;

    private MarkdownReport() {}

    public static String render(Summary s) {
        Tally t = s.tally();
        StringBuilder m = new StringBuilder(32 * 1024);
        m.append("# Batch report\n\n## Summary\n\n| | |\n|---|---|\n");
        row(m, "Cases", String.format("%,d", t.cases()));
        row(m, "Passed", String.format("%,d", t.passed()));
        row(m, "Failed", String.format("%,d", t.failed()));
        row(m, "Errors", String.format("%,d", t.errors()));
        row(m, "Evaluated without an expectation", String.format("%,d", t.withoutExpectation()));
        row(m, "Rules version", s.rulesVersion());
        row(m, "Rules read from", s.rulesOrigin());
        row(m, "Rules that fired", s.rulesFired() + " of " + s.ruleNames().size());
        row(
                m,
                "Time",
                Summary.seconds(s.run())
                        + String.format(
                                " (%,.0f cases/s, %d worker threads); rules built in ", s.casesPerSecond(), s.threads())
                        + Summary.seconds(s.build()));
        row(
                m,
                "Inputs",
                s.inputs().size() + " file(s): "
                        + String.join(
                                ", ",
                                s.inputs().subList(0, Math.min(20, s.inputs().size())))
                        + (s.inputs().size() > 20 ? ", …" : ""));
        row(m, "Finished", DateTimeFormatter.ISO_INSTANT.format(s.finishedAt().atOffset(ZoneOffset.UTC)));

        m.append("\n## Cases by track\n\n| Track | Cases | |\n|---|--:|---|\n");
        long maxTrack =
                t.tracks().values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (Track track : Track.values()) {
            long n = t.tracks().getOrDefault(track, 0L);
            m.append("| ")
                    .append(track.name())
                    .append(" | ")
                    .append(String.format("%,d", n))
                    .append(" | ")
                    .append(bar(n, maxTrack))
                    .append(" |\n");
        }

        m.append("\n## Failed expectations (")
                .append(String.format("%,d", t.failed()))
                .append(")\n\n");
        if (t.failed() == 0) {
            m.append("Every case with an expectation got the plan it expects.\n");
        }
        for (Tally.Failure f : t.failures()) {
            m.append("### ")
                    .append(escape(f.id()))
                    .append(" (")
                    .append(escape(f.file() + ":" + f.line()))
                    .append(", track ")
                    .append(f.track())
                    .append(")\n\n");
            f.failures()
                    .forEach(failure -> m.append("- ").append(escape(failure)).append('\n'));
            m.append('\n');
        }
        more(m, t.failed(), t.failures().size(), "failed cases");

        m.append("\n## Records that gave no plan (")
                .append(String.format("%,d", t.errors()))
                .append(")\n\n");
        if (t.errors() == 0) {
            m.append("Every record was read and evaluated.\n");
        } else {
            m.append("| File | Line | Case | Reason |\n|---|--:|---|---|\n");
            for (Tally.Problem p : t.problems()) {
                m.append("| ")
                        .append(escape(p.file()))
                        .append(" | ")
                        .append(p.line())
                        .append(" | ")
                        .append(escape(p.id()))
                        .append(" | ")
                        .append(escape(p.reason()))
                        .append(" |\n");
            }
            more(m, t.errors(), t.problems().size(), "errors");
        }

        List<Summary.Coverage> coverage = s.coverage();
        List<String> never = s.neverFired();
        m.append("\n## Rule coverage\n\n")
                .append(s.rulesFired())
                .append(" of ")
                .append(s.ruleNames().size())
                .append(" rules fired at least once over ")
                .append(String.format("%,d", t.evaluated()))
                .append(" evaluated cases.\n\n### Rules that never fired (")
                .append(never.size())
                .append(")\n\n");
        if (never.isEmpty()) {
            m.append("Every rule fired for at least one case.\n");
        }
        never.forEach(rule -> m.append("- ").append(escape(rule)).append('\n'));
        m.append("\n| Rule | Times fired | |\n|---|--:|---|\n");
        long maxFired = coverage.isEmpty() ? 0 : coverage.get(0).firings();
        for (Summary.Coverage c : coverage) {
            m.append("| ")
                    .append(escape(c.rule()))
                    .append(" | ")
                    .append(String.format("%,d", c.firings()))
                    .append(" | ")
                    .append(bar(c.firings(), maxFired))
                    .append(" |\n");
        }

        m.append("\n## Cases\n\n");
        if (t.cases() > t.rows().size()) {
            m.append("The first ")
                    .append(String.format("%,d", t.rows().size()))
                    .append(" of ")
                    .append(String.format("%,d", t.cases()))
                    .append(" cases; every plan is in the output lines.\n\n");
        }
        m.append("| # | Case | From | Result | Track | First three steps |\n|--:|---|---|---|---|---|\n");
        int n = 0;
        for (Tally.Row r : t.rows()) {
            m.append("| ")
                    .append(++n)
                    .append(" | ")
                    .append(escape(r.id()))
                    .append(" | ")
                    .append(escape(r.file() + ":" + r.line()))
                    .append(" | ")
                    .append(r.result())
                    .append(" | ")
                    .append(r.track() == null ? "" : r.track().name())
                    .append(" | ");
            List<String> steps = r.steps().stream()
                    .map(step -> escape(step.title()) + " (`" + step.id().replace("`", "") + "`)")
                    .toList();
            m.append(String.join("; ", steps)).append(" |\n");
        }
        return m.toString();
    }

    private static void row(StringBuilder m, String name, String value) {
        m.append("| ").append(escape(name)).append(" | ").append(escape(value)).append(" |\n");
    }

    private static String bar(long value, long max) {
        int length = max == 0 ? 0 : (int) Math.round((double) BAR * value / max);
        return "█".repeat(value > 0 ? Math.max(1, length) : 0);
    }

    private static void more(StringBuilder m, long total, int shown, String what) {
        if (total > shown) {
            m.append('\n')
                    .append(String.format(
                            "%,d more %s are not listed here: see the output lines.", total - shown, what))
                    .append('\n');
        }
    }

    /** Text that Markdown (and the HTML it may be rendered to) takes literally. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '|', '`', '*', '_', '[', ']', '#', '!' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
