package org.trustrepair.advisor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.SamplesTest;

/**
 * The schemas made from the questionnaire: every sample meets the case-file schema, the answers' schema accepts exactly
 * the answers the reader accepts, and docs/schemas/ holds today's schemas for editors.
 */
class AnswerSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path DOCS = Path.of("docs/schemas");
    private static final Questionnaire QUESTIONNAIRE = questionnaire();
    private static final Schema SAMPLE = compile(AnswerSchemas.sampleFile(QUESTIONNAIRE));
    private static final Schema ANSWERS = compile(AnswerSchemas.answersFile(QUESTIONNAIRE));

    private static Questionnaire questionnaire() {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .readValue(Path.of("rules/questionnaire.yaml").toFile(), Questionnaire.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Schema compile(JsonNode schema) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
    }

    static Stream<Path> samples() throws IOException {
        return SamplesTest.samples();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleMeetsTheSampleSchema(Path file) throws IOException {
        List<Error> errors = SAMPLE.validate(JSON.readTree(file.toFile()));

        assertThat(errors).as(file.toString()).isEmpty();
    }

    @Test
    void aSampleAnEditorWouldFlagIsRefused() throws IOException {
        JsonNode wrong = JSON.readTree("""
                {"id": "x", "answers": {"role": "WAS_HURT", "relationship": "ROMANTIC", "breach": "INFIDELITY",
                 "readiness": "NEEDS_SPACE", "daysElapsed": 40000, "safety": ["SELF_HARM_THOUGHTS"]},
                 "expected": {"track": "SAFE", "withheld": "apologize-again", "steps": ["name-the-harm"]},
                 "comment": "not a part of a case"}""");

        assertThat(SAMPLE.validate(wrong))
                .extracting(Error::getInstanceLocation)
                .map(Object::toString)
                .containsExactlyInAnyOrder(
                        "/answers/daysElapsed", // out of range
                        "/answers/safety/0", // a v1 flag
                        "/answers", // readiness, not asked of the person who was hurt
                        "/expected/track",
                        "/expected/withheld", // a list
                        ""); // comment, not a part of a case
    }

    /**
     * Every combination of the answers on which others depend (role, disclosure) with the dependent ones sent or not
     * (readiness, theirResponse, apologiesMade, relationship): the schema and the reader accept the same bodies.
     */
    @Test
    void theSchemaAcceptsExactlyWhatTheReaderAccepts() {
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (String role : new String[] {null, "BROKE_TRUST", "WAS_HURT"}) {
            for (String disclosure : new String[] {null, "UNDISCLOSED", "CONFESSED"}) {
                for (int mask = 0; mask < 16; mask++) {
                    ObjectNode body = JSON.createObjectNode();
                    if (role != null) {
                        body.put("role", role);
                    }
                    if (disclosure != null) {
                        body.put("disclosure", disclosure);
                    }
                    body.put("breach", "INFIDELITY").put("daysElapsed", 10);
                    if ((mask & 1) != 0) {
                        body.put("readiness", "NEEDS_SPACE");
                    }
                    if ((mask & 2) != 0) {
                        body.put("theirResponse", "MINIMIZES");
                    }
                    if ((mask & 4) != 0) {
                        body.put("apologiesMade", 3);
                    }
                    if ((mask & 8) != 0) {
                        body.put("relationship", "FAMILY");
                    }
                    boolean reader = AnswersReader.strict().read(body).ok();
                    boolean schema = ANSWERS.validate(body).isEmpty();
                    accepted += reader ? 1 : 0;
                    if (reader != schema) {
                        disagreements.add(body + ": reader " + reader + ", schema " + schema);
                    }
                }
            }
        }

        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("some bodies are accepted, some refused").isBetween(1, 143);
    }

    @Test
    void docsSchemasAreTodays() throws IOException {
        List<String> stale = new ArrayList<>();
        stale.addAll(keep("answers.schema.json", AnswerSchemas.answersFile(QUESTIONNAIRE)));
        stale.addAll(keep("sample.schema.json", AnswerSchemas.sampleFile(QUESTIONNAIRE)));

        assertThat(stale)
                .as("made again from rules/questionnaire.yaml: commit them")
                .isEmpty();
    }

    /** Writes the schema when the file differs, and names it. */
    private static List<String> keep(String name, JsonNode schema) throws IOException {
        Path file = DOCS.resolve(name);
        String today = JSON.writeValueAsString(schema) + "\n";
        if (Files.exists(file) && Files.readString(file).equals(today)) {
            return List.of();
        }
        Files.createDirectories(DOCS);
        Files.writeString(file, today);
        return List.of(file.toString());
    }
}
