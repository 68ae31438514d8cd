package dev.plumbline.core.nodes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting's value as Connect reads it, so equal values compare equal whatever their spelling.
 *
 * <p>Tried in order: boolean ({@code true/false/yes/no/on/off/1/0}, case ignored, as gcfg reads
 * bools; so {@code 1} is a boolean), integer (decimal or {@code 0x} hex, as gcfg reads ints), Go
 * duration ({@code 500ms}, {@code 1h30m}, {@code 2.5s}; units case-sensitive as in Go), byte size
 * ({@code 5 MB}, {@code 5KiB}, {@code 1.5GB}: KB..TB are powers of 1000, KiB..TiB of 1024, units case
 * ignored), else text.
 *
 * @param value Boolean, Long, Duration, Long bytes, or the text itself
 */
public record GcfgValue(Kind kind, String text, Object value) {

  /** What a value reads as. */
  public enum Kind { BOOLEAN, INTEGER, DURATION, BYTES, TEXT }

  private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "0");
  private static final Pattern INTEGER = Pattern.compile("([+-]?)(?:0[xX]([0-9a-fA-F]+)|([0-9]+))");
  private static final String NUMBER = "(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)";
  private static final String GO_UNIT = "(ns|us|\u00b5s|\u03bcs|ms|s|m|h)"; // micro sign and Greek mu, as in Go
  private static final Pattern DURATION = Pattern.compile("[+-]?(?:" + NUMBER + GO_UNIT + ")+");
  private static final Pattern DURATION_PART = Pattern.compile("(" + NUMBER + ")" + GO_UNIT);
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
      "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final Pattern BYTES = Pattern.compile("(" + NUMBER + ") *(B|[KMGT]i?B)", Pattern.CASE_INSENSITIVE);

  public GcfgValue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
  }

  public static GcfgValue of(String text) {
    String trimmed = text.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (TRUE.contains(lower) || FALSE.contains(lower)) {
      return new GcfgValue(Kind.BOOLEAN, text, TRUE.contains(lower));
    }
    Matcher integer = INTEGER.matcher(trimmed);
    if (integer.matches()) {
      BigInteger number = integer.group(2) != null ? new BigInteger(integer.group(2), 16) : new BigInteger(integer.group(3));
      number = integer.group(1).equals("-") ? number.negate() : number;
      if (number.bitLength() < 64) {
        return new GcfgValue(Kind.INTEGER, text, number.longValue());
      }
    }
    if (DURATION.matcher(trimmed).matches()) {
      BigDecimal nanos = BigDecimal.ZERO;
      for (Matcher part = DURATION_PART.matcher(trimmed); part.find(); ) {
        nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
      }
      // Go keeps a duration in a signed 64-bit count of nanoseconds and drops fractions of one.
      BigInteger whole = (trimmed.startsWith("-") ? nanos.negate() : nanos).toBigInteger();
      if (whole.bitLength() < 64) {
        return new GcfgValue(Kind.DURATION, text, Duration.ofNanos(whole.longValue()));
      }
    }
    Matcher bytes = BYTES.matcher(trimmed);
    if (bytes.matches()) {
      String unit = bytes.group(2).toUpperCase(Locale.ROOT);
      int power = "BKMGT".indexOf(unit.charAt(0));
      BigDecimal base = BigDecimal.valueOf(unit.contains("I") ? 1024 : 1000);
      try {
        long count = new BigDecimal(bytes.group(1)).multiply(base.pow(power)).longValueExact();
        return new GcfgValue(Kind.BYTES, text, count);
      } catch (ArithmeticException notWholeBytes) {
        // "1.5 B" or more than a long holds: not a size Connect could mean, so leave it as text.
      }
    }
    return new GcfgValue(Kind.TEXT, text, text);
  }

  /**
   * Canonical form used for comparing: {@code true}/{@code false}, a decimal integer, an ISO-8601
   * duration ({@code PT3M}), {@code <n> B}, or the text; equal for "3m" and "180s", "5 MB" and
   * "5000000 B", "True" and "yes".
   */
  public String canonical() {
    return switch (kind) {
      case BOOLEAN, INTEGER, DURATION -> value.toString();
      case BYTES -> value + " B";
      case TEXT -> text;
    };
  }
}
