package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.RulesFolder;
import org.trustrepair.advisor.batch.CaseReader;
import org.unbescape.html.HtmlEscape;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** The batch command as a user meets it: arguments in; exit code, JSON lines and messages out. */
class BatchCommandTest {

    /** How a case that expects the safety track and an apology, and gets a plan that steps back, is told so. */
    private static final String TRACK_FAILS = "track should be SAFETY (“Safety comes first. Everything else can wait.”)"
            + " but is STEP_BACK (“Step back, and let what you do speak for you.”)";

    private static final String STEP_FAILS =
            "step “Apologize fully, once” (apologize-fully) should be given but is not";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = """
      {"id":"%s","answers":{"relationship":"ROMANTIC","breach":"HALF_TRUTHS","readiness":"NEEDS_SPACE",\
      "daysElapsed":20,"apologiesMade":2}%s}""";

    @TempDir
    Path dir;

    /** One run of the command: its exit code, what it wrote to stdout and to stderr. */
    record Run(int exit, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(BatchCommandTest::parse).toList();
        }
    }

    static Run run(String... args) {
        Advisor advisor = RulesFolder.advisor();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == BatchCommand.class
                        ? type.cast(new BatchCommand(rules -> advisor))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        return runWith(new CommandLine(new Commands(), factory), args);
    }

    static Run runWith(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String good(String id) {
        return GOOD.formatted(id, "");
    }

    private static String good(String id, String expected) {
        return GOOD.formatted(id, ",\"expected\":" + expected);
    }

    @Nested
    class Samples {

        @Test
        void everySampleGetsItsPlanAndPassesItsExpectation() throws IOException {
            long samples;
            try (Stream<Path> files = Files.list(Path.of("samples"))) {
                samples = files.filter(p -> p.toString().endsWith(".json")).count();
            }

            Run run = run("batch", "samples");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.lines()).hasSize((int) samples).allSatisfy(line -> {
                assertThat(line.path("plan").path("steps").size()).isPositive();
                assertThat(line.path("expectation").path("passed").asBoolean()).isTrue();
                assertThat(line.path("file").asText()).startsWith("samples/");
                assertThat(line.has("error")).isFalse();
            });
            assertThat(run.lines()).extracting(l -> l.path("file").asText()).isSorted();
            assertThat(run.err()).contains(samples + " cases: " + samples + " passed, 0 failed, 0 errors");
        }

        @Test
        void readsTheRulesFolderItIsGiven() {
            CommandLine real = new CommandLine(new Commands());

            Run run = runWith(real, "batch", "--rules", "rules", "samples/comment-1-half-truths-told-to-move-on.json");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.lines())
                    .singleElement()
                    .satisfies(
                            l -> assertThat(l.path("plan").path("rulesVersion").asText())
                                    .isEqualTo(RulesFolder.advisor().rulesVersion()));
        }

        @Test
        void writesToTheOutFileAndNothingToStdout() throws IOException {
            Path out = dir.resolve("deep/folder/plans.jsonl");

            Run run = run("batch", "samples", "--out", out.toString());

            assertThat(run.exit()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(Files.readAllLines(out))
                    .hasSizeGreaterThanOrEqualTo(20)
                    .allSatisfy(line -> assertThat(parse(line).has("plan")).isTrue());
        }
    }

    @Nested
    class NothingLost {

        @Test
        void aBrokenLineAndAnUnknownValueLeaveEveryOtherPlanAndExitTwo() throws IOException {
            Path file = write(
                    "cases.jsonl",
                    String.join(
                                    "\n",
                                    good("first"),
                                    "{\"id\":\"broken\",\"answers\":{\"relationship\":\"ROMANTIC\",",
                                    good("second").replace("HALF_TRUTHS", "CANARY_VALUE_123"),
                                    "",
                                    "{\"id\":\"no-breach\",\"answers\":{\"relationship\":\"ROMANTIC\",\"readiness\":\"NEEDS_SPACE\","
                                            + "\"daysElapsed\":3}}",
                                    good("last"))
                            + "\n");

            Run run = run("batch", file.toString());

            assertThat(run.exit()).isEqualTo(2);
            List<JsonNode> lines = run.lines();
            assertThat(lines).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 3, 5, 6);
            assertThat(lines.get(0).has("plan")).isTrue();
            assertThat(lines.get(4).has("plan")).isTrue();
            assertThat(lines.get(4).path("id").asText()).isEqualTo("last");
            assertThat(lines.get(1).path("error").path("reason").asText()).contains("not valid JSON");
            assertThat(lines.get(2).path("id").asText()).isEqualTo("second");
            assertThat(lines.get(2).path("error").path("reason").asText())
                    .contains("answers.breach", "must be one of the allowed values", "INFIDELITY", "HALF_TRUTHS");
            assertThat(lines.get(2)
                            .path("error")
                            .path("problems")
                            .get(0)
                            .path("field")
                            .asText())
                    .isEqualTo("answers.breach");
            assertThat(lines.get(3).path("error").path("reason").asText()).contains("answers.breach", "is required");
            assertThat(lines)
                    .allSatisfy(l -> assertThat(l.path("file").asText()).isEqualTo(file.toString()));
            assertThat(run.err())
                    .contains(file + ":2: not valid JSON")
                    .contains(file + ":3: answers.breach: must be one of the allowed values")
                    .contains(file + ":5: answers.breach: is required")
                    .contains("5 cases: 0 passed, 0 failed, 3 errors, 2 without expectation");
        }

        @Test
        void neverRepeatsAnAnswerValueAnywhere() throws IOException {
            Path jsonl = write(
                    "canary.jsonl",
                    String.join(
                            "\n",
                            good("unknown-value").replace("HALF_TRUTHS", "CANARY_VALUE_123"),
                            "{\"id\":\"bare-token\",\"answers\":{\"breach\":CANARY_VALUE_123}}",
                            "{\"id\":\"wrong-type\",\"answers\":{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\","
                                    + "\"readiness\":\"NEEDS_SPACE\",\"daysElapsed\":\"CANARY_VALUE_123\","
                                    + "\"safety\":[\"CANARY_VALUE_123\"]}}",
                            "{\"id\":\"unterminated\",\"answers\":{\"breach\":\"CANARY_VALUE_123"));
            Path csv = write("canary.csv", """
          id,relationship,breach,readiness,daysElapsed,stillHappening,safety
          row,ROMANTIC,CANARY_VALUE_123,NEEDS_SPACE,CANARY_VALUE_123,CANARY_VALUE_123,CANARY_VALUE_123;THEY_FEAR_ME
          """);
            Path report = dir.resolve("report.html");
            Path markdown = dir.resolve("report.md");

            Run run = run("batch", jsonl.toString(), csv.toString(), "--report", report.toString());
            Run again = run("batch", jsonl.toString(), csv.toString(), "--report", markdown.toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .hasSize(5)
                    .allSatisfy(l -> assertThat(l.has("error")).isTrue());
            assertThat(run.out()
                            + run.err()
                            + Files.readString(report)
                            + again.out()
                            + again.err()
                            + Files.readString(markdown))
                    .doesNotContain("CANARY");
            assertThat(run.out())
                    .contains(
                            "answers.breach",
                            "answers.daysElapsed",
                            "answers.safety[0]",
                            "answers.stillHappening",
                            "must be true or false");
        }

        @Test
        void aLineTooLongIsReportedAndSkipped() throws IOException {
            Path file = write(
                    "long.jsonl",
                    good("before") + "\n{\"id\":\"" + "x".repeat(CaseReader.MAX_RECORD_CHARS) + "\"}\n" + good("after")
                            + "\n");

            Run run = run("batch", file.toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .extracting(l -> l.path("id").asText())
                    .containsExactly("before", file + ":2", "after");
            assertThat(run.lines().get(1).path("error").path("reason").asText()).contains("longer than");
        }

        @Test
        void aJsonFileMayHoldOneCaseOrAListOfCases() throws IOException {
            write("cases/one.json", good("single"));
            write("cases/list.json", "[\n" + good("a") + ",\n" + good("b") + "\n]");
            write("cases/broken.json", "{\"id\":\"x\",");
            write("cases/notes.txt", "not a case file, so not read");

            Run run = run("batch", dir.resolve("cases").toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .extracting(l -> l.path("id").asText())
                    .containsExactly("broken", "a", "b", "single");
            assertThat(run.lines()).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 3, 1);
            assertThat(run.lines().get(0).path("error").path("reason").asText()).contains("ends too early");
        }
    }

    @Nested
    class Expectations {

        @Test
        void aFailedExpectationExitsOneAndTheReportExplainsIt() throws IOException {
            Path file = write(
                    "expect.jsonl",
                    good("holds", "{\"track\":\"STEP_BACK\"}") + "\n"
                            + good("fails", "{\"track\":\"SAFETY\",\"steps\":[\"apologize-fully\"]}") + "\n");
            Path report = dir.resolve("out/report.html");

            Run run = run("batch", file.toString(), "--report", report.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.lines().get(0).path("expectation").path("passed").asBoolean())
                    .isTrue();
            JsonNode failed = run.lines().get(1).path("expectation");
            assertThat(failed.path("passed").asBoolean()).isFalse();
            assertThat(failed.path("failures"))
                    .extracting(JsonNode::asText)
                    .as("each step and track in the words people read, beside what the case file writes")
                    .containsExactly(TRACK_FAILS, STEP_FAILS);
            String html = Files.readString(report);
            assertThat(html).contains("Failed expectations (1)", "fails", TRACK_FAILS, STEP_FAILS);
            assertThat(run.err()).contains(file + ":2: fails: expectation failed: track should be SAFETY");
        }

        @Test
        void badRecordsWinOverFailedExpectations() throws IOException {
            Path file = write("both.jsonl", good("fails", "{\"track\":\"SAFETY\"}") + "\n{not json}\n");

            assertThat(run("batch", file.toString()).exit()).isEqualTo(2);
        }

        @Test
        void casesWithoutExpectationsPass() throws IOException {
            Path file = write("plain.jsonl", good("one") + "\n" + good("two") + "\n");

            Run run = run("batch", file.toString());

            assertThat(run.exit()).isZero();
            assertThat(run.lines())
                    .allSatisfy(l -> assertThat(l.has("expectation")).isFalse());
        }
    }

    @Nested
    class Csv {

        @Test
        void readsASpreadsheetWithSafetyFlagsQuotedCellsAndExpectations() throws IOException {
            Path file = write(
                    "cases.csv",
                    "\uFEFFid,description,relationship,breach,readiness,daysElapsed,"
                            + "apologiesMade,stillHappening,safety,expected.track,expected.absentPhases\r\n"
                            + "afraid,\"Two flags, one cell\",ROMANTIC,INFIDELITY,NEEDS_SPACE,3,0,false,"
                            + "THEY_FEAR_ME; CONTROL_BY_ME,SAFETY,APOLOGIZE\r\n"
                            + "\"quoted \"\"id\"\"\",\"a description\nover two lines\",WORKPLACE,HONEST_MISTAKE,WILLING_TO_TALK,"
                            + "12,,,,,\r\n"
                            + "\r\n"
                            + "short,FAMILY\r\n"
                            + "bad-number,,FAMILY,BROKEN_PROMISE,UNDECIDED,twelve,,,,,\r\n");

            Run run = run("batch", file.toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            List<JsonNode> lines = run.lines();
            assertThat(lines)
                    .extracting(l -> l.path("id").asText())
                    .containsExactly("afraid", "quoted \"id\"", file + ":6", "bad-number");
            assertThat(lines).extracting(l -> l.path("line").asInt()).containsExactly(2, 3, 6, 7);
            assertThat(lines.get(0)
                            .path("plan")
                            .path("classification")
                            .path("track")
                            .asText())
                    .isEqualTo("SAFETY");
            assertThat(lines.get(0).path("expectation").path("passed").asBoolean())
                    .isTrue();
            assertThat(lines.get(1).has("plan")).isTrue();
            assertThat(lines.get(2).path("error").path("reason").asText())
                    .isEqualTo("the row has 2 cells but the header has 11");
            assertThat(lines.get(3).path("error").path("reason").asText())
                    .contains("answers.daysElapsed", "a whole number from 0 to 36500");
        }

        @Test
        void readsTheSecondContractsAnswersAndRefusesTheFirstContractsFlags() throws IOException {
            Path file = write(
                    "v2.csv",
                    "id,role,relationship,breach,disclosure,readiness,daysElapsed,contactUnavoidable,theirResponse,safety\n"
                            + "undisclosed,BROKE_TRUST,ROMANTIC,HIDDEN_BEHAVIOUR,UNDISCLOSED,,30,,,\n"
                            + "hurt,WAS_HURT,FAMILY,OTHER,,,30,true,MINIMIZES,I_FEAR_THEM;CONTROL_BY_THEM\n"
                            + "v1-flag,BROKE_TRUST,ROMANTIC,OTHER,,UNDECIDED,3,,,PROTECTIVE_ORDER\n"
                            + "hurt-readiness,WAS_HURT,FAMILY,OTHER,,NEEDS_SPACE,3,,,\n");

            Run run = run("batch", file.toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            List<JsonNode> lines = run.lines();
            assertThat(lines.get(0).has("plan")).as(lines.get(0).toString()).isTrue();
            assertThat(lines.get(1)
                            .path("plan")
                            .path("classification")
                            .path("track")
                            .asText())
                    .isEqualTo("SAFETY");
            assertThat(lines.get(2).path("error").path("reason").asText())
                    .contains("answers.safety[0]", "ORDER_AGAINST_ME or ORDER_PROTECTING_ME")
                    .doesNotContain("PROTECTIVE_ORDER");
            assertThat(lines.get(3).path("error").path("reason").asText())
                    .contains("answers.readiness", "theirResponse")
                    .doesNotContain("NEEDS_SPACE");
        }

        @Test
        void aColumnNamedTwiceIsReportedOnce() throws IOException {
            Path file = write("twice.csv", "breach,breach\nOTHER,OTHER\n");

            Run run = run("batch", file.toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .singleElement()
                    .satisfies(l -> assertThat(l.path("error").path("reason").asText())
                            .contains("the column breach appears twice"));
        }

        @Test
        void anUnknownColumnIsNamedInEveryRowItSpoils() throws IOException {
            Path file = write("typo.csv", "relationship,breach,readines,daysElapsed\nROMANTIC,OTHER,NEEDS_SPACE,3\n");

            Run run = run("batch", file.toString());

            assertThat(run.lines())
                    .singleElement()
                    .satisfies(l -> assertThat(l.path("error").path("reason").asText())
                            .contains("answers.readines: is not a known answer", "answers.readiness: is required"));
        }
    }

    @Nested
    class Reports {

        @Test
        void theHtmlReportHasSummaryTracksCoverageNeverFiredRulesAndCases() throws IOException {
            Path file = write(
                    "few.jsonl",
                    good("<script>alert(1)</script>", "{\"track\":\"SAFETY\"}") + "\n" + good("fine") + "\n{oops\n");
            Path report = dir.resolve("report.html");

            Run run = run("batch", file.toString(), "--report", report.toString());

            String html = Files.readString(report);
            Advisor advisor = RulesFolder.advisor();
            assertThat(run.exit()).isEqualTo(2);
            assertThat(html)
                    .contains(
                            "<section id=\"summary\">",
                            "Cases</th><td>3",
                            "Passed</th><td>0",
                            "Failed</th><td class=\"failed\">1",
                            "Errors</th><td class=\"error\">1",
                            advisor.rulesVersion())
                    .contains("<section id=\"tracks\">", "Cases by track")
                    .contains("<section id=\"coverage\">", "Times each rule fired", "id=\"never-fired\"")
                    .contains("<section id=\"cases\">", "First three steps")
                    .contains("<svg", "&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>");
            String neverFired = html.substring(
                    html.indexOf("id=\"never-fired\""), html.indexOf("</ul>", html.indexOf("id=\"never-fired\"")));
            assertThat(advisor.ruleNames())
                    .anySatisfy(rule ->
                            assertThat(HtmlEscape.unescapeHtml(neverFired)).contains(rule));
            assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link", "<img");
        }

        @Test
        void theMarkdownReportSaysTheSame() throws IOException {
            Path report = dir.resolve("report.md");

            Run run = run("batch", "samples", "--report", report.toString());

            String md = Files.readString(report);
            assertThat(run.exit()).isZero();
            assertThat(md)
                    .contains(
                            "# Batch report",
                            "| Passed | " + run.lines().size() + " |",
                            "## Cases by track",
                            "## Rule coverage",
                            "### Rules that never fired",
                            "## Cases");
        }

        @Test
        void theMarkdownReportTakesCaseTextsLiterally() throws IOException {
            Path file = write("md.jsonl", good("<b>x</b> | `y` [z](http://e)", "{\"track\":\"SAFETY\"}") + "\n");
            Path report = dir.resolve("report.md");

            run("batch", file.toString(), "--report", report.toString());

            String md = Files.readString(report);
            assertThat(md)
                    .contains("### &lt;b&gt;x&lt;/b&gt; \\| \\`y\\` \\[z\\](http://e) (")
                    .contains("| 1 | &lt;b&gt;x&lt;/b&gt; \\| \\`y\\` \\[z\\](http://e) |")
                    .doesNotContain("<b>", "[z]");
        }

        @Test
        void samplesFireEveryRuleSoNoneIsListedAsNeverFired() throws IOException {
            Path report = dir.resolve("samples.html");

            run("batch", "samples", "--report", report.toString());

            String html = Files.readString(report);
            int rules = RulesFolder.advisor().ruleNames().size();
            assertThat(html).contains("Rules that fired</th><td>");
            assertThat(html).containsPattern("Rules that never fired \\(\\d+\\)");
            assertThat(html).contains(" of " + rules + " rules fired at least once");
        }
    }

    @Nested
    class ForSpreadsheetsAndCi {

        private static final String TRICKY_ID = "=HYPERLINK(\"x\"), \"quoted\" & <tagged>";

        private Path writeCases() throws IOException {
            return write(
                    "cases.jsonl",
                    String.join(
                                    "\n",
                                    good("holds", "{\"track\":\"STEP_BACK\"}"),
                                    good(
                                            TRICKY_ID.replace("\"", "\\\""),
                                            "{\"track\":\"SAFETY\"," + "\"steps\":[\"apologize-fully\"]}"),
                                    good("plain"),
                                    "{not json")
                            + "\n");
        }

        @Test
        void csvHasAHeaderAndOneRowPerCaseThatASpreadsheetReadsBack() throws IOException {
            Path cases = writeCases();
            Path csv = dir.resolve("out/plans.csv");

            Run run = run("batch", cases.toString(), "--format", "csv", "--out", csv.toString());

            assertThat(run.exit()).isEqualTo(2);
            CsvMapper mapper = new CsvMapper();
            List<Map<String, String>> rows;
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(csv.toFile())) {
                rows = it.readAll();
            }
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).keySet())
                    .containsExactly("id", "file", "line", "result", "track", "steps", "message");
            assertThat(rows.get(0))
                    .containsEntry("id", "holds")
                    .containsEntry("line", "1")
                    .containsEntry("result", "passed")
                    .containsEntry("track", "STEP_BACK")
                    .containsEntry("message", "");
            assertThat(rows.get(0).get("steps").split(";"))
                    .hasSizeGreaterThan(2)
                    .contains("name-the-harm");
            assertThat(rows.get(1))
                    .as("a formula is made inert; quotes and commas survive")
                    .containsEntry("id", "'" + TRICKY_ID)
                    .containsEntry("result", "failed")
                    .containsEntry("message", TRACK_FAILS + "; " + STEP_FAILS);
            assertThat(rows.get(2)).containsEntry("result", "no expectation");
            assertThat(rows.get(3))
                    .containsEntry("result", "error")
                    .containsEntry("track", "")
                    .containsEntry("steps", "");
            assertThat(rows.get(3).get("message")).startsWith("not valid JSON");
        }

        @Test
        void junitXmlHasATestcasePerCaseAFailurePerFailedExpectationAndAnErrorPerBrokenRecord() throws Exception {
            Path cases = writeCases();
            Path xml = dir.resolve("reports/batch.xml");

            Run run = run(
                    "batch",
                    cases.toString(),
                    "--junit",
                    xml.toString(),
                    "--out",
                    dir.resolve("p.jsonl").toString());

            assertThat(run.exit()).isEqualTo(2);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(xml.toFile());
            Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
            assertThat(document.getDocumentElement().getTagName()).isEqualTo("testsuites");
            assertThat(suite.getAttribute("tests")).isEqualTo("4");
            assertThat(suite.getAttribute("failures")).isEqualTo("1");
            assertThat(suite.getAttribute("errors")).isEqualTo("1");
            assertThat(suite.getAttribute("time")).matches("\\d+\\.\\d{3}");
            NodeList testcases = suite.getElementsByTagName("testcase");
            assertThat(testcases.getLength()).isEqualTo(4);
            Element failed = (Element) testcases.item(1);
            assertThat(failed.getAttribute("name")).isEqualTo(TRICKY_ID);
            assertThat(failed.getAttribute("classname"))
                    .as("the file as a class name: its folders as packages")
                    .endsWith(".cases")
                    .doesNotContain("/")
                    .doesNotStartWith(".");
            Element failure = (Element) failed.getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("message")).isEqualTo(TRACK_FAILS + " (and 1 more)");
            assertThat(failure.getTextContent()).isEqualTo(TRACK_FAILS + "\n" + STEP_FAILS);
            assertThat(((Element) testcases.item(0)).getChildNodes().getLength())
                    .isZero();
            Element broken = (Element) testcases.item(3);
            assertThat(broken.getAttribute("line")).isEqualTo("4");
            assertThat(broken.getElementsByTagName("error").item(0).getTextContent())
                    .startsWith("not valid JSON");
            try (Stream<Path> files = Files.list(xml.getParent())) {
                assertThat(files).as("no part file left behind").containsExactly(xml);
            }
        }

        @Test
        void anUnknownFormatIsRefusedWithTheFormatsThereAre() {
            Run run = run("batch", "samples", "--format", "xlsx");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--format xlsx: must be one of jsonl, csv");
            assertThat(run.out()).isEmpty();
        }
    }

    @Nested
    class Usage {

        @Test
        void aMissingFileIsBadUsage() {
            Run run = run("batch", dir.resolve("nowhere.jsonl").toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("does not exist");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void aFileOfAnotherKindIsBadUsage() throws IOException {
            Path file = write("cases.txt", "nothing");

            assertThat(run("batch", file.toString()).err()).contains("not a case file");
        }

        @Test
        void aReportMustSayItsKindByItsName() {
            Run run = run(
                    "batch", "samples", "--report", dir.resolve("report.pdf").toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("*.html or *.md");
        }

        @Test
        void aRulesFolderThatIsNotThereIsBadUsage() {
            Run run = run("batch", "samples", "--rules", dir.resolve("no-rules").toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("no such folder");
        }

        @Test
        void aRulesFolderThatDoesNotBuildIsReportedAndExitsTwo() throws IOException {
            Files.createDirectories(dir.resolve("empty-rules"));

            Run run = runWith(
                    new CommandLine(new Commands()),
                    "batch",
                    "samples",
                    "--rules",
                    dir.resolve("empty-rules").toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("No rule files");
        }

        @Test
        void aFolderWithoutCasesIsBadUsage() throws IOException {
            Files.createDirectories(dir.resolve("empty"));

            assertThat(run("batch", dir.resolve("empty").toString()).exit()).isEqualTo(2);
        }

        @Test
        void noArgumentsIsBadUsage() {
            Run run = run("batch");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("FILE_OR_FOLDER");
        }

        @Test
        void helpListsTheExitCodes() {
            Run run = run("batch", "--help");

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("--out", "--report", "--rules", "Exit codes", "some expectation failed");
        }
    }

    @Nested
    class Scale {

        @Test
        void stopsWhenNobodyReadsTheOutputAnyMore() throws IOException {
            Path cases = dir.resolve("many.jsonl");
            runWith(new CommandLine(new Commands()), "generate", "--count", "5000", "--out", cases.toString());
            StringWriter err = new StringWriter();
            Writer closed = new Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("Broken pipe");
                }

                @Override
                public void flush() throws IOException {
                    throw new IOException("Broken pipe");
                }

                @Override
                public void close() {}
            };
            CommandLine command = new CommandLine(new BatchCommand(rules -> RulesFolder.advisor()));
            command.setOut(new PrintWriter(closed));
            command.setErr(new PrintWriter(err));

            int exit = command.execute(cases.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("the output is closed");
        }

        @Test
        void manyCasesOnSeveralThreadsComeOutInInputOrder() throws IOException {
            Path cases = dir.resolve("generated.jsonl");
            assertThat(runWith(
                                    new CommandLine(new Commands()),
                                    "generate",
                                    "--count",
                                    "3000",
                                    "--seed",
                                    "7",
                                    "--out",
                                    cases.toString())
                            .exit())
                    .isZero();

            Run run = run("batch", cases.toString(), "--threads", "4");

            assertThat(run.exit()).as(run.err()).isZero();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 3000; i++) {
                expected.add(String.format("gen-%07d", i));
            }
            assertThat(run.lines()).extracting(l -> l.path("id").asText()).containsExactlyElementsOf(expected);
            assertThat(run.lines()).allSatisfy(l -> assertThat(l.has("plan")).isTrue());
        }

        @Test
        void theGeneratorGivesTheSameCasesForTheSameSeed() {
            CommandLine generate = new CommandLine(new Commands());
            String first = runWith(generate, "generate", "--count", "50", "--seed", "3")
                    .out();
            String second = runWith(new CommandLine(new Commands()), "generate", "--count", "50", "--seed", "3")
                    .out();
            String other = runWith(new CommandLine(new Commands()), "generate", "--count", "50", "--seed", "4")
                    .out();

            assertThat(first).isEqualTo(second).isNotEqualTo(other);
            assertThat(first.lines()).hasSize(50);
        }
    }
}
