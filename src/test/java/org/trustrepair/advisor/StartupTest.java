package org.trustrepair.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.trustrepair.advisor.advice.Advisor;
import org.trustrepair.advisor.advice.RuleSetException;
import org.trustrepair.advisor.advice.RulesFolder;

/** Start-up reads the rules folder, falls back to the jar's copy, and refuses a broken rule file by file and line. */
class StartupTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(String rulesDir) {
        SpringApplication app = new SpringApplication(AdvisorApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run("--advisor.rules-dir=" + rulesDir, "--spring.main.banner-mode=off");
    }

    @Test
    void aRuleFileWithASyntaxErrorStopsStartUpNamingFileAndLine() throws IOException {
        Path broken = dir.resolve("rules");
        org.springframework.util.FileSystemUtils.copyRecursively(RulesFolder.PATH, broken);
        Path file = broken.resolve("step-back/step-back.drl");
        Files.writeString(file, Files.readString(file).replaceFirst("\nthen\n", "\nthne\n"));

        Throwable failure = catchThrowable(() -> start(broken.toString()));

        RuleSetException cause = findCause(failure);
        assertThat(cause).isNotNull();
        assertThat(cause.getMessage()).contains("step-back/step-back.drl:");
        assertThat(cause.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void withoutARulesFolderTheJarsCopyServes() {
        try (var context = start(dir.resolve("no-such-folder").toString())) {
            Advisor advisor = context.getBean(Advisor.class);
            assertThat(advisor.ruleSet().origin()).isEqualTo("classpath:rules");
            assertThat(advisor.rulesVersion()).isEqualTo(RulesFolder.ruleSet().version());
        }
    }

    private static RuleSetException findCause(Throwable t) {
        while (t != null && !(t instanceof RuleSetException)) {
            t = t.getCause();
        }
        return (RuleSetException) t;
    }
}
