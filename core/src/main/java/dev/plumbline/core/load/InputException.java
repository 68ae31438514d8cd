package dev.plumbline.core.load;

/**
 * An input that cannot be loaded. The message is one line, {@code file:line:column: what was
 * expected}, fit to show a user as it is.
 */
public final class InputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public InputException(String file, int line, int column, String problem) {
    this(file, line, column, problem, null);
  }

  public InputException(String file, int line, int column, String problem, Throwable cause) {
    super(format(file, line, column, problem), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String format(String file, int line, int column, String problem) {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return where + ": " + problem.replace('\n', ' ').replace('\r', ' ');
  }

  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the problem is with the file as a whole (missing, unreadable). */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What was wrong, without the location. */
  public String problem() {
    return problem;
  }
}
