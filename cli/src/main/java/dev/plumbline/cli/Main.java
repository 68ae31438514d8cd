package dev.plumbline.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code plumbline} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  /** Runs the command with the given streams and returns the exit code; the seam tests use. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int code = PlumblineCommand.commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
