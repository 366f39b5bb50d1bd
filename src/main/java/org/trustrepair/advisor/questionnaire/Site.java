package org.trustrepair.advisor.questionnaire;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.trustrepair.advisor.advice.Advisor;

/**
 * What every page's frame shows (the service name, the way out, the rules version), for the questionnaire pages and
 * the error pages alike, so that even an error page has its "Leave this page quickly".
 */
@ControllerAdvice(assignableTypes = {QuestionnaireController.class, ErrorController.class})
class Site {

    /** The frame of a page. */
    record Frame(String service, String leaveUrl, String rulesVersion) {}

    private final Advisor advisor;
    private final WebSettings settings;

    Site(Advisor advisor, WebSettings settings) {
        this.advisor = advisor;
        this.settings = settings;
    }

    @ModelAttribute("site")
    Frame frame() {
        return new Frame(advisor.questionnaire().title(), settings.leaveUrl(), advisor.rulesVersion());
    }
}
