package org.trustrepair.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine;

/** Only a bare start, serve, or settings alone start the server; anything else is a command or refused. */
class CommandsTest {

    @Test
    void onlyABareStartServeOrSettingsStartTheServer() {
        assertThat(Commands.startsServer(new String[] {})).isTrue();
        assertThat(Commands.startsServer(new String[] {"serve", "--server.port=9000"}))
                .isTrue();
        assertThat(Commands.startsServer(new String[] {"--spring.profiles.active=fleet", "--server.address=127.0.0.1"}))
                .isTrue();
        assertThat(Commands.serverArguments(new String[] {"serve", "--server.port=9000"}))
                .containsExactly("--server.port=9000");

        assertThat(Commands.startsServer(new String[] {"-V"})).isFalse();
        assertThat(Commands.startsServer(new String[] {"--version"})).isFalse();
        assertThat(Commands.startsServer(new String[] {"frobnicate"})).isFalse();
        assertThat(Commands.startsServer(new String[] {"preview", "--help"})).isFalse();
    }

    @Test
    void anUnknownCommandIsRefusedWithTheListOfCommands() {
        StringWriter err = new StringWriter();
        CommandLine cli = Commands.commandLine();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate").contains("batch", "check", "diff", "preview");
    }

    @Test
    void versionNamesTheApplicationAndTheRules() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Commands());
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).contains("trust-repair-advisor ").containsPattern("rules [0-9a-f]{12} \\(");
    }

    @Test
    void versionReadsTheRulesFolderAsTheServerWould() {
        Map<String, String> none = Map.of();
        Map<String, String> environment = Map.of("ADVISOR_RULES_DIR", "/srv/advisor/rules");
        Map<String, String> property = Map.of("advisor.rules-dir", "/opt/rules");

        assertThat(Commands.rulesFolder(none::get, none::get)).isEqualTo(Path.of("rules"));
        assertThat(Commands.rulesFolder(none::get, environment::get)).isEqualTo(Path.of("/srv/advisor/rules"));
        assertThat(Commands.rulesFolder(property::get, environment::get)).isEqualTo(Path.of("/opt/rules"));
    }

    @Test
    void theEngineLogIsPrintedOnlyWithVerbose() {
        String threshold = "CONSOLE_LOG_THRESHOLD";
        String before = System.getProperty(threshold);
        System.setProperty(threshold, "WARN");
        System.setProperty(Quiet.DEFAULT, "true"); // as Commands.run sets it
        try {
            Verbosity verbosity = new Verbosity();
            try (Quiet quiet = verbosity.logs()) {
                assertThat(System.getProperty(threshold)).isEqualTo("OFF");
            }
            verbosity.verbose = true;
            try (Quiet quiet = verbosity.logs()) {
                assertThat(System.getProperty(threshold)).isEqualTo("WARN");
            }
            assertThat(System.getProperty(threshold)).isEqualTo("WARN");
        } finally {
            System.clearProperty(Quiet.DEFAULT);
            if (before == null) {
                System.clearProperty(threshold);
            } else {
                System.setProperty(threshold, before);
            }
        }
        CommandLine cli = Commands.commandLine();
        for (String command : new String[] {"check", "diff", "preview"}) {
            assertThat(cli.getSubcommands().get(command).getCommandSpec().findOption("--verbose"))
                    .as(command)
                    .isNotNull();
        }
    }
}
