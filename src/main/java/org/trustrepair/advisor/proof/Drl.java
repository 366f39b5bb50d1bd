package org.trustrepair.advisor.proof;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/** Reading DRL with Drools' own parser, and compiling the small probe rule bases the proof asks questions of. */
final class Drl {

    /** The answers a {@code Situation} property is read from. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("role", "role"),
            Map.entry("relationship", "relationship"),
            Map.entry("breach", "breach"),
            Map.entry("readiness", "readiness"),
            Map.entry("daysElapsed", "daysElapsed"),
            Map.entry("disclosure", "disclosure"),
            Map.entry("stillHappening", "stillHappening"),
            Map.entry("happenedBefore", "happenedBefore"),
            Map.entry("apologiesMade", "apologiesMade"),
            Map.entry("othersAffected", "othersAffected"),
            Map.entry("contactUnavoidable", "contactUnavoidable"),
            Map.entry("theirResponse", "theirResponse"),
            Map.entry("safety", "safety"),
            Map.entry("safetyConcern", "safety"));

    /** Words of the rule language between a property and a value: not properties. */
    private static final Set<String> OPERATORS =
            Set.of("in", "not", "true", "false", "null", "contains", "excludes", "memberOf", "matches");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern WORD = Pattern.compile("\\b[a-z]\\w*\\b");

    private Drl() {}

    /** One DRL file's package, rules and all; throws when it does not parse cleanly. */
    static PackageDescr parse(String code) throws DroolsParserException {
        DrlParser parser = new DrlParser();
        PackageDescr pkg = parser.parse(false, code);
        if (parser.hasErrors() || pkg == null) {
            throw new IllegalStateException("not parsed");
        }
        return pkg;
    }

    /**
     * The answers the conditions read, when that can be told from their words alone: every lower-case word is a
     * property of the situation (capitalised ones are types and their values), and nothing is called. Null otherwise.
     */
    static List<String> answersRead(List<String> conditions) {
        TreeSet<String> read = new TreeSet<>();
        for (String condition : conditions) {
            String code = withoutStrings(condition);
            if (code.contains("(") && !code.matches(".*\\b(in|not in)\\s*\\(.*")) {
                return null;
            }
            var m = WORD.matcher(code.replaceAll("\\b[A-Z]\\w*(\\.[A-Z_0-9]+)?", " "));
            while (m.find()) {
                String word = m.group();
                if (OPERATORS.contains(word)) {
                    continue;
                }
                String answer = PROPERTIES.get(word);
                if (answer == null) {
                    return null;
                }
                read.add(answer);
            }
        }
        return List.copyOf(read);
    }

    /** The code with every string literal emptied, so that only the code's own words are read. */
    static String withoutStrings(String code) {
        return STRING.matcher(code).replaceAll("\"\"");
    }

    /** A rule base of one DRL text, or null when it does not compile. */
    static KieBase compile(String drl) {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("org.trustrepair.rules", "probe", "1.0." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/probe/probe.drl", drl);
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                return null;
            }
            KieContainer container = ks.newKieContainer(id);
            return container.getKieBase();
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }
}
