package org.trustrepair.advisor.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trustrepair.advisor.advice.AdvicePlan;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.AnswersReader;

/**
 * The journey in a real browser, by keyboard alone: Debian's headless Chromium, driven through Selenium with the
 * page's JavaScript on. Every page is checked with axe-core (no serious or critical violation, light and dark), for
 * reflow at 320 px, for targets of at least 24 px, and for a visible focus on everything Tab reaches. Screenshots at
 * phone and desktop widths go to {@code target/screenshots} (or {@code -Dscreenshots.dir}), with the printed plan as a
 * PDF and axe's minor and moderate findings beside them.
 *
 * <p>Chromium missing: the test fails when {@code CI=true} and is skipped elsewhere.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "advisor.web.leave-url=/left-for-test.html")
class QuestionnaireBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go: {@code -Dscreenshots.dir=docs/screenshots} refreshes the README's. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private static final Path REPORTS = Path.of("target", "screenshots");
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;

    private static ChromeDriver driver;
    private static Path profile;
    private static String axeSource;
    private static final List<String> report = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    Advisor advisor;

    @BeforeAll
    static void startChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("The browser test needs Debian's chromium and chromium-driver in CI: apt-get install chromium "
                    + "chromium-driver (.ci/run does this when run as root).");
        }
        Assumptions.assumeTrue(installed, "No Chromium at /usr/bin/chromium: browser test skipped (CI is not set)");

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--hide-scrollbars",
                "--lang=en-GB",
                "--window-size=" + DESKTOP + ",900",
                "--user-data-dir=" + profile.toAbsolutePath());
        // the driver is named outright, so Selenium Manager never tries to download one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        try (var in = QuestionnaireBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core in src/test/resources/axe").isNotNull();
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        if (!report.isEmpty()) {
            Files.createDirectories(REPORTS);
            Files.write(REPORTS.resolve("axe-minor-and-moderate.txt"), report);
        }
    }

    @BeforeEach
    void lightScheme() {
        scheme("light");
        driver.manage().deleteAllCookies();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    // ---- the journeys ----

    @Test
    void thePersonWhoBrokeTrustGetsFromTheStartToAPlanByKeyboard() throws IOException {
        driver.get(url("/"));
        checkPage("start");
        screenshot("start");
        assertThat(driver.getTitle()).isEqualTo("Repairing broken trust");
        assertThat(driver.findElement(By.cssSelector(".js-only")).isDisplayed())
                .as("the page script ran")
                .isTrue();

        follow(driver.findElement(By.linkText("Start now")));
        choose("role", "BROKE_TRUST");
        checkPage("question role");
        checkDark("question role");
        screenshot("question");
        continueOn();
        choose("relationship", "ROMANTIC");
        continueOn();
        choose("breach", "HALF_TRUTHS");
        continueOn();
        assertThat(field()).isEqualTo("disclosure");
        choose("disclosure", "DISCOVERED");
        continueOn();
        choose("readiness", "NEEDS_SPACE");
        continueOn();

        // no answer: the same page with its error, focus on the summary, its link leads to the box
        assertThat(field()).isEqualTo("daysElapsed");
        continueOn();
        assertThat(driver.getTitle()).isEqualTo("Error: How many days ago did they find out? – Repairing broken trust");
        WebElement summary = driver.findElement(By.cssSelector(".error-summary"));
        assertThat(active()).as("focus moved to the error summary").isEqualTo(summary);
        checkPage("error");
        checkDark("error");
        screenshot("error");
        press(Keys.TAB);
        assertThat(active().getAttribute("href")).endsWith("#daysElapsed");
        press(Keys.ENTER);
        assertThat(active().getAttribute("id"))
                .as("the link put focus in the box")
                .isEqualTo("daysElapsed");
        type("20");
        pressAndWaitForPage(Keys.ENTER);

        assertThat(field()).isEqualTo("stillHappening");
        choose("stillHappening", "false");
        continueOn();
        choose("happenedBefore", "false");
        continueOn();
        assertThat(field()).isEqualTo("apologiesMade");
        tabTo(driver.findElement(By.id("apologiesMade")));
        type("2");
        continueOn();
        assertThat(field()).isEqualTo("othersAffected");
        continueOn();
        assertThat(field()).isEqualTo("contactUnavoidable");
        continueOn();
        assertThat(field()).isEqualTo("safetyFear");
        checkPage("question safety");
        continueOn();
        for (String danger : List.of("safetyViolence", "safetyControl", "safetySelfHarm", "safetyOrder")) {
            assertThat(field()).isEqualTo(danger);
            continueOn();
        }

        assertThat(driver.getTitle()).startsWith("Check your answers");
        checkPage("check answers");
        checkDark("check answers");
        WebElement change = changeButtonFor("What is the relationship?");
        follow(change);
        assertThat(field()).isEqualTo("relationship");
        assertThat(driver.findElement(By.id("relationship")).isSelected())
                .as("the earlier answer is chosen")
                .isTrue();
        choose("relationship", "FAMILY");
        continueOn();
        assertThat(driver.getTitle()).startsWith("Check your answers");
        assertThat(driver.findElement(By.cssSelector(".summary")).getText()).contains("Family");
        screenshot("check-answers");

        follow(buttonNamed("See your plan"));
        AdvicePlan expected = advise(Map.of(
                "relationship",
                "FAMILY",
                "breach",
                "HALF_TRUTHS",
                "readiness",
                "NEEDS_SPACE",
                "daysElapsed",
                "20",
                "disclosure",
                "DISCOVERED",
                "stillHappening",
                "false",
                "happenedBefore",
                "false",
                "apologiesMade",
                "2"));
        assertPlanShown(expected);
        assertThat(driver.findElements(By.cssSelector("section.safety"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("p.track")).getText())
                .isEqualTo("Step back, and let what you do speak for you.");

        // each reason one key away
        WebElement why = driver.findElement(By.cssSelector("details.why summary"));
        tabTo(why);
        press(Keys.ENTER);
        assertThat(why.findElement(By.xpath("..")).getAttribute("open")).isNotNull();
        assertThat(why.findElement(By.xpath(".."))
                        .findElement(By.cssSelector(".why__body"))
                        .isDisplayed())
                .isTrue();

        // Print works with JavaScript: the button shows and the no-JavaScript hint does not
        assertThat(buttonNamed("Print this plan").isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".plan-actions__hint")).isDisplayed())
                .isFalse();
        assertThat(buttonNamed("Download as text").isDisplayed()).isTrue();
        checkPage("plan");
        screenshot("plan");
        printPreview("plan");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/plan"));
    }

    @Test
    void aSafetyConcernPutsHelpLinesFirst() throws IOException {
        driver.get(url("/"));
        follow(driver.findElement(By.linkText("Start now")));
        choose("role", "WAS_HURT");
        continueOn();
        choose("relationship", "FAMILY");
        continueOn();
        choose("breach", "BROKEN_CONFIDENCE");
        continueOn();
        assertThat(field()).as("how they responded, not where they stand").isEqualTo("theirResponse");
        continueOn();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("How many days ago did you find out?");
        tabTo(driver.findElement(By.id("daysElapsed")));
        type("10");
        continueOn();
        assertThat(field())
                .as("no question about disclosure for the hurt party")
                .isEqualTo("stillHappening");
        choose("stillHappening", "true");
        continueOn();
        continueOn(); // happenedBefore
        assertThat(field()).as("no question about apologies for the hurt party").isEqualTo("othersAffected");
        continueOn();
        continueOn(); // contactUnavoidable
        assertThat(field()).isEqualTo("safetyFear");
        continueOn();
        tick("safetyViolence", "VIOLENCE_BY_THEM");
        checkPage("question safety ticked");
        continueOn();
        tick("safetyControl", "CONTROL_BY_THEM");
        continueOn();
        continueOn(); // safetySelfHarm
        continueOn(); // safetyOrder
        assertThat(driver.findElement(By.cssSelector(".summary")).getText())
                .contains("They have hurt or threatened me", "They do this to me", "Not answered, so taken as: No")
                .doesNotContain("How much do they know");
        follow(buttonNamed("See your plan"));

        AdvicePlan expected = advise(Map.of(
                "role",
                "WAS_HURT",
                "relationship",
                "FAMILY",
                "breach",
                "BROKEN_CONFIDENCE",
                "daysElapsed",
                "10",
                "stillHappening",
                "true",
                "safety",
                "VIOLENCE_BY_THEM,CONTROL_BY_THEM"));
        assertPlanShown(expected);
        WebElement safety = driver.findElement(By.cssSelector("section.safety"));
        WebElement situation = driver.findElement(By.cssSelector("section.situation"));
        assertThat(safety.getLocation().getY())
                .as("safety first, above the situation")
                .isLessThan(situation.getLocation().getY());
        assertThat(safety.getText())
                .contains("If anyone is in danger right now", "National Domestic Abuse Helpline", "0808 2000 247");
        assertThat(safety.getCssValue("border-left-width")).as("it stands out").isEqualTo("8px");
        checkPage("safety plan");
        screenshot("safety-plan");
        checkDark("safety plan");
        scheme("dark");
        screenshot("safety-plan-dark", PHONE);
        scheme("light");
    }

    @Test
    void leaveThisPageQuicklyReplacesThePageInTheHistory() throws IOException {
        driver.get(url("/"));
        follow(driver.findElement(By.linkText("Start now")));
        long before = history();
        press(Keys.ESCAPE);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/left-for-test.html"));
        assertThat(history())
                .as("Escape replaced the page, it added no history entry")
                .isEqualTo(before);

        driver.get(url("/"));
        long again = history();
        tabTo(driver.findElement(By.id("leave")));
        press(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/left-for-test.html"));
        assertThat(history()).as("the link replaced the page too").isEqualTo(again);
        assertThat(driver.manage().getCookies()).allSatisfy(c -> {
            assertThat(c.getName()).as("no cookie but the session's").isEqualTo("JSESSIONID");
            assertThat(c.isHttpOnly()).isTrue();
        });
        assertThat((String) js("return JSON.stringify(Object.keys(localStorage).concat(Object.keys(sessionStorage)))"))
                .isEqualTo("[]");
    }

    @Test
    void errorPagesOfTheRealServerAreCalmAndCarryTheHeaders() throws IOException {
        driver.get(url("/no-such-page"));
        assertThat(driver.getTitle()).isEqualTo("Page not found – Repairing broken trust");
        assertThat(driver.findElement(By.id("leave")).getAttribute("href")).endsWith("/left-for-test.html");
        checkPage("not found");
    }

    // ---- the plan ----

    AdvicePlan advise(Map<String, String> answers) {
        var json = new ObjectMapper().createObjectNode();
        answers.forEach((field, value) -> {
            if (field.equals("safety")) {
                var flags = json.putArray("safety");
                List.of(value.split(",")).forEach(flags::add);
            } else {
                json.put(field, value);
            }
        });
        AnswersReader.Result read = AnswersReader.textual().read(json);
        assertThat(read.problems()).isEmpty();
        return advisor.advise(read.answers());
    }

    void assertPlanShown(AdvicePlan plan) {
        assertThat(driver.getTitle()).isEqualTo("Your plan – Repairing broken trust");
        assertThat(texts(".step__title"))
                .containsExactlyElementsOf(
                        plan.steps().stream().map(AdvicePlan.Step::title).toList());
        assertThat(texts(".withheld__title"))
                .containsExactlyElementsOf(plan.withheld().stream()
                        .map(AdvicePlan.WithheldAdvice::title)
                        .toList());
        assertThat(driver.findElement(By.cssSelector("p.track")).getAttribute("data-track"))
                .isEqualTo(plan.classification().track().name());
        assertThat(driver.findElement(By.cssSelector(".site-footer__version")).getText())
                .isEqualTo("Rules version " + plan.rulesVersion());
    }

    List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    // ---- keyboard ----

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /** Tabs forward until {@code target} has focus, checking that everything reached shows its focus. */
    void tabTo(WebElement target) {
        for (int i = 0; i < 80; i++) {
            if (active().equals(target)) {
                assertFocusVisible(target);
                return;
            }
            press(Keys.TAB);
            if (!active().getTagName().equals("body")) {
                assertFocusVisible(active());
            }
        }
        fail("Tab never reached " + target.getTagName() + " '" + target.getText() + "' on " + driver.getTitle());
    }

    void assertFocusVisible(WebElement element) {
        String style = (String) js(
                "var s = getComputedStyle(arguments[0]);"
                        + "return s.outlineStyle + '|' + s.outlineWidth + '|' + s.boxShadow + '|' + s.backgroundColor;",
                element);
        String[] parts = style.split("\\|");
        boolean outline = !parts[0].equals("none") && !parts[1].equals("0px") && !style.contains("transparent|");
        boolean shadow = !parts[2].equals("none");
        assertThat(outline || shadow)
                .as(
                        "visible focus on %s '%s' (%s) on %s",
                        element.getTagName(), element.getText(), style, driver.getTitle())
                .isTrue();
    }

    void pressAndWaitForPage(CharSequence key) {
        WebElement page = driver.findElement(By.tagName("html"));
        press(key);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Tab to a link or button and press Enter. */
    void follow(WebElement target) {
        tabTo(target);
        pressAndWaitForPage(Keys.ENTER);
    }

    void continueOn() {
        follow(buttonNamed("Continue"));
    }

    WebElement buttonNamed(String name) {
        return driver.findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + name + "' on " + driver.getTitle()));
    }

    WebElement changeButtonFor(String question) {
        return driver.findElements(By.cssSelector(".summary__actions button")).stream()
                .filter(b -> ("Change your answer to: " + question).equals(b.getAccessibleName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Change button for " + question));
    }

    String field() {
        return driver.findElement(By.name("question")).getAttribute("value");
    }

    /** Picks a radio answer as a keyboard user does: Tab into the group, then arrows (or Space on the first). */
    void choose(String field, String value) {
        assertThat(field()).isEqualTo(field);
        List<WebElement> radios = driver.findElements(By.cssSelector("input[type=radio][name=" + field + "]"));
        WebElement entry =
                radios.stream().filter(WebElement::isSelected).findFirst().orElse(radios.get(0));
        tabTo(entry);
        for (int i = 0; i <= radios.size(); i++) {
            WebElement at = active();
            if (value.equals(at.getAttribute("value"))) {
                if (!at.isSelected()) {
                    press(Keys.SPACE);
                }
                assertThat(at.isSelected()).isTrue();
                return;
            }
            press(Keys.ARROW_DOWN);
        }
        fail("could not reach " + value + " in " + field);
    }

    void tick(String field, String value) {
        WebElement box =
                driver.findElement(By.cssSelector("input[type=checkbox][name=" + field + "][value=" + value + "]"));
        tabTo(box);
        press(Keys.SPACE);
        assertThat(box.isSelected()).isTrue();
    }

    long history() {
        return ((Number) js("return history.length")).longValue();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    // ---- checks on every page ----

    /** axe-core, reflow at 320 px, and target sizes. */
    void checkPage(String name) throws IOException {
        runAxe(name);
        assertReflowsAt320(name);
        assertTargetsAtLeast24px(name);
    }

    /** The dark scheme (the device's setting) passes axe too, contrast above all. */
    void checkDark(String name) throws IOException {
        scheme("dark");
        try {
            runAxe(name + ", dark");
        } finally {
            scheme("light");
        }
    }

    void runAxe(String name) throws IOException {
        if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined'"))) {
            js(axeSource);
        }
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22aa', 'best-practice']}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });");
        assertThat(String.valueOf(result)).as("axe ran on %s", name).doesNotStartWith("ERROR");
        JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            List<String> targets = new ArrayList<>();
            v.get("nodes").forEach(n -> targets.add(n.get("target").toString()));
            String line = name + ": " + v.get("impact").asText() + " "
                    + v.get("id").asText() + " (" + v.get("help").asText() + ") at " + targets;
            if (List.of("serious", "critical").contains(v.get("impact").asText())) {
                serious.add(line);
            } else {
                report.add(line);
            }
        }
        assertThat(serious)
                .as("serious or critical accessibility problems on %s", name)
                .isEmpty();
    }

    void assertReflowsAt320(String name) {
        metrics(320, 640);
        try {
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue())
                    .as("no sideways scrolling at 320 px on %s", name)
                    .isLessThanOrEqualTo(0);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** WCAG 2.5.8: controls are at least 24 by 24 px (links inside a sentence are exempt). */
    void assertTargetsAtLeast24px(String name) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js("return Array.from(document.querySelectorAll("
                + "'button, input:not([type=hidden]), summary, a'))"
                + ".filter(function (e) { var s = getComputedStyle(e); return s.display !== 'none' && s.visibility !== "
                + "'hidden' && e.getClientRects().length > 0 && !(e.tagName === 'A' && s.display === 'inline'); })"
                + ".filter(function (e) { var r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })"
                + ".filter(function (e) { return !e.classList.contains('skip-link'); })"
                + ".map(function (e) { var r = e.getBoundingClientRect(); return e.outerHTML.slice(0, 80) + ' '"
                + " + Math.round(r.width) + 'x' + Math.round(r.height); });");
        assertThat(small).as("targets under 24 px on %s", name).isEmpty();
    }

    // ---- screenshots ----

    void screenshot(String name) throws IOException {
        screenshot(name, PHONE);
        screenshot(name, DESKTOP);
    }

    void screenshot(String name, int width) throws IOException {
        screenshot(name, width, SCREENSHOTS);
    }

    void screenshot(String name, int width, Path folder) throws IOException {
        String suffix = width == PHONE ? "phone" : "desktop";
        metrics(width, width == PHONE ? 844 : 900);
        js("window.scrollTo(0, 0)");
        try {
            long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.createDirectories(folder);
            Files.write(
                    folder.resolve(name + "-" + suffix + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The plan as the print stylesheet lays it out, as an image and as a PDF whose pages are counted. */
    void printPreview(String name) throws IOException {
        Map<String, Object> pdf = driver.executeCdpCommand(
                "Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", false, "preferCSSPageSize", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(REPORTS);
        Files.write(REPORTS.resolve(name + "-print.pdf"), bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
        report.add(name + ": printed on " + pages + " A4 page(s)");
        assertThat(pages).as("the printed plan is short").isBetween(1, 3);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            screenshot(name + "-print", DESKTOP, REPORTS);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    void metrics(int width, int height) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("width", width);
        metrics.put("height", height);
        metrics.put("deviceScaleFactor", 1);
        metrics.put("mobile", width < 600);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
    }

    static void scheme(String scheme) {
        if (driver != null) {
            driver.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        }
    }
}
