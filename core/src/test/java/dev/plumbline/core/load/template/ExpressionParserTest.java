package dev.plumbline.core.load.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

  private static Expr.Literal text(String value) {
    return new Expr.Literal(TextNode.valueOf(value));
  }

  private static Expr.Call call(String name, Expr... args) {
    return new Expr.Call(name, List.of(args));
  }

  @Test
  void parsesNestedCallsKeepingTheFunctionSpelling() {
    assertThat(ExpressionParser.parse("concat(Parameters('vnet'), '/', toLower('Default'))"))
        .isEqualTo(call("concat", call("Parameters", text("vnet")), text("/"), call("toLower", text("Default"))));
  }

  @Test
  void doubledQuoteInsideAStringIsOneQuote() {
    assertThat(ExpressionParser.parse("'it''s'")).isEqualTo(text("it's"));
    assertThat(ExpressionParser.parse("''''")).isEqualTo(text("'"));
    assertThat(ExpressionParser.parse("''")).isEqualTo(text(""));
  }

  @Test
  void stringsMayContainBracketsParenthesesAndCommas() {
    assertThat(ExpressionParser.parse("concat('[a](b),c', ']')"))
        .isEqualTo(call("concat", text("[a](b),c"), text("]")));
  }

  @Test
  void parsesLiterals() {
    assertThat(ExpressionParser.parse("42")).isEqualTo(new Expr.Literal(IntNode.valueOf(42)));
    assertThat(ExpressionParser.parse("-7")).isEqualTo(new Expr.Literal(IntNode.valueOf(-7)));
    assertThat(ExpressionParser.parse("9000000000")).isEqualTo(new Expr.Literal(LongNode.valueOf(9_000_000_000L)));
    assertThat(ExpressionParser.parse("true")).isEqualTo(new Expr.Literal(BooleanNode.TRUE));
    assertThat(ExpressionParser.parse("False")).isEqualTo(new Expr.Literal(BooleanNode.FALSE));
    assertThat(ExpressionParser.parse("null")).isEqualTo(new Expr.Literal(NullNode.getInstance()));
    assertThat(ExpressionParser.parse("true()")).isEqualTo(call("true"));
  }

  @Test
  void parsesPropertyAndIndexAccessAfterACall() {
    assertThat(ExpressionParser.parse("parameters('cfg').subnets[0]['name'].length"))
        .isEqualTo(new Expr.Property(
            new Expr.Index(
                new Expr.Index(
                    new Expr.Property(call("parameters", text("cfg")), "subnets"),
                    new Expr.Literal(IntNode.valueOf(0))),
                text("name")),
            "length"));
  }

  @Test
  void indexMayBeAnExpression() {
    assertThat(ExpressionParser.parse("variables('map')[parameters('key')]"))
        .isEqualTo(new Expr.Index(call("variables", text("map")), call("parameters", text("key"))));
  }

  @Test
  void toleratesWhitespaceBetweenTokens() {
    assertThat(ExpressionParser.parse("  concat ( 'a' ,  'b' ) . x [ 1 ] "))
        .isEqualTo(new Expr.Index(new Expr.Property(call("concat", text("a"), text("b")), "x"),
            new Expr.Literal(IntNode.valueOf(1))));
  }

  @Test
  void namespacedUserFunctionIsACall() {
    assertThat(ExpressionParser.parse("contoso.uniqueName('x')")).isEqualTo(call("contoso.uniqueName", text("x")));
  }

  @Test
  void templateExpressionPositionsCountTheOpeningBracket() {
    assertThat(ExpressionParser.parseTemplateExpression("[concat('a', 'b')]"))
        .isEqualTo(call("concat", text("a"), text("b")));
    assertThatThrownBy(() -> ExpressionParser.parseTemplateExpression("[concat('a'))]"))
        .isInstanceOf(Unresolvable.class)
        .hasMessage("invalid expression: unbalanced parentheses, unexpected ')' at position 12");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "concat('a', 'b'               | invalid expression: unbalanced parentheses, 'concat(' at position 0 is never closed",
      "concat('a', toLower('b')      | invalid expression: unbalanced parentheses, 'concat(' at position 0 is never closed",
      "concat('a'))                  | invalid expression: unbalanced parentheses, unexpected ')' at position 11",
      ")                             | invalid expression: unbalanced parentheses, unexpected ')' at position 0",
      "concat('a' 'b')               | invalid expression: expected ',' or ')' in the arguments of 'concat' at position 11",
      "concat('a',)                  | invalid expression: unbalanced parentheses, unexpected ')' at position 11",
      "concat('abc                   | invalid expression: string literal is never closed at position 7",
      "parameters                    | invalid expression: expected '(' after 'parameters' at position 0",
      "1.5                           | invalid expression: only integer numbers are allowed at position 0",
      "99999999999999999999          | invalid expression: integer 99999999999999999999 is out of range at position 0",
      "parameters('a').              | invalid expression: expected a property name after '.' at position 16",
      "parameters('a')[0             | invalid expression: missing ']' at position 17",
      "parameters('a')[              | invalid expression: missing ']' at position 16",
      "'a' 'b'                       | invalid expression: unexpected ''' at position 4",
      "@foo()                        | invalid expression: unexpected '@' at position 0",
  })
  void malformedExpressionsAreUnresolvableWithAReason(String body, String reason) {
    assertThatThrownBy(() -> ExpressionParser.parse(body))
        .isInstanceOf(Unresolvable.class)
        .hasMessage(reason);
  }

  @Test
  void emptyExpressionIsUnresolvable() {
    assertThatThrownBy(() -> ExpressionParser.parse("   "))
        .isInstanceOf(Unresolvable.class)
        .hasMessage("invalid expression: it is empty");
  }

  @Test
  void nestingIsBoundedInsteadOfOverflowingTheStack() {
    String deep = "concat(".repeat(10_000) + "'x'" + ")".repeat(10_000);
    assertThatThrownBy(() -> ExpressionParser.parse(deep))
        .isInstanceOf(Unresolvable.class)
        .hasMessage("invalid expression: nested more than 64 levels deep");
    String longChain = "parameters('a')" + ".x".repeat(10_000);
    assertThatThrownBy(() -> ExpressionParser.parse(longChain))
        .isInstanceOf(Unresolvable.class)
        .hasMessage("invalid expression: nested more than 64 levels deep");
    String nested = "concat(".repeat(64) + "'x'" + ")".repeat(64);
    assertThat(ExpressionParser.parse(nested)).isInstanceOf(Expr.Call.class);
  }
}
