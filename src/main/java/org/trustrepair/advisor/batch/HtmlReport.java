package org.trustrepair.advisor.batch;

import static org.trustrepair.advisor.batch.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustrepair.advisor.advice.Track;

/**
 * The batch report as one self-contained HTML page: summary, cases by track, failed expectations, errors, rule
 * coverage and the first cases. Charts are inline SVG; no script, no external file; every text is escaped.
 */
public final class HtmlReport {

    static final Map<Track, String> TRACK_COLOURS = Map.of(
            Track.SAFETY,
            "#b8322a",
            Track.REPAIR,
            "#2f7d4f",
            Track.STEP_BACK,
            "#c98a1b",
            Track.ACCEPT,
            "#5a5f9e",
            Track.HURT_PARTY,
            "#2d7a99");
    private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222;line-height:1.4}
      table{border-collapse:collapse;margin:.5rem 0 1.5rem}
      th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f3f3} th[scope=row]{white-space:nowrap} td.n{text-align:right;font-variant-numeric:tabular-nums}
      .passed{color:#2f7d4f}.failed{color:#b8322a;font-weight:bold}.error{color:#8a4b00;font-weight:bold}
      svg.chart text{font:12px system-ui,sans-serif;fill:#222} code{font-size:.9em}
      .note{color:#555}
      """;

    private HtmlReport() {}

    public static String render(Summary s) {
        Tally t = s.tally();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" ")
                .append("content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Batch report</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        h.append("<h1>Batch report</h1>\n");
        summary(h, s);
        tracks(h, t);
        failures(h, t);
        errors(h, t);
        coverage(h, s);
        cases(h, t);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Summary s) {
        Tally t = s.tally();
        h.append("<section id=\"summary\"><h2>Summary</h2><table>");
        row(h, "Cases", String.format("%,d", t.cases()), null);
        row(h, "Passed", String.format("%,d", t.passed()), t.passed() > 0 ? "passed" : null);
        row(h, "Failed", String.format("%,d", t.failed()), t.failed() > 0 ? "failed" : null);
        row(h, "Errors", String.format("%,d", t.errors()), t.errors() > 0 ? "error" : null);
        row(h, "Evaluated without an expectation", String.format("%,d", t.withoutExpectation()), null);
        row(h, "Rules version", s.rulesVersion(), null);
        row(h, "Rules read from", s.rulesOrigin(), null);
        row(h, "Rules that fired", s.rulesFired() + " of " + s.ruleNames().size(), null);
        row(
                h,
                "Time",
                Summary.seconds(s.run())
                        + String.format(
                                " (%,.0f cases/s, %d worker threads); rules built in ", s.casesPerSecond(), s.threads())
                        + Summary.seconds(s.build()),
                null);
        row(h, "Inputs", inputs(s.inputs()), null);
        row(h, "Finished", DateTimeFormatter.ISO_INSTANT.format(s.finishedAt().atOffset(ZoneOffset.UTC)), null);
        h.append("</table></section>\n");
    }

    private static String inputs(List<String> inputs) {
        int shown = Math.min(inputs.size(), 20);
        String list = String.join(", ", inputs.subList(0, shown));
        return inputs.size()
                + (inputs.size() == 1 ? " file: " : " files: ")
                + list
                + (inputs.size() > shown ? ", …" : "");
    }

    private static void row(StringBuilder h, String name, String value, String cssClass) {
        h.append("<tr><th scope=\"row\">").append(escape(name)).append("</th><td");
        if (cssClass != null) {
            h.append(" class=\"").append(escape(cssClass)).append('"');
        }
        h.append('>').append(escape(value)).append("</td></tr>");
    }

    private static void tracks(StringBuilder h, Tally t) {
        h.append("<section id=\"tracks\"><h2>Cases by track</h2>");
        List<Charts.Bar> bars = new ArrayList<>();
        for (Track track : Track.values()) {
            bars.add(new Charts.Bar(track.name(), t.tracks().getOrDefault(track, 0L), TRACK_COLOURS.get(track)));
        }
        h.append(Charts.bars("Cases by track", bars)).append("</section>\n");
    }

    private static void failures(StringBuilder h, Tally t) {
        h.append("<section id=\"failures\"><h2>Failed expectations (")
                .append(String.format("%,d", t.failed()))
                .append(")</h2>");
        if (t.failed() == 0) {
            h.append("<p>Every case with an expectation got the plan it expects.</p>");
        }
        for (Tally.Failure f : t.failures()) {
            h.append("<h3>")
                    .append(escape(f.id()))
                    .append(" <small class=\"note\">")
                    .append(escape(f.file() + ":" + f.line()))
                    .append(", track ")
                    .append(escape(String.valueOf(f.track())))
                    .append("</small></h3><ul>");
            for (String failure : f.failures()) {
                h.append("<li>").append(escape(failure)).append("</li>");
            }
            h.append("</ul>");
        }
        more(h, t.failed(), t.failures().size(), "failed cases", "the output lines with \"passed\":false");
        h.append("</section>\n");
    }

    private static void errors(StringBuilder h, Tally t) {
        h.append("<section id=\"errors\"><h2>Records that gave no plan (")
                .append(String.format("%,d", t.errors()))
                .append(")</h2>");
        if (t.errors() == 0) {
            h.append("<p>Every record was read and evaluated.</p>");
        } else {
            h.append("<table><thead><tr><th>File</th><th>Line</th><th>Case</th><th>Reason</th></tr></thead><tbody>");
            for (Tally.Problem p : t.problems()) {
                h.append("<tr><td>")
                        .append(escape(p.file()))
                        .append("</td><td class=\"n\">")
                        .append(p.line())
                        .append("</td><td>")
                        .append(escape(p.id()))
                        .append("</td><td>")
                        .append(escape(p.reason()))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
            more(h, t.errors(), t.problems().size(), "errors", "the output lines with an \"error\"");
        }
        h.append("</section>\n");
    }

    private static void coverage(StringBuilder h, Summary s) {
        List<Summary.Coverage> coverage = s.coverage();
        List<String> never = s.neverFired();
        long evaluated = s.tally().evaluated();
        h.append("<section id=\"coverage\"><h2>Rule coverage</h2><p>")
                .append(s.rulesFired())
                .append(" of ")
                .append(s.ruleNames().size())
                .append(" rules fired at least once over ")
                .append(String.format("%,d", evaluated))
                .append(" evaluated cases.</p>");
        List<Charts.Bar> bars = coverage.stream()
                .map(c -> new Charts.Bar(c.rule(), c.firings(), c.firings() == 0 ? "#b8322a" : "#4a6fa5"))
                .toList();
        h.append(Charts.bars("Times each rule fired", bars));
        h.append("<h3 id=\"never-fired\">Rules that never fired (")
                .append(never.size())
                .append(")</h3>");
        if (never.isEmpty()) {
            h.append("<p>Every rule fired for at least one case.</p>");
        } else {
            h.append("<ul>");
            never.forEach(rule -> h.append("<li>").append(escape(rule)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<table><thead><tr><th>Rule</th><th>Times fired</th><th>Share of evaluated cases</th></tr></thead>")
                .append("<tbody>");
        for (Summary.Coverage c : coverage) {
            h.append("<tr><td>")
                    .append(escape(c.rule()))
                    .append("</td><td class=\"n\">")
                    .append(String.format("%,d", c.firings()))
                    .append("</td><td class=\"n\">")
                    .append(evaluated == 0 ? "" : String.format("%.1f %%", 100.0 * c.firings() / evaluated))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void cases(StringBuilder h, Tally t) {
        h.append("<section id=\"cases\"><h2>Cases</h2>");
        if (t.cases() > t.rows().size()) {
            h.append("<p class=\"note\">The first ")
                    .append(String.format("%,d", t.rows().size()))
                    .append(" of ")
                    .append(String.format("%,d", t.cases()))
                    .append(" cases; every plan is in the output lines.</p>");
        }
        h.append("<table><thead><tr><th>#</th><th>Case</th><th>From</th><th>Result</th><th>Track</th>")
                .append("<th>First three steps</th></tr></thead><tbody>");
        int n = 0;
        for (Tally.Row r : t.rows()) {
            h.append("<tr><td class=\"n\">")
                    .append(++n)
                    .append("</td><td>")
                    .append(escape(r.id()))
                    .append("</td><td>")
                    .append(escape(r.file() + ":" + r.line()))
                    .append("</td><td class=\"")
                    .append(r.result().equals("no expectation") ? "" : escape(r.result()))
                    .append("\">")
                    .append(escape(r.result()))
                    .append("</td><td>")
                    .append(r.track() == null ? "" : escape(r.track().name()))
                    .append("</td><td><ol>");
            for (Outcome.Step step : r.steps()) {
                h.append("<li>")
                        .append(escape(step.title()))
                        .append(" <code>")
                        .append(escape(step.id()))
                        .append("</code></li>");
            }
            h.append("</ol></td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void more(StringBuilder h, long total, int shown, String what, String where) {
        if (total > shown) {
            h.append("<p class=\"note\">")
                    .append(escape(
                            String.format("%,d more %s are not listed here: see %s.", total - shown, what, where)))
                    .append("</p>");
        }
    }
}
