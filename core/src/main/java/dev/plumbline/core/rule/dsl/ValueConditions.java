package dev.plumbline.core.rule.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The value conditions rules use most. Text compares ignoring case, because ARM accepts its enum
 * values in any case and Resource Graph returns some lower-cased.
 */
public final class ValueConditions {

  private ValueConditions() {}

  /** Equal to the text (ignoring case), or to the number or boolean written as text. */
  public static ValueCondition equalTo(Object expected) {
    String text = String.valueOf(expected);
    return ValueCondition.of("equal to " + quote(text), text,
        (value, context) -> scalar(value).map(actual -> actual.equalsIgnoreCase(text) ? Verdict.HOLDS : Verdict.VIOLATED)
            .orElse(Verdict.VIOLATED));
  }

  /** One of the given texts, ignoring case. */
  public static ValueCondition oneOf(String... allowed) {
    return oneOf(Setting.fixed(List.of(allowed)));
  }

  /** One of the texts the setting holds, ignoring case. */
  public static ValueCondition oneOf(Setting<List<String>> allowed) {
    return ValueCondition.of(
        context -> "one of " + allowed.describe(context, ValueConditions::quoteAll),
        context -> allowed.describe(context, list -> String.join(" or ", list)),
        (value, context) -> scalar(value)
            .map(actual -> allowed.resolve(context).stream().anyMatch(actual::equalsIgnoreCase) ? Verdict.HOLDS : Verdict.VIOLATED)
            .orElse(Verdict.VIOLATED));
  }

  /**
   * One of the allowed texts, ignoring case, where a refused text fails and any other cannot be
   * judged, so that an enum value Azure adds later is UNKNOWN rather than silently passing or failing.
   */
  public static ValueCondition oneOfKnown(List<String> allowed, List<String> refused) {
    List<String> passing = List.copyOf(allowed);
    List<String> failing = List.copyOf(refused);
    String words = passing.size() == 1 ? "equal to " + quote(passing.get(0)) : "one of " + quoteAll(passing);
    return ValueCondition.of(words, String.join(" or ", passing),
        (value, context) -> scalar(value).map(actual -> passing.stream().anyMatch(actual::equalsIgnoreCase) ? Verdict.HOLDS
                : failing.stream().anyMatch(actual::equalsIgnoreCase) ? Verdict.VIOLATED : Verdict.UNDECIDED)
            .orElse(Verdict.UNDECIDED));
  }

  /** A whole number at least the given one (numbers written as text count). */
  public static ValueCondition atLeast(long minimum) {
    return atLeast(Setting.fixed(minimum));
  }

  /** A whole number at least the setting's value. */
  public static ValueCondition atLeast(Setting<Long> minimum) {
    return compare("at least ", ">= ", minimum, (actual, bound) -> actual >= bound);
  }

  /** A whole number at most the given one. */
  public static ValueCondition atMost(long maximum) {
    return atMost(Setting.fixed(maximum));
  }

  /** A whole number at most the setting's value. */
  public static ValueCondition atMost(Setting<Long> maximum) {
    return compare("at most ", "<= ", maximum, (actual, bound) -> actual <= bound);
  }

  /** Text matching the regular expression as a whole. */
  public static ValueCondition matching(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return ValueCondition.of("matching /" + regex + "/", "/" + regex + "/",
        (value, context) -> scalar(value).map(actual -> pattern.matcher(actual).matches() ? Verdict.HOLDS : Verdict.VIOLATED)
            .orElse(Verdict.VIOLATED));
  }

  /** Any value at all: the property is stated. */
  public static ValueCondition present() {
    return ValueCondition.of("set", "a value", (value, context) -> Verdict.HOLDS);
  }

  /**
   * A version whose major part (before the first dot) is one of the setting's values: "16.4"
   * meets {@code 16}.
   */
  public static ValueCondition majorVersionIn(Setting<List<String>> allowed) {
    return ValueCondition.of(
        context -> "with a major version among " + allowed.describe(context, ValueConditions::quoteAll),
        context -> allowed.describe(context, list -> String.join(" or ", list)),
        (value, context) -> scalar(value).map(version -> {
          String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
          return allowed.resolve(context).stream().anyMatch(major.trim()::equalsIgnoreCase) ? Verdict.HOLDS : Verdict.VIOLATED;
        }).orElse(Verdict.UNDECIDED));
  }

  /** The value as people read it: a scalar's text, or compact JSON for objects and arrays. */
  public static String spell(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  static String quote(String text) {
    return "'" + text + "'";
  }

  private static String quoteAll(List<String> values) {
    return values.stream().map(ValueConditions::quote).collect(Collectors.joining(", "));
  }

  private static Optional<String> scalar(JsonNode value) {
    return value.isValueNode() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static ValueCondition compare(String words, String symbol, Setting<Long> bound,
      java.util.function.BiPredicate<Long, Long> holds) {
    Function<Long, String> spell = String::valueOf;
    return ValueCondition.of(
        context -> words + bound.describe(context, spell),
        context -> symbol + bound.describe(context, spell),
        (value, context) -> wholeNumber(value)
            .map(actual -> holds.test(actual, bound.resolve(context)) ? Verdict.HOLDS : Verdict.VIOLATED)
            .orElse(Verdict.UNDECIDED));
  }

  private static Optional<Long> wholeNumber(JsonNode value) {
    if (value.isIntegralNumber()) {
      return Optional.of(value.asLong());
    }
    if (value.isNumber()) {
      return Optional.of((long) Math.floor(value.asDouble()));
    }
    if (value.isTextual()) {
      try {
        return Optional.of(Long.parseLong(value.asText().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
