package org.trustrepair.advisor.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustrepair.advisor.advice.engine.RuleInfo;
import org.trustrepair.advisor.advice.engine.RuleSet;

/** Every rule of a rule set as the workbench lists it: where it is written and what it puts into a plan. */
final class RuleCatalogue {

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ADVICE =
            Pattern.compile("new\\s+Advice\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*Phase\\.(\\w+)");
    private static final Pattern WITHHOLD =
            Pattern.compile("new\\s+Withhold\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*Phase\\.(\\w+)");
    private static final Pattern DERIVED =
            Pattern.compile("new\\s+(NatureIs|SeverityIs|PeriodIs|TrackIs)\\s*\\(\\s*" + "\\w+\\.(\\w+)");

    /** One rule: its metadata, and what it inserts (for example "STEP_BACK: leave-one-door-open"). */
    record Entry(RuleInfo info, List<String> phases, List<String> inserts) {
        String where() {
            return info.line() > 0 ? info.file() + ":" + info.line() : info.file();
        }
    }

    private RuleCatalogue() {}

    static List<Entry> of(RuleSet rules) {
        Map<String, String> bodies = bodies(rules.drlSources());
        List<Entry> entries = new ArrayList<>();
        for (RuleInfo info : rules.rules().values()) {
            String body = bodies.getOrDefault(info.name(), "");
            Set<String> phases = new LinkedHashSet<>();
            List<String> inserts = new ArrayList<>();
            Matcher m = ADVICE.matcher(body);
            while (m.find()) {
                phases.add(m.group(2));
                inserts.add("step " + m.group(1));
            }
            m = WITHHOLD.matcher(body);
            while (m.find()) {
                phases.add(m.group(2));
                inserts.add("withholds " + m.group(1));
            }
            m = DERIVED.matcher(body);
            while (m.find()) {
                String fact = m.group(1).replace("Is", "").toLowerCase();
                phases.add("(" + fact + ")");
                inserts.add(fact + " " + m.group(2));
            }
            entries.add(new Entry(info, List.copyOf(phases), List.copyOf(inserts)));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.info().file())
                .thenComparingInt(e -> e.info().line())
                .thenComparing(e -> e.info().name()));
        return entries;
    }

    /** The text of each rule, from its name to the start of the next rule. */
    private static Map<String, String> bodies(Map<String, String> drlSources) {
        Map<String, String> bodies = new HashMap<>();
        drlSources.values().forEach(text -> {
            Matcher m = RULE.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[] {m.start()});
                names.add(m.group(1));
            }
            for (int i = 0; i < names.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                bodies.put(names.get(i), text.substring(starts.get(i)[0], end));
            }
        });
        return bodies;
    }
}
