package org.trustrepair.advisor.questionnaire;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.advice.Questionnaire.Question;

/**
 * The journey: start, one question per page, check your answers, the plan (and the plan as text).
 *
 * <p>Every step after the start is a POST whose body carries the earlier answers as hidden fields; each page is
 * rendered in answer to that POST, never by a redirect, so no answer ever reaches a URL. Which question comes next,
 * and whether an answer is valid, come from the questionnaire definition and the API's reader; the plan comes from the
 * Advisor.
 */
@Controller
class QuestionnaireController {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireController.class);
    private static final String START = "questionnaire/start";
    private static final String QUESTION = "questionnaire/question";
    private static final String CHECK = "questionnaire/check";
    private static final String PLAN = "questionnaire/plan";
    private static final String PLAN_TEXT = "questionnaire/plan.txt";
    private static final String RETURN_TO_CHECK = "check";

    private final Advisor advisor;
    private final ITemplateEngine templates;
    private final Site site;

    QuestionnaireController(Advisor advisor, ITemplateEngine templates, Site site) {
        this.advisor = advisor;
        this.templates = templates;
        this.site = site;
    }

    @GetMapping("/")
    String start(Model model) {
        return startPage(model);
    }

    @GetMapping("/questions")
    String firstQuestion(Model model) {
        Journey journey = Journey.start(advisor.questionnaire());
        return journey.first()
                .map(q -> questionPage(journey, q, List.of(), false, model))
                .orElseGet(() -> startPage(model));
    }

    /** A plan or a download is only ever the answer to a POST: a bare address starts again. */
    @GetMapping({"/plan", "/plan/text"})
    String noAnswersHere() {
        return "redirect:/";
    }

    /**
     * Every move between questions. The form says which question it was on ({@code question}) or asks to go back
     * ({@code go=back}, {@code from}), to change one answer from the check page ({@code change}), or to see the check
     * page again ({@code go=check}).
     */
    @PostMapping("/questions")
    String answer(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        boolean returning = RETURN_TO_CHECK.equals(form.getFirst("returning"));
        String change = form.getFirst("change");
        String go = form.getFirst("go");
        if (change != null || "check".equals(go) || "back".equals(go)) {
            Journey journey = Journey.from(advisor.questionnaire(), form, null);
            if (change != null) {
                return journey.question(change)
                        .filter(q -> journey.applies(q.id()))
                        .map(q -> questionPage(journey, q, List.of(), true, model))
                        .orElseGet(() -> checkPage(journey, model));
            }
            if ("check".equals(go) || returning) {
                return checkPage(journey, model);
            }
            String from = form.getFirst("from");
            Optional<Question> previous = from == null || from.isBlank() ? journey.last() : journey.before(from);
            return previous.map(q -> questionPage(journey, q, List.of(), false, model))
                    .orElseGet(() -> startPage(model));
        }

        String current = form.getFirst("question");
        Journey journey = Journey.from(advisor.questionnaire(), form, current);
        Optional<Question> question = journey.question(current).filter(q -> journey.applies(q.id()));
        if (question.isEmpty()) {
            return firstQuestion(model);
        }
        List<FieldProblem> problems = journey.problemsWith(current);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return questionPage(journey, question.get(), problems, returning, model);
        }
        Optional<Question> next = returning ? journey.unansweredAfter(current) : journey.after(current);
        return next.map(q -> questionPage(journey, q, List.of(), returning, model))
                .orElseGet(() -> checkPage(journey, model));
    }

    @PostMapping("/plan")
    String plan(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        Journey journey = Journey.from(advisor.questionnaire(), form, null);
        AnswersReader.Result read = journey.read();
        if (!read.ok()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return firstProblem(journey, read.problems())
                    .map(q -> questionPage(journey, q, journey.problemsWith(q.id()), true, model))
                    .orElseGet(() -> checkPage(journey, model));
        }
        AdvicePlan plan = advisor.advise(read.answers());
        model.addAttribute("view", PlanView.of(plan, read.answers().hasSafetyFlag()));
        model.addAttribute("hidden", journey.hidden());
        return PLAN;
    }

    /** The same plan as plain text, for the person to keep: built from the answers in the body, as the page was. */
    @PostMapping("/plan/text")
    ResponseEntity<String> planText(@RequestParam MultiValueMap<String, String> form, Locale locale) {
        Journey journey = Journey.from(advisor.questionnaire(), form, null);
        AnswersReader.Result read = journey.read();
        MediaType text = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        if (!read.ok()) {
            return ResponseEntity.badRequest()
                    .contentType(text)
                    .cacheControl(CacheControl.noStore())
                    .body(templates.process("questionnaire/no-answers.txt", new Context(locale)));
        }
        AdvicePlan plan = advisor.advise(read.answers());
        Context context = new Context(
                locale,
                Map.of(
                        "view", PlanView.of(plan, read.answers().hasSafetyFlag()),
                        "title", advisor.questionnaire().title()));
        return ResponseEntity.ok()
                .contentType(text)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("trust-repair-plan.txt")
                                .build()
                                .toString())
                .body(templates.process(PLAN_TEXT, context));
    }

    /** A fault in the rules, not in the answers: say so calmly, keep nothing, log no answer. */
    @ExceptionHandler(EvaluationException.class)
    ModelAndView noPlan(EvaluationException e) {
        log.error("No plan could be made for a web questionnaire: {}", e.getMessage());
        ModelAndView page = new ModelAndView("questionnaire/no-plan", HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("site", site.frame());
        page.addObject("helplines", advisor.helplinesWithoutAPlan());
        return page;
    }

    private Optional<Question> firstProblem(Journey journey, List<FieldProblem> problems) {
        List<String> fields = problems.stream().map(Journey::fieldOf).toList();
        return journey.applicable().stream()
                .filter(q -> fields.contains(q.field()))
                .findFirst()
                .or(() -> fields.stream()
                        .map(journey.questionnaire()::question)
                        .flatMap(Optional::stream)
                        .findFirst());
    }

    private String questionPage(
            Journey journey, Question question, List<FieldProblem> problems, boolean returning, Model model) {
        model.addAttribute("question", journey.worded(question));
        model.addAttribute("values", journey.values(question.id()));
        model.addAttribute("errors", PageError.of(question, problems));
        model.addAttribute("hidden", journey.hidden(question.id()));
        model.addAttribute("backHidden", journey.hidden());
        model.addAttribute("position", journey.position(question.id()));
        model.addAttribute("total", journey.total());
        model.addAttribute("returning", returning);
        return QUESTION;
    }

    private String startPage(Model model) {
        model.addAttribute("questionnaire", advisor.questionnaire());
        return START;
    }

    private String checkPage(Journey journey, Model model) {
        model.addAttribute("rows", journey.rows());
        model.addAttribute("hidden", journey.hidden());
        return CHECK;
    }
}
