package org.trustrepair.advisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The doors (pages, API, batch) never touch Drools or the engine: they go through the Advisor. */
@AnalyzeClasses(packages = "org.trustrepair.advisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule doorsDoNotTouchDrools = noClasses()
            .that()
            .resideInAnyPackage("..api..", "..questionnaire..", "..batch..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..", "..advice.engine..");

    @ArchTest
    static final ArchRule onlyTheEngineTouchesDrools = noClasses()
            .that()
            .resideOutsideOfPackages("..advice.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule factsKnowNothingOfDrools = noClasses()
            .that()
            .resideInAPackage("..advice.facts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..", "org.springframework..");
}
