package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextInput;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * A person without JavaScript: HtmlUnit over MockMvc (through the real security filters), filling in and submitting
 * the forms the pages give. Records every request and response so that tests can look at URLs and headers.
 */
final class NoScriptVisitor {

    static final String START = "http://localhost/";

    final List<WebRequest> requests = new ArrayList<>();
    final List<WebResponse> responses = new ArrayList<>();
    private final WebClient client;

    NoScriptVisitor(WebClient client) {
        this.client = client;
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getCookieManager().clearCookies();
        new WebConnectionWrapper(client) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                requests.add(request);
                WebResponse response = super.getResponse(request);
                responses.add(response);
                return response;
            }
        };
    }

    /** Answers as the page takes them: field to the values to choose or type; absent means left blank. */
    static Map<String, List<String>> answers(Object... fieldsAndValues) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object value = fieldsAndValues[i + 1];
            answers.put(
                    (String) fieldsAndValues[i],
                    value instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(value)));
        }
        return answers;
    }

    HtmlPage startPage() throws IOException {
        return client.getPage(START);
    }

    HtmlPage firstQuestion() throws IOException {
        return startPage().getAnchorByText("Start now").click();
    }

    /** The question the page asks (its id: the field, or safetyFear…), or null when it is not a question page. */
    static String field(HtmlPage page) {
        DomElement question = page.querySelector("input[name=question]");
        return question == null ? null : question.getAttribute("value");
    }

    static boolean isCheckPage(HtmlPage page) {
        return page.getTitleText().startsWith("Check your answers");
    }

    static boolean isPlanPage(HtmlPage page) {
        return page.querySelector("main.main--plan") != null;
    }

    /** Enters {@code values} for the question on the page (none: leaves it blank) and presses Continue. */
    static HtmlPage answer(HtmlPage page, List<String> values) throws IOException {
        String field = field(page);
        assertThat(field).as("a question page: %s", page.getTitleText()).isNotNull();
        HtmlForm form = ((HtmlInput) page.querySelector("input[name=question]")).getEnclosingForm();
        for (HtmlInput input : form.getInputsByName(field)) {
            if (input instanceof HtmlTextInput text) {
                text.setValue(values.isEmpty() ? "" : values.get(0));
            } else if (input instanceof HtmlRadioButtonInput || input instanceof HtmlCheckBoxInput) {
                input.setChecked(values.contains(input.getValueAttribute()));
            }
        }
        return continueOn(form);
    }

    static HtmlPage continueOn(HtmlForm form) throws IOException {
        return form.getButtonByName("go").click();
    }

    /** What happened on the way from the first question to the check page. */
    record Walk(List<String> asked, HtmlPage checkPage) {}

    /**
     * Answers every question asked, from {@code answers} (blank when absent), until the check-your-answers page. The
     * answers are by question id; a {@code safety} list is ticked wherever its flags are offered, on each of the
     * safety questions, as a person ticks each danger on its own page.
     */
    Walk walk(Map<String, List<String>> answers) throws IOException {
        HtmlPage page = firstQuestion();
        List<String> asked = new ArrayList<>();
        while (!isCheckPage(page)) {
            String field = field(page);
            assertThat(asked).as("no question is asked twice").doesNotContain(field);
            asked.add(field);
            List<String> values = answers.containsKey(field)
                    ? answers.get(field)
                    : field.startsWith("safety") ? answers.getOrDefault("safety", List.of()) : List.of();
            page = answer(page, values);
            assertThat(page.getWebResponse().getStatusCode())
                    .as("answer to %s accepted", field)
                    .isEqualTo(200);
        }
        return new Walk(asked, page);
    }

    static HtmlPage seePlan(HtmlPage checkPage) throws IOException {
        return button(checkPage, "See your plan").click();
    }

    /** The whole journey: start, questions, check, plan. */
    HtmlPage plan(Map<String, List<String>> answers) throws IOException {
        HtmlPage plan = seePlan(walk(answers).checkPage());
        assertThat(isPlanPage(plan))
                .as("the plan page: %s", plan.getTitleText())
                .isTrue();
        return plan;
    }

    static HtmlElement button(HtmlPage page, String text) {
        return page.getByXPath("//button").stream()
                .map(HtmlElement.class::cast)
                .filter(b -> b.asNormalizedText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "' on " + page.getTitleText()));
    }

    static List<String> texts(HtmlPage page, String selector) {
        return page.querySelectorAll(selector).stream()
                .map(DomNode::asNormalizedText)
                .toList();
    }

    static DomNode find(HtmlPage page, String selector) {
        return page.querySelector(selector);
    }

    static boolean checked(HtmlPage page, String selector) {
        DomNode input = page.querySelector(selector);
        assertThat(input).as(selector).isInstanceOf(HtmlInput.class);
        return ((HtmlInput) input).isChecked();
    }

    static String attribute(HtmlPage page, String selector, String name) {
        DomElement element = page.querySelector(selector);
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    static String text(HtmlPage page, String selector) {
        DomNode node = page.querySelector(selector);
        return node == null ? null : node.asNormalizedText();
    }
}
