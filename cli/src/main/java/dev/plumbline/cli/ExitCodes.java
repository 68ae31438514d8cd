package dev.plumbline.cli;

/** The exit codes of every command, listed in {@code --help}. */
public final class ExitCodes {

  public static final int CLEAN = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int INPUT = 3;
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
