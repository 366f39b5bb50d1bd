package org.trustrepair.advisor.batch;

import java.util.Set;
import org.trustrepair.advisor.workbench.CheckCommand;
import org.trustrepair.advisor.workbench.DiffCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line door: {@code ./advisor <command> …}. Each command is a picocli subcommand. */
@Command(name = "advisor", mixinStandardHelpOptions = true,
    description = "The trust-repair advisor's commands. Without a command, the advisor serves its web page and API.",
    subcommands = {CheckCommand.class, DiffCommand.class})
public final class Commands {

  private static final Set<String> NAMES = Set.of("batch", "check", "diff", "help", "--help", "-h");

  private Commands() {}

  public static boolean isCommand(String[] args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  public static int run(String[] args) {
    return new CommandLine(new Commands()).execute(args);
  }
}
