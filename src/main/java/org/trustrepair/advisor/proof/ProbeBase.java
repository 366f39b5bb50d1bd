package org.trustrepair.advisor.proof;

import java.nio.charset.StandardCharsets;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.trustrepair.advisor.advice.engine.RulesClassLoader;

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
}
