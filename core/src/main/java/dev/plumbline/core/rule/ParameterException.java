package dev.plumbline.core.rule;

/** A rule parameter override that names no rule or parameter, or has a value of the wrong type. */
public final class ParameterException extends Exception {

  private static final long serialVersionUID = 1L;

  public ParameterException(String message) {
    super(message);
  }
}
