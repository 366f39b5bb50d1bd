package org.trustrepair.advisor.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line door: {@code ./advisor <command> …}. Each command is a picocli subcommand. */
@Command(
        name = "advisor",
        mixinStandardHelpOptions = true,
        description =
                "The trust-repair advisor's commands. Without a command, the advisor serves its web page and API.",
        subcommands = {
            BatchCommand.class,
            CheckCommand.class,
            DiffCommand.class,
            GenerateCommand.class,
            PreviewCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Commands {

    private static final Set<String> NAMES =
            Set.of("batch", "check", "diff", "generate", "preview", "help", "--help", "-h");

    Commands() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
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
            return new CommandLine(new Commands()).setOut(out).execute(args);
        } finally {
            out.flush();
        }
    }
}
