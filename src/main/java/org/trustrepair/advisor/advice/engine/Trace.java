package org.trustrepair.advisor.advice.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/** Records, for one evaluation, which rules fired and which rule inserted each fact. */
final class Trace extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

  private final List<String> fired = new ArrayList<>();
  private final Map<Object, String> insertedBy = new IdentityHashMap<>();

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    fired.add(event.getMatch().getRule().getName());
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (event.getRule() != null) {
      insertedBy.put(event.getObject(), event.getRule().getName());
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    // facts are immutable; nothing to record
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    insertedBy.remove(event.getOldObject());
  }

  List<String> fired() {
    return fired;
  }

  /** Facts of a type that rules inserted, each with the name of the rule that inserted it. */
  <T> List<Inserted<T>> inserted(Class<T> type) {
    List<Inserted<T>> result = new ArrayList<>();
    insertedBy.forEach((fact, rule) -> {
      if (type.isInstance(fact)) {
        result.add(new Inserted<>(type.cast(fact), rule));
      }
    });
    return result;
  }

  record Inserted<T>(T fact, String rule) {}
}
