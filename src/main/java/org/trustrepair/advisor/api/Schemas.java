package org.trustrepair.advisor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustrepair.advisor.advice.Advisor;

/** The JSON Schemas of the answers and of a case file, made from the questionnaire the rules serve now. */
@RestController
@RequestMapping(path = "/schemas", produces = Schemas.SCHEMA_JSON)
class Schemas {

    static final String SCHEMA_JSON = "application/schema+json";

    private final Advisor advisor;

    Schemas(Advisor advisor) {
        this.advisor = advisor;
    }

    @GetMapping("/answers.json")
    ObjectNode answers() {
        return AnswerSchemas.answersFile(advisor.questionnaire());
    }

    @GetMapping("/sample.json")
    ObjectNode sample() {
        return AnswerSchemas.sampleFile(advisor.questionnaire());
    }
}
