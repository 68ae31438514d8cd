package dev.plumbline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the command line with captured output. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A run that sees these environment variables (and no others) where the commands read the environment. */
  static CliRun withEnvironment(java.util.Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine line = PlumblineCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
    ((AuditCommand) line.getSubcommands().get("audit").getCommand()).environment = environment::get;
    ((SnapshotCommand) line.getSubcommands().get("snapshot").getCommand()).environment = environment::get;
    int code = line.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static Path example(String name) {
    return Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", name);
  }
}
