package org.trustrepair.advisor.advice;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.advice.engine.RuleSetBuilder;

/** Builds the advisor from the rules folder at start; a rule set that does not build stops start-up. */
@Configuration(proxyBeanMethods = false)
class AdvisorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdvisorConfiguration.class);

    @Bean
    Advisor advisor(AdvisorSettings settings, MeterRegistry meters) {
        boolean folder = Files.isDirectory(settings.rulesDir());
        RuleFiles files = folder ? RuleFiles.fromDirectory(settings.rulesDir()) : RuleFiles.fromClasspath();
        RuleSet ruleSet = new RuleSetBuilder(settings.maxFirings(), settings.maxEvaluationTime()).build(files);
        if (folder) {
            log.info(
                    "Serving rules version {} from the folder {} ({} rules)",
                    ruleSet.version(),
                    ruleSet.origin(),
                    ruleSet.rules().size());
        } else {
            // the jar started from another folder, or a mount that is missing: say so loudly, once
            log.warn(
                    "Serving rules version {} from the copy packaged in the jar ({} rules): there is no rules folder "
                            + "at {} (advisor.rules-dir={}, ADVISOR_RULES_DIR); name the folder to serve another",
                    ruleSet.version(),
                    ruleSet.rules().size(),
                    settings.rulesDir().toAbsolutePath(),
                    settings.rulesDir());
        }
        return new Advisor(ruleSet, meters);
    }
}
