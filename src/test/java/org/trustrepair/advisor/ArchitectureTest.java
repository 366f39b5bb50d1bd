package org.trustrepair.advisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.Advisor;

/**
 * The module boundaries. The doors (pages, API, batch) go through the {@link Advisor} and never touch Drools, the
 * engine, the proof or the workbench. The engine serves; the proof (sweep, answer space, diff) sits beside it and may
 * read the rules with Drools, but the engine never reaches back into it. The command line is its own package, so batch
 * processing does not import the workbench.
 */
@AnalyzeClasses(packages = "org.trustrepair.advisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOORS = {
        "org.trustrepair.advisor.api..", "org.trustrepair.advisor.questionnaire..", "org.trustrepair.advisor.batch.."
    };

    @ArchTest
    static final ArchRule doorsDoNotTouchTheEngineOrTheProof = noClasses()
            .that()
            .resideInAnyPackage(DOORS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.kie..",
                    "org.drools..",
                    "org.trustrepair.advisor.advice.engine..",
                    "org.trustrepair.advisor.proof..",
                    "org.trustrepair.advisor.workbench..",
                    "org.trustrepair.advisor.cli..");

    @ArchTest
    static final ArchRule doorsDoNotAskForTheRuleSet =
            noClasses().that().resideInAnyPackage(DOORS).should().callMethod(Advisor.class, "ruleSet");

    @ArchTest
    static final ArchRule onlyTheEngineAndTheProofTouchDrools = noClasses()
            .that()
            .resideOutsideOfPackages("org.trustrepair.advisor.advice.engine..", "org.trustrepair.advisor.proof..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule theCoreDoesNotReachTheProofOrTheWorkbench = noClasses()
            .that()
            .resideInAnyPackage("org.trustrepair.advisor.advice..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.trustrepair.advisor.proof..",
                    "org.trustrepair.advisor.workbench..",
                    "org.trustrepair.advisor.cli..",
                    "org.trustrepair.advisor.api..",
                    "org.trustrepair.advisor.questionnaire..",
                    "org.trustrepair.advisor.batch..");

    @ArchTest
    static final ArchRule theProofDoesNotReachTheDoorsOrTheWorkbench = noClasses()
            .that()
            .resideInAnyPackage("org.trustrepair.advisor.proof..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.trustrepair.advisor.workbench..",
                    "org.trustrepair.advisor.cli..",
                    "org.trustrepair.advisor.api..",
                    "org.trustrepair.advisor.questionnaire..");

    @ArchTest
    static final ArchRule factsKnowNothingOfDrools = noClasses()
            .that()
            .resideInAPackage("org.trustrepair.advisor.advice.facts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..", "org.springframework..");

    /** The rules can fail: a door that reaches the engine, and batch reaching the workbench, are both caught. */
    @Test
    void theRulesCatchADoorReachingTheEngineAndBatchReachingTheWorkbench() {
        JavaClasses offending = new ClassFileImporter()
                .importClasses(
                        org.trustrepair.advisor.batch.ReachesTheEngine.class,
                        org.trustrepair.advisor.batch.ReachesTheWorkbench.class);
        assertThat(doorsDoNotTouchTheEngineOrTheProof
                        .evaluate(offending)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("ReachesTheEngine") && line.contains("RuleSet"))
                .anyMatch(line -> line.contains("ReachesTheWorkbench") && line.contains("workbench"));
    }
}
