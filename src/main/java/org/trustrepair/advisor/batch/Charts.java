package org.trustrepair.advisor.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bar charts, measured here and drawn by the report's template as inline SVG (no script, no external file):
 * the longest bar spans the chart, a bar above zero is never drawn empty, long labels are cut.
 */
public final class Charts {

    /** One bar as given: its label, its value, and its colour (a CSS colour). */
    public record Bar(String label, long value, String colour) {}

    /** A chart laid out: its size, where the bars start, and each bar with its place. */
    public record Chart(String title, int width, int height, int barX, int barHeight, List<Drawn> bars) {
        public String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    /** A bar laid out: {@code text} is the label as shown (cut when long), {@code tooltip} the whole of it. */
    public record Drawn(
            String text,
            String tooltip,
            String colour,
            int labelX,
            int textY,
            int rectY,
            int length,
            int valueX,
            String value) {}

    private static final int MAX_LABEL_WIDTH = 420;
    private static final int BAR = 280;
    private static final int ROW = 18;
    private static final int MAX_LABEL = 58;
    private static final int CHAR_WIDTH = 7;

    private Charts() {}

    public static Chart bars(String title, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int longest = bars.stream()
                .mapToInt(b -> Math.min(MAX_LABEL, b.label().length()))
                .max()
                .orElse(0);
        int label = Math.min(MAX_LABEL_WIDTH, longest * CHAR_WIDTH + 12);
        List<Drawn> drawn = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 4;
            int length = length(bar.value(), max, BAR);
            String text =
                    bar.label().length() > MAX_LABEL ? bar.label().substring(0, MAX_LABEL - 1) + "…" : bar.label();
            drawn.add(new Drawn(
                    text,
                    bar.label() + ": " + bar.value(),
                    bar.colour(),
                    label - 6,
                    y + 12,
                    y + 2,
                    length,
                    label + length + 5,
                    String.format("%,d", bar.value())));
        }
        return new Chart(title, label + BAR + 70, ROW * bars.size() + 8, label, ROW - 5, drawn);
    }

    /** A bar's length out of {@code full}: proportional to the largest value, and at least 1 when above zero. */
    static int length(long value, long max, int full) {
        int length = max == 0 ? 0 : (int) Math.round((double) full * value / max);
        return value > 0 ? Math.max(1, length) : 0;
    }
}
