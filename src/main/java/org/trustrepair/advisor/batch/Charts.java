package org.trustrepair.advisor.batch;

import java.util.List;

/** Horizontal bar charts as inline SVG: no script, no external file, every text escaped. */
final class Charts {

    /** One bar: its label, its value, and its colour (a CSS colour). */
    record Bar(String label, long value, String colour) {}

    private static final int MAX_LABEL_WIDTH = 420;
    private static final int BAR = 280;
    private static final int ROW = 18;
    private static final int MAX_LABEL = 58;
    private static final int CHAR_WIDTH = 7;

    private Charts() {}

    static String bars(String title, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int longest = bars.stream()
                .mapToInt(b -> Math.min(MAX_LABEL, b.label().length()))
                .max()
                .orElse(0);
        int label = Math.min(MAX_LABEL_WIDTH, longest * CHAR_WIDTH + 12);
        int width = label + BAR + 70;
        int height = ROW * bars.size() + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(Html.escape(title))
                .append("\">");
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 4;
            int length = max == 0 ? 0 : (int) Math.round((double) BAR * bar.value() / max);
            if (bar.value() > 0 && length == 0) {
                length = 1;
            }
            String text =
                    bar.label().length() > MAX_LABEL ? bar.label().substring(0, MAX_LABEL - 1) + "…" : bar.label();
            svg.append("<g><title>")
                    .append(Html.escape(bar.label() + ": " + bar.value()))
                    .append("</title>");
            svg.append("<text x=\"")
                    .append(label - 6)
                    .append("\" y=\"")
                    .append(y + 12)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(text))
                    .append("</text>");
            svg.append("<rect x=\"")
                    .append(label)
                    .append("\" y=\"")
                    .append(y + 2)
                    .append("\" width=\"")
                    .append(length)
                    .append("\" height=\"")
                    .append(ROW - 5)
                    .append("\" fill=\"")
                    .append(Html.escape(bar.colour()))
                    .append("\"/>");
            svg.append("<text x=\"")
                    .append(label + length + 5)
                    .append("\" y=\"")
                    .append(y + 12)
                    .append("\">")
                    .append(String.format("%,d", bar.value()))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
