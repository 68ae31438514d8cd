package dev.plumbline.cli;

import dev.plumbline.core.Plumbline;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(
    name = "plumbline",
    mixinStandardHelpOptions = true,
    versionProvider = PlumblineCommand.Version.class,
    description = "Checks a deployed Azure architecture against its reference design and says where and why it falls short.",
    subcommands = {AuditCommand.class, SnapshotCommand.class, RulesCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:clean: no finding at or above --fail-on",
        "1:findings at or above --fail-on (FAIL, ERROR, or UNKNOWN unless --unknown warn)",
        "2:usage error (bad option, parameter or rule id)",
        "3:an input could not be loaded",
        "4:internal error"})
public final class PlumblineCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line wired to the given streams, with Plumbline's exit codes and error handling. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new PlumblineCommand());
    line.setOut(out);
    line.setErr(err);
    line.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
    line.setParameterExceptionHandler((ex, args) -> {
      CommandLine failed = ex.getCommandLine();
      failed.getErr().println("plumbline: " + ex.getMessage());
      failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCodes.USAGE;
    });
    line.setExecutionExceptionHandler((ex, failed, parseResult) -> {
      failed.getErr().println("plumbline: internal error: " + ex + " (run with --verbose for the stack trace)");
      if (parseResult.hasMatchedOption("--verbose")) {
        ex.printStackTrace(failed.getErr());
      }
      return ExitCodes.INTERNAL;
    });
    // Subcommands list the same exit codes in their own help.
    for (CommandLine sub : line.getSubcommands().values()) {
      sub.getCommandSpec().usageMessage()
          .exitCodeListHeading(line.getCommandSpec().usageMessage().exitCodeListHeading())
          .exitCodeList(line.getCommandSpec().usageMessage().exitCodeList());
    }
    return line;
  }

  /** Prints the version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Plumbline.NAME + " " + Plumbline.version()};
    }
  }
}
