package org.trustrepair.advisor.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as a JUnit XML report, the format CI servers read (Jenkins, GitLab, GitHub actions): one testsuite, one
 * testcase per case, with a {@code failure} for a failed expectation and an {@code error} for a record that gave no
 * plan. Streams: the testcases go to a file beside the report as the cases come, and the suite, whose counts are
 * known only at the end, is written around them then. The JDK's StAX writer escapes every text.
 */
public final class JunitReport implements AutoCloseable {

    /** Characters XML 1.0 cannot hold at all, even escaped (control characters other than tab and line breaks). */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final Path target;
    private final Path cases;
    private final Writer casesFile;
    private final XMLStreamWriter xml;
    private long tests;
    private long failures;
    private long errors;

    private JunitReport(Path target, Path cases) throws IOException {
        this.target = target;
        this.cases = cases;
        this.casesFile = Files.newBufferedWriter(cases, StandardCharsets.UTF_8);
        this.xml = writer(casesFile);
    }

    /** A report to be written to {@code target}; its folder must exist. */
    public static JunitReport to(Path target) throws IOException {
        return new JunitReport(target, target.toAbsolutePath().resolveSibling(target.getFileName() + ".part"));
    }

    public void add(Outcome o) throws IOException {
        tests++;
        try {
            xml.writeCharacters("\n    ");
            boolean passed = !o.isError() && !o.failed();
            if (passed) {
                xml.writeEmptyElement("testcase");
            } else {
                xml.writeStartElement("testcase");
            }
            attribute("name", o.id());
            attribute("classname", className(o.file()));
            attribute("file", o.file());
            attribute("line", Long.toString(o.line()));
            if (o.isError()) {
                errors++;
                problem("error", "no plan", o.error(), o.error());
            } else if (o.failed()) {
                failures++;
                List<String> all = o.failures();
                String message = all.get(0) + (all.size() > 1 ? " (and " + (all.size() - 1) + " more)" : "");
                problem("failure", "expectation", message, String.join("\n", all));
            }
            if (!passed) {
                xml.writeEndElement();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the JUnit report cannot be written: " + e.getMessage(), e);
        }
    }

    /** Writes the report: the suite with its counts, then every testcase. */
    public void finish(Summary summary) throws IOException {
        try {
            xml.writeCharacters(""); // closes the last testcase's tag
            xml.flush();
            casesFile.close();
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                    BufferedReader testcases = Files.newBufferedReader(cases, StandardCharsets.UTF_8)) {
                XMLStreamWriter suite = writer(out);
                suite.writeStartDocument("UTF-8", "1.0");
                suite.writeCharacters("\n");
                suite.writeStartElement("testsuites");
                suite.writeCharacters("\n  ");
                suite.writeStartElement("testsuite");
                suite.writeAttribute("name", "advisor batch");
                suite.writeAttribute("tests", Long.toString(tests));
                suite.writeAttribute("failures", Long.toString(failures));
                suite.writeAttribute("errors", Long.toString(errors));
                suite.writeAttribute("skipped", "0");
                suite.writeAttribute(
                        "time", String.format(Locale.ROOT, "%.3f", summary.run().toNanos() / 1e9));
                suite.writeAttribute(
                        "timestamp",
                        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(
                                summary.finishedAt().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)));
                suite.writeCharacters("\n    ");
                suite.writeStartElement("properties");
                property(suite, "rulesVersion", summary.rulesVersion());
                property(suite, "rulesOrigin", summary.rulesOrigin());
                suite.writeCharacters("\n    ");
                suite.writeEndElement();
                suite.flush();
                testcases.transferTo(out);
                suite.writeCharacters("\n  ");
                suite.writeEndElement();
                suite.writeCharacters("\n");
                suite.writeEndElement();
                suite.writeCharacters("\n");
                suite.writeEndDocument();
                suite.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the JUnit report cannot be written: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(cases);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            casesFile.close();
        } finally {
            Files.deleteIfExists(cases);
        }
    }

    private void problem(String element, String type, String message, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        attribute("message", message);
        attribute("type", type);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlText(value));
    }

    private static void property(XMLStreamWriter suite, String name, String value) throws XMLStreamException {
        suite.writeCharacters("\n      ");
        suite.writeEmptyElement("property");
        suite.writeAttribute("name", name);
        suite.writeAttribute("value", xmlText(value));
    }

    /** {@code samples/affair.json} gives {@code samples.affair}: CI servers show a class name's dots as a tree. */
    static String className(String file) {
        String path = file == null ? "" : file.replace('\\', '/').replaceFirst("^(\\./|/)+", "");
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            path = path.substring(0, dot);
        }
        return xmlText(path.replace('.', '_').replace('/', '.'));
    }

    private static String xmlText(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("\uFFFD");
    }

    private static XMLStreamWriter writer(Writer out) throws IOException {
        try {
            return XML.createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IOException("the JUnit report cannot be written: " + e.getMessage(), e);
        }
    }
}
