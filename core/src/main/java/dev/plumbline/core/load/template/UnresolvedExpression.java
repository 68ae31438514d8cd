package dev.plumbline.core.load.template;

import java.util.Objects;

/**
 * A template value that was kept as written because it cannot be evaluated without deploying.
 *
 * @param pointer    RFC 6901 JSON pointer of the value inside the template, e.g. {@code /resources/2/properties/subnet/id}
 * @param expression the raw text of the value
 * @param reason     one short sentence saying why it was not evaluated
 */
public record UnresolvedExpression(String pointer, String expression, String reason) {

  public UnresolvedExpression {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(reason, "reason");
  }
}
