package org.trustrepair.advisor.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Questionnaire;

/** Answers in, advice plan out; and the questionnaire's definition. Stateless: nothing is kept. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AdviceController {

    private final Advisor advisor;

    AdviceController(Advisor advisor) {
        this.advisor = advisor;
    }

    @PostMapping("/advice")
    AdvicePlan advise(@RequestBody JsonNode body) {
        AnswersReader.Result read = AnswersReader.strict().read(body);
        if (!read.ok()) {
            throw new InvalidAnswersException(read.problems());
        }
        return advisor.advise(read.answers());
    }

    @GetMapping("/questionnaire")
    Questionnaire questionnaire() {
        return advisor.questionnaire();
    }
}
