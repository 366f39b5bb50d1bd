package org.trustrepair.advisor.batch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The batch report for people: summary, cases by track, failed expectations, errors, rule coverage and the first
 * cases. Written by the Thymeleaf templates in {@code templates/reports/}: {@code batch.html}, one self-contained page
 * (charts as inline SVG, no script, no external file), and {@code batch.md}, the same in Markdown (text mode).
 * Every text from a case file is escaped: by Thymeleaf in HTML, by {@link Markdown#text} in Markdown.
 */
public final class Report {

    private static final TemplateEngine TEMPLATES = engine();

    private Report() {}

    public static String html(Summary summary) {
        return render("batch.html", summary);
    }

    public static String markdown(Summary summary) {
        return render("batch.md", summary);
    }

    private static String render(String template, Summary summary) {
        return render(template, ReportView.of(summary));
    }

    /**
     * A report template of {@code templates/reports/} (HTML, or text mode for {@code .md} and {@code .txt}) filled with
     * {@code view} as {@code v}, and {@code md} to escape Markdown; the diff report uses it too.
     */
    public static String render(String template, Object view) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("v", view);
        context.setVariable("md", new Markdown());
        return TEMPLATES.process(template, context);
    }

    /** A template engine of its own: the command line has no Spring context (SpEL, as in the web templates). */
    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Report.class.getClassLoader());
        resolver.setPrefix("templates/reports/");
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.getTextTemplateModePatternSpec().addPattern("*.md");
        resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
        resolver.setCheckExistence(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Text that Markdown (and the HTML it may be rendered to) takes literally, on one line. */
    static final class Markdown {
        public String text(Object value) {
            String text = value == null ? "" : value.toString();
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

        /** Text for a code span: taken literally there, but it cannot hold a backquote or a line break. */
        public String code(Object value) {
            return value == null ? "" : value.toString().replaceAll("[`\\r\\n]", "");
        }
    }
}
