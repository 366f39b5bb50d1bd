package org.trustrepair.advisor.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Expectation;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.advice.Track;

/**
 * What became of one case: its output line, already written (UTF-8, JSON or CSV) by the worker that evaluated it, and the
 * little the summary and report need (track, first steps, fired rules, failed checks, or the error). The plan itself
 * is not kept.
 */
public record Outcome(
        String id,
        String file,
        long line,
        byte[] output,
        Track track,
        List<Step> firstSteps,
        List<String> firedRules,
        List<String> failures,
        String error) {

    /** A step as the report's case table shows it. */
    record Step(String id, String title) {}

    /** The output line: one JSON object per case. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "file", "line", "plan", "expectation", "error"})
    record Line(String id, String file, long line, AdvicePlan plan, Checked expectation, Error error) {}

    /** The expectation's result: passed, and every check that failed. */
    record Checked(boolean passed, List<String> failures) {}

    /** Why a record gave no plan. {@code problems} name fields and allowed values, never the values sent. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Error(String reason, List<FieldProblem> problems) {}

    private static final int FIRST_STEPS = 3;

    public boolean failed() {
        return failures != null && !failures.isEmpty();
    }

    boolean passed() {
        return failures != null && failures.isEmpty();
    }

    /** {@code passed}, {@code failed}, {@code error}, or {@code no expectation}. */
    public String result() {
        return result(error != null, failures);
    }

    private static String result(boolean error, List<String> failures) {
        if (error) {
            return "error";
        }
        if (failures == null) {
            return "no expectation";
        }
        return failures.isEmpty() ? "passed" : "failed";
    }

    public boolean isError() {
        return error != null;
    }

    /** Evaluates one input and writes its line; never throws for a bad case, so the others go on. */
    public static Outcome of(Input input, Advisor advisor, OutputFormat format) {
        if (!input.ok()) {
            return error(input, input.reason(), input.problems(), format);
        }
        Evaluation evaluation;
        try {
            evaluation = advisor.evaluate(input.value().answers());
        } catch (EvaluationException e) {
            // its message names rules and facts, never answers
            return error(input, "the rules could not make a plan: " + e.getMessage(), List.of(), format);
        } catch (RuntimeException e) {
            return error(
                    input, "the rules could not make a plan (" + e.getClass().getSimpleName() + ")", List.of(), format);
        }
        AdvicePlan plan = evaluation.plan();
        Expectation expected = input.value().expected();
        List<String> failures = expected == null ? null : advisor.failures(expected, plan);
        Checked checked = expected == null ? null : new Checked(failures.isEmpty(), failures);
        byte[] line = format.line(
                new Line(input.id(), input.file(), input.line(), plan, checked, null), result(false, failures));
        List<Step> first = plan.steps().stream()
                .limit(FIRST_STEPS)
                .map(s -> new Step(s.id(), s.title()))
                .toList();
        return new Outcome(
                input.id(),
                input.file(),
                input.line(),
                line,
                plan.classification().track(),
                first,
                evaluation.firedRules(),
                failures,
                null);
    }

    private static Outcome error(Input input, String reason, List<FieldProblem> problems, OutputFormat format) {
        byte[] line = format.line(
                new Line(input.id(), input.file(), input.line(), null, null, new Error(reason, problems)),
                result(true, null));
        return new Outcome(input.id(), input.file(), input.line(), line, null, List.of(), List.of(), null, reason);
    }
}
