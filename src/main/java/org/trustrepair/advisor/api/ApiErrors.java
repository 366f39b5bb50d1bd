package org.trustrepair.advisor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.system.BadRequests;
import org.trustrepair.advisor.system.RequestLimits;

/**
 * Every API error as RFC 9457 problem+json: each offending field with its allowed values, never a stack trace, never
 * the answers sent. Logs name the kind of failure only. Scoped to the API's controllers, so pages keep their own
 * error pages; the API's mappings take any media type, so a wrong one is refused here rather than before a
 * controller is chosen. Each refusal of a bad request counts in {@link BadRequests}, by problem type only.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final int MAX_ERRORS_SHOWN = 20;

    private final MeterRegistry meters;

    ApiErrors(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(InvalidAnswersException.class)
    ResponseEntity<ProblemDetail> invalidAnswers(InvalidAnswersException e) {
        List<FieldProblem> shown = shown(e.problems());
        return problem(ProblemType.INVALID_ANSWERS, describe(e.problems(), shown), shown);
    }

    /**
     * The problems to list: the contract's own answers first, so that a pile of unknown names cannot hide them, and at
     * most {@link #MAX_ERRORS_SHOWN}, so that a small body of many unknown fields does not get a large answer.
     */
    private static List<FieldProblem> shown(List<FieldProblem> problems) {
        return Stream.concat(
                        problems.stream().filter(ApiErrors::isAnswer),
                        problems.stream().filter(p -> !isAnswer(p)))
                .limit(MAX_ERRORS_SHOWN)
                .toList();
    }

    private static boolean isAnswer(FieldProblem problem) {
        return AnswersReader.FIELDS.contains(problem.field()) || problem.field().startsWith("safety[");
    }

    @ExceptionHandler(EvaluationException.class)
    ResponseEntity<ProblemDetail> noPlan(EvaluationException e) {
        // the message names rules, never answers
        log.error("No plan could be made: {}", e.getMessage());
        return problem(
                ProblemType.NO_PLAN,
                "The advisor's rules could not produce a plan for these answers. This is a fault in the rules, not in "
                        + "your answers; nothing was kept.",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof RequestLimits.BodyTooLargeException tooLarge) {
            String detail = "The request body is larger than " + tooLarge.limit() + " bytes.";
            return cast(problem(
                    ProblemType.TOO_LARGE,
                    detail,
                    List.of(new FieldProblem("body", "must be at most " + tooLarge.limit() + " bytes", List.of()))));
        }
        String detail = ex.getMostSpecificCause() instanceof StreamConstraintsException
                ? "The body is too large or too deeply nested to be answers."
                : ex.getMostSpecificCause() instanceof JsonProcessingException
                        ? "The body is not valid JSON. Send one JSON object with the answers."
                        : "The body could not be read. Send one JSON object with the answers.";
        List<FieldProblem> problems = List.of(new FieldProblem("body", detail, AnswersReader.FIELDS));
        return cast(problem(ProblemType.MALFORMED_JSON, detail, problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the answers as application/json.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(problem(ProblemType.METHOD_NOT_ALLOWED, "This address does not accept that method.", List.of()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private ResponseEntity<ProblemDetail> problem(ProblemType type, String detail, List<FieldProblem> errors) {
        if (type.status().is4xxClientError()) {
            BadRequests.of(meters, type.uri()).increment();
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(type.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String describe(List<FieldProblem> problems, List<FieldProblem> shown) {
        int more = problems.size() - shown.size();
        return problems.size() == 1
                ? "One answer needs attention: " + problems.get(0).field() + " "
                        + problems.get(0).message() + "."
                : problems.size() + " answers need attention: "
                        + String.join(
                                ", ", shown.stream().map(FieldProblem::field).toList())
                        + (more > 0 ? ", and " + more + " more" : "") + ".";
    }
}
