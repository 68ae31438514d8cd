package dev.plumbline.core.rule.dsl;

import dev.plumbline.core.rule.RuleContext;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A value a condition compares against: fixed when the rule is written, or read from one of the
 * rule's parameters when it runs, so {@code --param PCHA-PG-03.minStorageGb=128} moves the threshold
 * without changing the sentence.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

  private final String parameter;
  private final T fixed;
  private final BiFunction<RuleContext, String, T> read;

  private Setting(String parameter, T fixed, BiFunction<RuleContext, String, T> read) {
    this.parameter = parameter;
    this.fixed = fixed;
    this.read = read;
  }

  /** A value fixed when the rule is written. */
  public static <T> Setting<T> fixed(T value) {
    return new Setting<>(null, Objects.requireNonNull(value, "value"), null);
  }

  /** The rule's integer parameter of this name. */
  public static Setting<Long> integer(String parameter) {
    return new Setting<>(parameter, null, RuleContext::integer);
  }

  /** The rule's decimal parameter of this name. */
  public static Setting<Double> decimal(String parameter) {
    return new Setting<>(parameter, null, RuleContext::decimal);
  }

  /** The rule's list parameter of this name. */
  public static Setting<List<String>> list(String parameter) {
    return new Setting<>(parameter, null, RuleContext::list);
  }

  /** The rule's boolean parameter of this name, so that a part of a rule can be switched on or off by it. */
  public static Setting<Boolean> flag(String parameter) {
    return new Setting<>(parameter, null, RuleContext::flag);
  }

  /** The rule's text parameter of this name. */
  public static Setting<String> text(String parameter) {
    return new Setting<>(parameter, null, RuleContext::text);
  }

  /** The parameter's name, or null for a value fixed when the rule is written. */
  String parameter() {
    return parameter;
  }

  /** The value in force; a parameter the rule does not declare throws, and the engine reports an ERROR. */
  public T resolve(RuleContext context) {
    return parameter == null ? fixed : read.apply(context, parameter);
  }

  /**
   * The value for a sentence: the value in force when a context is at hand, otherwise the
   * parameter's name in braces, e.g. {@code {minStorageGb}}.
   *
   * @param context the rule's context, or null when describing the rule outside an audit
   */
  public String describe(RuleContext context, java.util.function.Function<T, String> spell) {
    if (parameter == null) {
      return spell.apply(fixed);
    }
    return context == null ? "{" + parameter + "}" : spell.apply(resolve(context));
  }
}
