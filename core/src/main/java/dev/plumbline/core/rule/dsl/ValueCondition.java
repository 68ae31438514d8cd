package dev.plumbline.core.rule.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.rule.RuleContext;
import java.util.Objects;

/**
 * What a property's value must be, with the words for it: "equal to 'Enabled'", "at least 64".
 * Only ever shown a present value; an absent property is the caller's UNKNOWN.
 */
public final class ValueCondition {

  /** Judges one present value. */
  @FunctionalInterface
  public interface Judge {
    Verdict judge(JsonNode value, RuleContext context);
  }

  /** Writes the words for a value condition, with the settings in force when a context is at hand. */
  @FunctionalInterface
  public interface Words {
    String write(RuleContext context);
  }

  private final Words description;
  private final Words expected;
  private final Judge judge;

  private ValueCondition(Words description, Words expected, Judge judge) {
    this.description = Objects.requireNonNull(description, "description");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.judge = Objects.requireNonNull(judge, "judge");
  }

  /**
   * A condition of your own.
   *
   * @param description the words after "have property 'x'", e.g. "equal to 'Enabled'"
   * @param expected the short form evidence shows as expected, e.g. "Enabled" or ">= 64"
   */
  public static ValueCondition of(Words description, Words expected, Judge judge) {
    return new ValueCondition(description, expected, judge);
  }

  /** A condition of your own with fixed words. */
  public static ValueCondition of(String description, String expected, Judge judge) {
    return new ValueCondition(context -> description, context -> expected, judge);
  }

  public String description(RuleContext context) {
    return description.write(context);
  }

  public String expected(RuleContext context) {
    return expected.write(context);
  }

  public Verdict judge(JsonNode value, RuleContext context) {
    return judge.judge(value, context);
  }

  /** Both conditions; undecided when neither is violated but one cannot be judged. */
  public ValueCondition and(ValueCondition other) {
    return new ValueCondition(
        context -> description(context) + " and " + other.description(context),
        context -> expected(context) + " and " + other.expected(context),
        (value, context) -> {
          Verdict first = judge(value, context);
          Verdict second = other.judge(value, context);
          if (first == Verdict.VIOLATED || second == Verdict.VIOLATED) {
            return Verdict.VIOLATED;
          }
          return first == Verdict.UNDECIDED || second == Verdict.UNDECIDED ? Verdict.UNDECIDED : Verdict.HOLDS;
        });
  }
}
