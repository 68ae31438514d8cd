package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for the text between the brackets of an ARM template expression. */
final class ExpressionParser {

  /** Bounds recursion so that hostile input yields a reason instead of a StackOverflowError. */
  static final int MAX_DEPTH = 64;

  private final String text;
  /** Offset of {@link #text} inside the raw template string, so reported positions match what the user sees. */
  private final int offset;
  private int pos;

  private ExpressionParser(String text, int offset) {
    this.text = text;
    this.offset = offset;
  }

  /**
   * Parses a whole template string such as {@code [concat('a', 'b')]}.
   *
   * @throws Unresolvable when the text is not a well-formed expression
   */
  static Expr parseTemplateExpression(String raw) {
    if (raw.length() < 2 || raw.charAt(0) != '[' || raw.charAt(raw.length() - 1) != ']') {
      throw new Unresolvable("invalid expression: it must start with '[' and end with ']'");
    }
    return parse(raw.substring(1, raw.length() - 1), 1);
  }

  /**
   * Parses the expression body (without the enclosing brackets).
   *
   * @throws Unresolvable when the text is not a well-formed expression
   */
  static Expr parse(String body) {
    return parse(body, 0);
  }

  private static Expr parse(String body, int offset) {
    ExpressionParser parser = new ExpressionParser(body, offset);
    parser.skipWhitespace();
    if (parser.atEnd()) {
      throw new Unresolvable("invalid expression: it is empty");
    }
    Expr expr = parser.expression(0);
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      char c = parser.peek();
      throw parser.error(c == ')'
          ? "unbalanced parentheses, unexpected ')'"
          : "unexpected '" + c + "'");
    }
    return expr;
  }

  private Expr expression(int depth) {
    if (depth > MAX_DEPTH) {
      throw new Unresolvable("invalid expression: nested more than " + MAX_DEPTH + " levels deep");
    }
    Expr expr = primary(depth);
    int chain = depth;
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        return expr;
      }
      char c = peek();
      if (c != '.' && c != '[') {
        return expr;
      }
      // Each accessor wraps the previous tree, so a long chain is as deep as nesting and evaluates recursively.
      if (++chain > MAX_DEPTH) {
        throw new Unresolvable("invalid expression: nested more than " + MAX_DEPTH + " levels deep");
      }
      pos++;
      skipWhitespace();
      if (c == '.') {
        if (atEnd() || !isIdentifierStart(peek())) {
          throw error("expected a property name after '.'");
        }
        expr = new Expr.Property(expr, identifier());
      } else {
        if (atEnd()) {
          throw error("missing ']'");
        }
        Expr index = expression(chain + 1);
        skipWhitespace();
        if (atEnd() || peek() != ']') {
          throw error("missing ']'");
        }
        pos++;
        expr = new Expr.Index(expr, index);
      }
    }
  }

  private Expr primary(int depth) {
    skipWhitespace();
    if (atEnd()) {
      throw error("unexpected end of expression");
    }
    char c = peek();
    if (c == '\'') {
      return new Expr.Literal(TextNode.valueOf(stringLiteral()));
    }
    if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
      return new Expr.Literal(integer());
    }
    if (!isIdentifierStart(c)) {
      throw error(c == ')' ? "unbalanced parentheses, unexpected ')'" : "unexpected '" + c + "'");
    }
    int start = pos;
    String name = identifier();
    skipWhitespace();
    if (!atEnd() && peek() == '(') {
      return call(name, depth, start);
    }
    // User-defined template functions are written namespace.member(...); they are recognised only to name them.
    if (!atEnd() && peek() == '.') {
      int save = pos;
      pos++;
      skipWhitespace();
      if (!atEnd() && isIdentifierStart(peek())) {
        String member = identifier();
        skipWhitespace();
        if (!atEnd() && peek() == '(') {
          return call(name + "." + member, depth, start);
        }
      }
      pos = save;
    }
    switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "true":
        return new Expr.Literal(BooleanNode.TRUE);
      case "false":
        return new Expr.Literal(BooleanNode.FALSE);
      case "null":
        return new Expr.Literal(NullNode.getInstance());
      default:
        pos = start;
        throw error("expected '(' after '" + name + "'");
    }
  }

  private Expr call(String name, int depth, int nameStart) {
    pos++;
    List<Expr> args = new ArrayList<>();
    skipWhitespace();
    if (!atEnd() && peek() == ')') {
      pos++;
      return new Expr.Call(name, args);
    }
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        throw unclosed(name, nameStart);
      }
      args.add(expression(depth + 1));
      skipWhitespace();
      if (atEnd()) {
        throw unclosed(name, nameStart);
      }
      char c = peek();
      if (c == ')') {
        pos++;
        return new Expr.Call(name, args);
      }
      if (c != ',') {
        throw error("expected ',' or ')' in the arguments of '" + name + "'");
      }
      pos++;
    }
  }

  private Unresolvable unclosed(String name, int nameStart) {
    return new Unresolvable("invalid expression: unbalanced parentheses, '" + name + "(' at position "
        + (nameStart + offset) + " is never closed");
  }

  private String stringLiteral() {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\'') {
        if (pos < text.length() && text.charAt(pos) == '\'') {
          value.append('\'');
          pos++;
        } else {
          return value.toString();
        }
      } else {
        value.append(c);
      }
    }
    pos = start;
    throw error("string literal is never closed");
  }

  private JsonNode integer() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (!atEnd() && isDigit(peek())) {
      pos++;
    }
    if (!atEnd() && (peek() == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
      pos = start;
      throw error("only integer numbers are allowed");
    }
    String digits = text.substring(start, pos);
    try {
      long value = Long.parseLong(digits);
      return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("integer " + digits + " is out of range");
    }
  }

  private String identifier() {
    int start = pos;
    while (!atEnd() && isIdentifierPart(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private Unresolvable error(String problem) {
    return new Unresolvable("invalid expression: " + problem + " at position " + (pos + offset));
  }

  private void skipWhitespace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
