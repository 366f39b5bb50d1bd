package org.trustrepair.advisor.advice;

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
    Advisor advisor(AdvisorSettings settings) {
        RuleFiles files = Files.isDirectory(settings.rulesDir())
                ? RuleFiles.fromDirectory(settings.rulesDir())
                : RuleFiles.fromClasspath();
        RuleSet ruleSet = new RuleSetBuilder(settings.maxFirings(), settings.maxEvaluationTime()).build(files);
        log.info(
                "Loaded rule set {} from {} ({} rules)",
                ruleSet.version(),
                ruleSet.origin(),
                ruleSet.rules().size());
        return new Advisor(ruleSet);
    }
}
