package io.copydesk.app;

import io.copydesk.app.bench.BenchCommand;
import io.copydesk.app.eval.EvalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code copydesk} command. */
@Command(
    name = "copydesk",
    mixinStandardHelpOptions = true,
    version = "copydesk 0.1.0",
    description = "Reads news wire copy, finds who is involved, who claims what and which articles report the same event, and writes it all to files.",
    subcommands = {RunCommand.class, IngestCommand.class, EnrichCommand.class, SinkCommand.class, ResetCommand.class, TopicsCommand.class, EvalCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class CopydeskCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with a misconfiguration reported in one line and exit code 2 rather than a stack trace. */
  static CommandLine commandLine() {
    return new CommandLine(new CopydeskCli()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof io.copydesk.contract.CopydeskConfig.UnknownKeyException) {
        commandLine.getErr().println("copydesk: " + e.getMessage());
        return 2;
      }
      throw e;
    });
  }
}
