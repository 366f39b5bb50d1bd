package org.trustrepair.advisor.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.engine.RulesClassLoader;
import org.trustrepair.advisor.advice.facts.Situation;

/** The small rule bases of probes the proof asks questions of ({@link SameFirings}, {@link SafetyClasses}). */
final class ProbeBase {

    private ProbeBase() {}

    /** A rule base of one DRL text, or null when it does not compile. */
    static KieBase compile(String drl) {
        try {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RulesClassLoader.SHARED));
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
            if (builder.hasErrors()) {
                return null;
            }
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
            base.addPackages(builder.getKnowledgePackages());
            return base;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Fires each rule's consequence on its own (probe "f{@code r}" waits for the word "f{@code r}"), and notes which
     * other patterns (probes "o{@code i}") the facts it inserts match: by rule, a set of other patterns ({@link
     * SameFirings}). The facts stay in the session; the
     * copies insert plainly, so a fact equal to one already there is matched anew.
     */
    static List<BitSet> consequenceMatches(String drl, int rules) {
        KieBase base = compile(drl);
        if (base == null) {
            throw new IllegalStateException("the consequences do not compile on their own");
        }
        KieSession session = base.newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            List<BitSet> opens = new ArrayList<>();
            for (int r = 0; r < rules; r++) {
                fired.clear();
                session.insert("f" + r);
                session.fireAllRules();
                if (!fired.contains("f" + r)) {
                    throw new IllegalStateException("the consequence of rule " + r + " did not fire");
                }
                BitSet matched = new BitSet();
                fired.stream()
                        .filter(n -> n.startsWith("o"))
                        .forEach(n -> matched.set(Integer.parseInt(n.substring(1))));
                opens.add(matched);
            }
            return opens;
        } finally {
            session.dispose();
        }
    }

    /**
     * One session of a probe base, asked about one situation after another: each is taken out again before the next
     * goes in (the probes do nothing, so nothing else is left behind). A probe rule is named by a letter and a number.
     */
    static final class Session implements AutoCloseable {
        private final KieSession session;
        private final BitSet fired = new BitSet();

        Session(KieBase base) {
            session = base.newKieSession();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.set(Integer.parseInt(
                            event.getMatch().getRule().getName().substring(1)));
                }
            });
        }

        /** The numbers of the probe rules that fire for this situation. */
        BitSet fired(Answers answers) {
            fired.clear();
            FactHandle handle = session.insert(new Situation(answers));
            session.fireAllRules();
            session.delete(handle);
            return (BitSet) fired.clone();
        }

        @Override
        public void close() {
            session.dispose();
        }
    }
}
