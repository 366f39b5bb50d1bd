package org.trustrepair.advisor.proof;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/** The small rule bases of probes the proof asks questions of ({@link SameFirings}, {@link SafetyClasses}). */
final class ProbeBase {

    private ProbeBase() {}

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
            return ks.newKieContainer(id).getKieBase();
        } catch (RuntimeException e) {
            return null;
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }
}
