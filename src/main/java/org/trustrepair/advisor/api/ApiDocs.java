package org.trustrepair.advisor.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustrepair.advisor.advice.Advisor;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). springdoc reads the plan and
 * the questionnaire from their records; the answers come from the questionnaire ({@link AnswerSchemas}), since the
 * controller takes them as JSON to name every bad field itself; the problems come from {@link ProblemType}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String ANSWERS = "Answers";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI advisorApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Trust-repair advisor")
                        .version("2")
                        .description("Answers in, an ordered and explained plan out. Nothing sent is stored or "
                                + "logged. The contract in words: docs/api.md. Every problem's type is the address "
                                + "of a page that explains it: /problems."));
    }

    /**
     * Made once, at the first request of the document: a live reload that rewords a question shows in
     * {@code /schemas/answers.json} at once, in the document after a restart (names and values never change).
     */
    @Bean
    OpenApiCustomizer answersAndProblems(Advisor advisor) {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.getSchemas().remove("JsonNode"); // the controller's parameter type, replaced by Answers
            api.setComponents(components
                    .addSchemas(ANSWERS, schema(AnswerSchemas.answers(advisor.questionnaire())))
                    .addSchemas(PROBLEM, schema(problem())));
            api.getPaths().values().stream()
                    .filter(path -> path.getPost() != null)
                    .forEach(path -> {
                        path.getPost()
                                .requestBody(new RequestBody()
                                        .required(true)
                                        .description("The answers; see the Answers schema for each one.")
                                        .content(content(
                                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, ANSWERS)));
                        Arrays.stream(ProblemType.values())
                                // a POST to an address that takes POST is never refused for its method
                                .filter(type -> type != ProblemType.METHOD_NOT_ALLOWED)
                                .collect(Collectors.groupingBy(ProblemType::status))
                                .forEach((status, types) -> path.getPost()
                                        .getResponses()
                                        .addApiResponse(
                                                Integer.toString(status.value()),
                                                new ApiResponse()
                                                        .description(types.stream()
                                                                .map(t -> t.title() + " ([" + t.uri() + "](" + t.uri()
                                                                        + ")): " + t.explanation())
                                                                .collect(Collectors.joining("\n\n")))
                                                        .content(content(
                                                                org.springframework.http.MediaType
                                                                        .APPLICATION_PROBLEM_JSON_VALUE,
                                                                PROBLEM))));
                    });
        };
    }

    private static Content content(String mediaType, String schema) {
        return new Content()
                .addMediaType(mediaType, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private static Schema<?> schema(ObjectNode json) {
        return Json31.mapper().convertValue(json, Schema.class);
    }

    /** RFC 9457 problem details, with the advisor's {@code errors}: each field at fault, never a value sent. */
    private static ObjectNode problem() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details. The type is the address of a page explaining it.");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode type = properties.putObject("type").put("type", "string");
        Arrays.stream(ProblemType.values())
                .forEach(t -> type.withArray("enum").add(t.uri().toString()));
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        properties.putObject("retryAfterSeconds").put("type", "integer").put("description", "On too-many-requests.");
        ObjectNode error = properties.putObject("errors").put("type", "array").putObject("items");
        error.put("type", "object").put("description", "One field at fault, with the values it allows.");
        ObjectNode fields = error.putObject("properties");
        fields.putObject("field").put("type", "string");
        fields.putObject("message").put("type", "string");
        fields.putObject("allowed").put("type", "array").putObject("items").put("type", "string");
        error.putArray("required").add("field").add("message");
        error.put("additionalProperties", false);
        schema.putArray("required").add("type").add("title").add("status");
        return schema;
    }
}
