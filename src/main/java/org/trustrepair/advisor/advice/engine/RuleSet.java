package org.trustrepair.advisor.advice.engine;

import java.time.Instant;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Evaluation;
import org.trustrepair.advisor.advice.EvaluationException;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.facts.Situation;

/**
 * One compiled, checked rule set and its texts. Read-only and safe to share between threads: every evaluation runs in
 * its own short-lived session, bounded in rule firings.
 */
public final class RuleSet {

  private final String version;
  private final String origin;
  private final KieBase kieBase;
  private final Catalogue catalogue;
  private final Map<String, RuleInfo> rules;
  private final int maxFirings;
  private final PlanMaker planMaker;
  private final Instant loadedAt = Instant.now();

  RuleSet(String version, String origin, KieBase kieBase, Catalogue catalogue, Map<String, RuleInfo> rules,
      int maxFirings) {
    this.version = version;
    this.origin = origin;
    this.kieBase = kieBase;
    this.catalogue = catalogue;
    this.rules = Map.copyOf(rules);
    this.maxFirings = maxFirings;
    this.planMaker = new PlanMaker(version, catalogue, rules);
  }

  public Evaluation evaluate(Answers answers) {
    KieSession session = kieBase.newKieSession();
    Trace trace = new Trace();
    session.addEventListener((AgendaEventListener) trace);
    session.addEventListener((RuleRuntimeEventListener) trace);
    try {
      session.insert(new Situation(answers));
      int fired = session.fireAllRules(maxFirings + 1);
      if (fired > maxFirings) {
        throw new EvaluationException("The rules fired more than " + maxFirings
            + " times for one situation; a rule is probably re-triggering itself. Last rules fired: "
            + trace.fired().subList(Math.max(0, trace.fired().size() - 3), trace.fired().size()));
      }
      return new Evaluation(planMaker.make(answers, trace), trace.fired());
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationException("A rule failed while running: " + e.getClass().getSimpleName(), e);
    } finally {
      session.dispose();
    }
  }

  public String version() {
    return version;
  }

  public String origin() {
    return origin;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public Map<String, RuleInfo> rules() {
    return rules;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public Questionnaire questionnaire() {
    return catalogue.questionnaire();
  }
}
