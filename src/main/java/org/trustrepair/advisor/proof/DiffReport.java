package org.trustrepair.advisor.proof;

import org.trustrepair.advisor.batch.Report;

/**
 * A diff in words, as text for the terminal or as a page for a browser: the headline (different advice, the same
 * advice in new words), a chart of the situations each kind of change touches, and for each change where it applies
 * and an example or two, in the questionnaire's and the plan's words ({@link DiffView}). Written by the Thymeleaf
 * templates {@code templates/reports/diff.txt} and {@code diff.html}, as the batch report is ({@link Report}).
 */
public final class DiffReport {

    private DiffReport() {}

    public static DiffView view(RuleDiff.Result result, String beforeLabel, String afterLabel) {
        return DiffView.of(result, beforeLabel, afterLabel);
    }

    public static String text(DiffView view) {
        return Report.render("diff.txt", view);
    }

    /** One self-contained page (the charts as inline SVG, no script); every text escaped by Thymeleaf. */
    public static String html(DiffView view) {
        return Report.render("diff.html", view);
    }
}
