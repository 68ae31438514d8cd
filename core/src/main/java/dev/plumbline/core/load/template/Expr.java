package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The syntax tree of one ARM template expression. */
sealed interface Expr {

  /** A string, integer, boolean or null literal; the node is an immutable value node. */
  record Literal(JsonNode value) implements Expr {}

  /** A function call; {@code name} keeps the spelling of the template, matching is case-insensitive. */
  record Call(String name, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code target.name}. */
  record Property(Expr target, String name) implements Expr {}

  /** {@code target[index]}. */
  record Index(Expr target, Expr index) implements Expr {}
}
