package org.trustrepair.advisor.advice.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.trustrepair.advisor.advice.EvaluationException;

/** Records, for one evaluation, which rules fired and which rule inserted each fact. */
final class Trace {

    private final List<String> fired = new ArrayList<>();
    private final List<Object> facts = new ArrayList<>();
    private final List<String> insertedBy = new ArrayList<>();

    void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(event.getMatch().getRule().getName());
    }

    void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            facts.add(event.getObject());
            insertedBy.add(event.getRule().getName());
        }
    }

    void objectUpdated(ObjectUpdatedEvent event) {
        // facts are immutable; nothing to record
    }

    /** A fact withdrawn during evaluation (a logical insert whose reason went away) is no longer part of the plan. */
    void objectDeleted(ObjectDeletedEvent event) {
        Object old = event.getOldObject();
        for (int i = facts.size() - 1; i >= 0; i--) {
            if (facts.get(i) == old) {
                facts.remove(i);
                insertedBy.remove(i);
                return;
            }
        }
    }

    List<String> fired() {
        return fired;
    }

    /** Facts of a type that rules inserted, in insertion order, each with the name of the rule that inserted it. */
    <T> List<Inserted<T>> inserted(Class<T> type) {
        List<Inserted<T>> result = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Object fact = facts.get(i);
            if (type.isInstance(fact)) {
                result.add(new Inserted<>(type.cast(fact), insertedBy.get(i)));
            }
        }
        return result;
    }

    /**
     * Refuses an evaluation in which two rows of one table (a {@code .drl.csv} file) fired. A table's rows must not
     * overlap: where two rows insert the same fact, the engine keeps one, and the other row's words never show.
     */
    void requireOneRowPerTable(Map<String, RuleInfo> rules) {
        Map<String, TreeSet<String>> rowsByTable = new TreeMap<>();
        for (String rule : fired) {
            RuleInfo info = rules.get(rule);
            if (info != null && info.file() != null && info.file().endsWith(".csv")) {
                rowsByTable.computeIfAbsent(info.file(), f -> new TreeSet<>()).add(rule);
            }
        }
        rowsByTable.forEach((table, rows) -> {
            if (rows.size() > 1) {
                throw new EvaluationException("More than one row of " + table + " holds for this situation: \""
                        + String.join("\", \"", rows) + "\". A table's rows must not overlap (one row's words would"
                        + " hide the other's): narrow the conditions so that each situation matches one row.");
            }
        });
    }

    record Inserted<T>(T fact, String rule) {}
}
