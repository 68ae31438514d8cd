package dev.plumbline.core.rule;

import java.util.Locale;

/** How much a failed requirement matters, highest first. */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** Whether this severity is {@code other} or more severe. */
  public boolean isAtLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /** Parses {@code high}, {@code HIGH}, ... */
  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + text + "'; expected one of high, medium, low, info", e);
    }
  }
}
