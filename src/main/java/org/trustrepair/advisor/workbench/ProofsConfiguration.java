package org.trustrepair.advisor.workbench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustrepair.advisor.proof.ProofFiles;
import org.trustrepair.advisor.proof.Proofs;

/** The server's sweeps: in memory, and in the proofs folder when one is set ({@code advisor.workbench.proofs-dir}). */
@Configuration(proxyBeanMethods = false)
class ProofsConfiguration {

    @Bean
    Proofs proofs(WorkbenchSettings settings) {
        return settings.proofsDir() == null
                ? new Proofs()
                : new Proofs(new ProofFiles(settings.proofsDir(), ProofFiles.codeOfThisProcess()));
    }
}
