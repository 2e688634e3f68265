package io.copydesk.app;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code copydesk} command. */
@Command(
    name = "copydesk",
    mixinStandardHelpOptions = true,
    version = "copydesk 0.1.0",
    description =
        "Reads news wire copy, finds who is involved, who claims what and which articles report the same event, and writes it all to files.",
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      ResetCommand.class,
      TopicsCommand.class
    })
public final class CopydeskCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line: the product's subcommands, then every {@link ToolCommand} on the classpath
   * ({@code eval}, {@code bench} in a source checkout), then {@code help}; a misconfiguration is
   * reported in one line and exit code 2 rather than a stack trace. Public for the tools module,
   * whose tests check that the launcher finds its commands.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CopydeskCli());
    for (ToolCommand tool : ServiceLoader.load(ToolCommand.class)) {
      cli.addSubcommand(tool);
    }
    cli.addSubcommand(new CommandLine.HelpCommand());
    return cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof io.copydesk.contract.CopydeskConfig.UnknownKeyException) {
            commandLine.getErr().println("copydesk: " + e.getMessage());
            return 2;
          }
          throw e;
        });
  }
}
