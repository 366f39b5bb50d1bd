package org.trustrepair.advisor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import org.trustrepair.advisor.advice.Advisor;

/**
 * The API's documentation as a client meets it: a real request and its real answers meet the OpenAPI document served
 * at /v3/api-docs, the document's answers are the questionnaire's, and every problem type leads to its page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERS = """
            {"relationship":"ROMANTIC","breach":"HALF_TRUTHS","readiness":"NEEDS_SPACE",
             "daysElapsed":20,"disclosure":"DISCOVERED","apologiesMade":2}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Advisor advisor;

    JsonNode docs;

    @BeforeAll
    void fetchTheDocument() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();
        docs = JSON.readTree(result.getResponse().getContentAsString());
    }

    /** A schema of the document, its references resolved within the document. */
    private Schema schemaAt(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", AnswerSchemas.DIALECT);
        root.setAll((ObjectNode) schema);
        root.set("components", docs.get("components"));
        return AnswerSchemasTest.compile(root);
    }

    private JsonNode advice() {
        return docs.at("/paths/~1api~1advice/post");
    }

    @Test
    void isOpenApi31() {
        assertThat(docs.path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void aRealRequestAndItsPlanMeetTheDocument() throws Exception {
        String plan = mvc.perform(post("/api/advice")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ANSWERS))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Schema request = schemaAt(advice().at("/requestBody/content/application~1json/schema"));
        Schema response = schemaAt(advice().at("/responses/200/content/application~1json/schema"));
        assertThat(request.validate(JSON.readTree(ANSWERS))).isEmpty();
        assertThat(response.validate(JSON.readTree(plan))).isEmpty();
        assertThat(response.validate(JSON.readTree("{\"steps\": \"none\"}")))
                .as("the response's schema can fail")
                .isNotEmpty();
    }

    @Test
    void aRefusedRequestAndItsProblemMeetTheDocument() throws Exception {
        String refused = "{\"relationship\":\"ROMANTIC\",\"breach\":\"HALF_TRUTHS\",\"daysElapsed\":-1}";
        String problem = mvc.perform(post("/api/advice")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(refused))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Schema request = schemaAt(advice().at("/requestBody/content/application~1json/schema"));
        Schema response = schemaAt(advice().at("/responses/400/content/application~1problem+json/schema"));
        assertThat(request.validate(JSON.readTree(refused)))
                .extracting(Error::getInstanceLocation)
                .map(Object::toString)
                .containsExactlyInAnyOrder("/daysElapsed", ""); // below 0, and readiness missing
        assertThat(response.validate(JSON.readTree(problem))).isEmpty();
    }

    @Test
    void theDocumentsAnswersAreTheQuestionnaires() {
        JsonNode answers = docs.at("/components/schemas/Answers");

        assertThat(answers).isEqualTo(AnswerSchemas.answers(advisor.questionnaire()));
    }

    @Test
    void everyErrorStatusOfAPostIsDocumentedAsAProblem() {
        for (ProblemType type : ProblemType.values()) {
            if (type != ProblemType.METHOD_NOT_ALLOWED) {
                JsonNode response = advice().at("/responses/" + type.status().value());
                assertThat(response.at("/content/application~1problem+json/schema/$ref")
                                .asText())
                        .isEqualTo("#/components/schemas/Problem");
                assertThat(response.path("description").asText())
                        .contains(type.uri().toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyProblemTypeLeadsToAPageThatExplainsIt(ProblemType type) throws Exception {
        String page = mvc.perform(get(type.uri().toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains(HtmlUtils.htmlEscape(type.title()), HtmlUtils.htmlEscape(type.explanation()));
    }

    @Test
    void anUnknownProblemHasNoPage() throws Exception {
        mvc.perform(get("/problems/no-such-problem")).andExpect(status().isNotFound());
    }

    /** The filters in system/ write their problem+json by hand: each type they use has its page too. */
    @Test
    void everyProblemTypeTheCodeWritesIsOneOfThem() throws IOException {
        Pattern type = Pattern.compile("/problems/([a-z-]+)");
        List<String> written;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            written = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            Matcher m = type.matcher(Files.readString(f));
                            return m.results().map(r -> r.group(1)).toList().stream();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .distinct()
                    .toList();
        }

        assertThat(written).isNotEmpty();
        assertThat(Stream.of(ProblemType.values()).map(ProblemType::slug)).containsAll(written);
    }

    @Test
    void swaggerUiAndTheSchemasAreServedReadOnly() throws Exception {
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(header().exists("Content-Security-Policy"));
        mvc.perform(get("/schemas/sample.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/schema+json"));
        mvc.perform(post("/v3/api-docs").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is4xxClientError());
    }
}
