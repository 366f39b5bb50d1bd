package org.trustrepair.advisor.batch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustrepair.advisor.advice.Track;

/**
 * What the report's templates show, worked out and worded once for both (HTML and Markdown): counts already formatted,
 * charts already measured. Texts from case files are kept as they are; the templates escape them.
 */
record ReportView(
        List<Line> summary,
        Charts.Chart tracksChart,
        List<Count> tracks,
        String failed,
        List<Tally.Failure> failures,
        String moreFailures,
        String errors,
        List<Tally.Problem> problems,
        String moreErrors,
        String coverageSentence,
        Charts.Chart coverageChart,
        List<String> neverFired,
        List<Count> coverage,
        String casesNote,
        List<CaseRow> cases) {

    /** A line of the summary table; {@code css} marks a count to notice (null: none). */
    record Line(String name, String value, String css) {}

    /** A row of a count table: its name, the count, its share of the evaluated cases, and a bar for Markdown. */
    record Count(String name, String count, String share, String bar) {}

    /** A row of the case table; {@code css} is its result's style (null when it has no expectation). */
    record CaseRow(int n, String id, String from, String result, String css, Track track, List<Outcome.Step> steps) {}

    static final Map<Track, String> TRACK_COLOURS = Map.of(
            Track.SAFETY, "#b8322a",
            Track.REPAIR, "#2f7d4f",
            Track.STEP_BACK, "#c98a1b",
            Track.ACCEPT, "#5a5f9e",
            Track.HURT_PARTY, "#2d7a99");

    private static final int TEXT_BAR = 30;
    private static final int MAX_INPUTS = 20;

    static ReportView of(Summary s) {
        Tally t = s.tally();
        long evaluated = t.evaluated();

        List<Charts.Bar> trackBars = new ArrayList<>();
        List<Count> tracks = new ArrayList<>();
        long maxTrack =
                t.tracks().values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (Track track : Track.values()) {
            long n = t.tracks().getOrDefault(track, 0L);
            trackBars.add(new Charts.Bar(track.name(), n, TRACK_COLOURS.get(track)));
            tracks.add(new Count(track.name(), number(n), share(n, evaluated), textBar(n, maxTrack)));
        }

        List<Summary.Coverage> coverage = s.coverage();
        long maxFired = coverage.isEmpty() ? 0 : coverage.get(0).firings();
        List<Count> coverageRows = coverage.stream()
                .map(c -> new Count(
                        c.rule(), number(c.firings()), share(c.firings(), evaluated), textBar(c.firings(), maxFired)))
                .toList();
        List<Charts.Bar> coverageBars = coverage.stream()
                .map(c -> new Charts.Bar(c.rule(), c.firings(), c.firings() == 0 ? "#b8322a" : "#4a6fa5"))
                .toList();

        List<CaseRow> cases = new ArrayList<>();
        for (Tally.Row r : t.rows()) {
            String css = r.result().equals("no expectation") ? null : r.result();
            cases.add(new CaseRow(
                    cases.size() + 1, r.id(), r.file() + ":" + r.line(), r.result(), css, r.track(), r.steps()));
        }

        return new ReportView(
                summary(s),
                Charts.bars("Cases by track", trackBars),
                tracks,
                number(t.failed()),
                t.failures(),
                more(t.failed(), t.failures().size(), "failed case", "failed cases"),
                number(t.errors()),
                t.problems(),
                more(t.errors(), t.problems().size(), "error", "errors"),
                s.rulesFired() + " of " + Counts.of(s.ruleNames().size(), "rule") + " fired at least once over "
                        + Counts.of(evaluated, "evaluated case") + ".",
                Charts.bars("Times each rule fired", coverageBars),
                s.neverFired(),
                coverageRows,
                t.cases() > t.rows().size()
                        ? "The first " + number(t.rows().size()) + " of " + Counts.of(t.cases(), "case")
                                + "; every plan is in the output lines."
                        : null,
                cases);
    }

    private static List<Line> summary(Summary s) {
        Tally t = s.tally();
        return List.of(
                new Line("Cases", number(t.cases()), null),
                new Line("Passed", number(t.passed()), t.passed() > 0 ? "passed" : null),
                new Line("Failed", number(t.failed()), t.failed() > 0 ? "failed" : null),
                new Line("Errors", number(t.errors()), t.errors() > 0 ? "error" : null),
                new Line("Evaluated without an expectation", number(t.withoutExpectation()), null),
                new Line("Rules version", s.rulesVersion(), null),
                new Line("Rules read from", s.rulesOrigin(), null),
                new Line(
                        "Rules that fired",
                        s.rulesFired() + " of " + s.ruleNames().size(),
                        null),
                new Line(
                        "Time",
                        Summary.seconds(s.run())
                                + String.format(" (%,.0f cases/s, ", s.casesPerSecond())
                                + Counts.of(s.threads(), "worker thread") + "); rules built in "
                                + Summary.seconds(s.build()),
                        null),
                new Line("Inputs", inputs(s.inputs()), null),
                new Line(
                        "Finished",
                        DateTimeFormatter.ISO_INSTANT.format(s.finishedAt().atOffset(ZoneOffset.UTC)),
                        null));
    }

    private static String inputs(List<String> inputs) {
        int shown = Math.min(inputs.size(), MAX_INPUTS);
        return Counts.of(inputs.size(), "file") + ": " + String.join(", ", inputs.subList(0, shown))
                + (inputs.size() > shown ? ", …" : "");
    }

    /** The note under a capped list, or null when nothing was left out. */
    private static String more(long total, int shown, String one, String many) {
        if (total <= shown) {
            return null;
        }
        long left = total - shown;
        return String.format(
                "%s %s not listed here: see the output lines.",
                Counts.of(left, "more " + one, "more " + many), left == 1 ? "is" : "are");
    }

    private static String number(long n) {
        return String.format("%,d", n);
    }

    private static String share(long n, long of) {
        return of == 0 ? "" : String.format("%.1f %%", 100.0 * n / of);
    }

    private static String textBar(long value, long max) {
        return "█".repeat(Charts.length(value, max, TEXT_BAR));
    }
}
