package dev.plumbline.core.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The types a rule parameter can have, each with how its text form is read. */
public enum ParameterType {
  INTEGER,
  DECIMAL,
  BOOLEAN,
  TEXT,
  /** A comma-separated list of texts. */
  LIST;

  /**
   * Reads a value given as text.
   *
   * @throws IllegalArgumentException with a message fit for the user when the text is not of this type
   */
  public Object parse(String text) {
    String value = text.trim();
    switch (this) {
      case INTEGER:
        try {
          return Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a whole number, got '" + text + "'", e);
        }
      case DECIMAL:
        try {
          return Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a number, got '" + text + "'", e);
        }
      case BOOLEAN:
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          return Boolean.parseBoolean(lower);
        }
        throw new IllegalArgumentException("expected true or false, got '" + text + "'");
      case LIST:
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
          throw new IllegalArgumentException("expected a comma-separated list with at least one item, got '" + text + "'");
        }
        return items;
      default:
        return value;
    }
  }
}
