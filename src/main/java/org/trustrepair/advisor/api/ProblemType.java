package org.trustrepair.advisor.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem the API answers with: the {@code type} of its problem+json body, which is also the address of the page
 * that explains it ({@link ProblemPages}), its status, title and explanation. The OpenAPI document lists them.
 * Public for the page's template, which reads them.
 */
public enum ProblemType {
    INVALID_ANSWERS(
            "invalid-answers",
            HttpStatus.BAD_REQUEST,
            "Some answers are missing or not allowed",
            "The body is a JSON object, but some answers in it are missing, unknown, out of range, or not asked in "
                    + "the situation the other answers describe (readiness of the person who was hurt, say).",
            "Read errors: each item names a field, what is wrong with it and, where there is a list, the allowed "
                    + "values. The answers and when each is asked: GET /api/questionnaire, or the Answers schema "
                    + "at /schemas/answers.json."),
    MALFORMED_JSON(
            "malformed-json",
            HttpStatus.BAD_REQUEST,
            "The request body cannot be read",
            "The body is not one JSON object: it is not JSON at all, it is cut short, or it is too deeply nested.",
            "Send one JSON object of answers, such as {\"relationship\":\"ROMANTIC\",\"breach\":\"HALF_TRUTHS\","
                    + "\"readiness\":\"NEEDS_SPACE\",\"daysElapsed\":20}."),
    TOO_LARGE(
            "too-large",
            HttpStatus.PAYLOAD_TOO_LARGE,
            "Request too large",
            "The body is larger than the advisor accepts (16 KiB unless the operator set advisor.max-body-bytes). "
                    + "Answers take a few hundred bytes.",
            "Send only the answers, once."),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send JSON",
            "The request's Content-Type is not application/json, or is a wildcard such as application/*.",
            "Send the header Content-Type: application/json."),
    METHOD_NOT_ALLOWED(
            "method-not-allowed",
            HttpStatus.METHOD_NOT_ALLOWED,
            "Method not allowed",
            "The address does not take that method: answers are POSTed to /api/advice; the questionnaire is a GET "
                    + "of /api/questionnaire.",
            "Use the method the API documentation gives for the address (/swagger-ui.html)."),
    TOO_MANY_REQUESTS(
            "too-many-requests",
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests",
            "This client sent more answers in the last minute than the advisor takes from one client.",
            "Wait for the number of seconds in the Retry-After header, then send again. For many cases at once, "
                    + "use the batch command (./advisor batch) instead of the API."),
    NO_PLAN(
            "no-plan",
            HttpStatus.INTERNAL_SERVER_ERROR,
            "No plan could be made",
            "The rules could not produce a plan for these answers: a fault in the rules, not in the answers. "
                    + "Nothing was kept.",
            "Try again later; the operator finds the rule at fault in the log, which names rules, never answers.");

    private final String name;
    private final HttpStatus status;
    private final String title;
    private final String explanation;
    private final String whatToDo;

    ProblemType(String name, HttpStatus status, String title, String explanation, String whatToDo) {
        this.name = name;
        this.status = status;
        this.title = title;
        this.explanation = explanation;
        this.whatToDo = whatToDo;
    }

    /** The {@code type} of a problem+json body, relative to the server: it resolves to this problem's page. */
    public URI uri() {
        return URI.create("/problems/" + name);
    }

    public String slug() {
        return name;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
