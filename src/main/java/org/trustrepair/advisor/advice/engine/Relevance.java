package org.trustrepair.advisor.advice.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.trustrepair.advisor.advice.Role;

/**
 * Which answers the rules read for each role. A {@code Situation( role == Role.BROKE_TRUST, … )} pattern never
 * matches the hurt party, so what else it reads cannot change the hurt party's plan. An answer is read for a role if
 * any mention of it, anywhere in the rules, is outside a pattern that excludes that role.
 */
final class Relevance {

    static final List<String> FIELDS = List.of(
            "role",
            "relationship",
            "breach",
            "readiness",
            "daysElapsed",
            "disclosure",
            "stillHappening",
            "happenedBefore",
            "apologiesMade",
            "othersAffected",
            "contactUnavoidable",
            "theirResponse",
            "safety");

    private static final Pattern SITUATION = Pattern.compile("\\bSituation\\s*\\(");

    private Relevance() {}

    /** The answer fields the rules read when the role is {@code role}. */
    static Set<String> fieldsRead(Collection<String> drlTexts, Role role) {
        Set<String> read = new HashSet<>();
        for (String raw : drlTexts) {
            String text = DrlText.withoutCommentsAndStrings(raw);
            StringBuilder outsideExcluded = new StringBuilder(text.length());
            int last = 0;
            var m = SITUATION.matcher(text);
            while (m.find()) {
                int open = m.end() - 1;
                int close = DrlText.matchingParen(text, open);
                if (close < 0) {
                    return Set.copyOf(FIELDS);
                }
                String body = text.substring(open + 1, close);
                outsideExcluded.append(text, last, open + 1);
                if (!excludes(body, role)) {
                    outsideExcluded.append(body);
                }
                last = close;
                m.region(close, text.length());
            }
            outsideExcluded.append(text.substring(last));
            String visible = outsideExcluded.toString();
            for (String field : FIELDS) {
                String token = field.equals("safety") ? "\\b(safety|safetyConcern)\\b" : "\\b" + field + "\\b";
                if (Pattern.compile(token).matcher(visible).find()) {
                    read.add(field);
                }
            }
        }
        return read;
    }

    /** Whether a pattern body has a top-level condition that rules the role out. */
    private static boolean excludes(String body, Role role) {
        for (String part : DrlText.splitTopLevel(body)) {
            String c = part.replaceAll("\\s+", "");
            for (Role other : Role.values()) {
                if (other != role && c.equals("role==Role." + other.name())) {
                    return true;
                }
            }
            if (c.equals("role!=Role." + role.name())) {
                return true;
            }
        }
        return false;
    }
}
