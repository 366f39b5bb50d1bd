package org.trustrepair.advisor.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.trustrepair.advisor.advice.engine.RuleFiles;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line door: {@code ./advisor <command> …}. Each command is a picocli subcommand. */
@Command(
        name = "advisor",
        mixinStandardHelpOptions = true,
        versionProvider = Commands.Version.class,
        description =
                "The trust-repair advisor's commands. Without a command (or with serve), the advisor serves its web page"
                        + " and API.",
        subcommands = {
            AskCommand.class,
            BatchCommand.class,
            CheckCommand.class,
            DiffCommand.class,
            GenerateCommand.class,
            PreviewCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Commands {

    private static final Set<String> NAMES =
            Set.of("ask", "batch", "check", "diff", "generate", "preview", "help", "--help", "-h");

    Commands() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /**
     * The command line, which refuses a mistyped command or option with what was wrong, the nearest command, and the
     * list of commands (exit 2).
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Commands());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            e.getCommandLine().usage(err);
            return 2;
        });
        return cli;
    }

    /**
     * Whether these arguments start the web server: none, {@code serve} first, or only settings written
     * {@code --name=value} (as a deployment passes them). Anything else is a command, or refused as unknown.
     */
    public static boolean startsServer(String[] args) {
        return args.length == 0
                || args[0].equals("serve")
                || Arrays.stream(args).allMatch(a -> a.startsWith("--") && a.contains("="));
    }

    /** The arguments for the server: without {@code serve}. */
    public static String[] serverArguments(String[] args) {
        return args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    /**
     * The rules folder a server started here would read, as the server's settings name it: the system property
     * {@code advisor.rules-dir}, else the environment's {@code ADVISOR_RULES_DIR} (as an operator sets it), else
     * {@code rules}.
     */
    static Path rulesFolder(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        String property = systemProperty.apply("advisor.rules-dir");
        String variable = environment.apply("ADVISOR_RULES_DIR");
        return Path.of(property != null ? property : variable != null && !variable.isBlank() ? variable : "rules");
    }

    /** {@code --version}: the application's version and that of the rules it would serve from here. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String app = Commands.class.getPackage().getImplementationVersion();
            Path rules = rulesFolder(System::getProperty, System::getenv);
            String rulesVersion;
            try {
                rulesVersion = Files.isDirectory(rules)
                        ? RuleFiles.fromDirectory(rules).version() + " ("
                                + rules.toAbsolutePath().normalize() + ")"
                        : "the copy inside the application (no rules folder at "
                                + rules.toAbsolutePath().normalize() + ")";
            } catch (RuntimeException e) {
                rulesVersion = "unreadable: " + e.getMessage();
            }
            return new String[] {
                "trust-repair-advisor " + (app == null ? "(development build)" : app), "rules " + rulesVersion
            };
        }
    }

    public static int run(String[] args) {
        // Standard output carries the commands' results (JSON lines): anything else that prints, such as a library's
        // log line, goes to standard error instead, and below WARN not at all unless asked for.
        // the file descriptor itself, not System.out, which would swallow a closed pipe's error
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        if (System.getProperty("CONSOLE_LOG_THRESHOLD") == null) {
            System.setProperty("CONSOLE_LOG_THRESHOLD", "WARN");
            System.setProperty(Quiet.DEFAULT, "true");
        }
        PrintWriter out = new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16), false);
        try {
            return commandLine().setOut(out).execute(args);
        } finally {
            out.flush();
        }
    }
}
