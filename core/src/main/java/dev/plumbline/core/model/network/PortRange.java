package dev.plumbline.core.model.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An inclusive range of TCP/UDP ports, as an NSG rule writes them. */
public record PortRange(int first, int last) {

  public static final int MAX_PORT = 65535;

  /** Every port: {@code *} or {@code 0-65535}. */
  public static final PortRange ALL = new PortRange(0, MAX_PORT);

  public PortRange {
    if (first < 0 || last > MAX_PORT || first > last) {
      throw new IllegalArgumentException("not a port range: " + first + "-" + last);
    }
  }

  public static PortRange single(int port) {
    return new PortRange(port, port);
  }

  /**
   * Reads the port fields of a rule: each text is {@code *}, a port ({@code 80}), a range
   * ({@code 10000-10005}) or a comma list of those. Empty when any part is none of these, or when
   * there is nothing to read.
   */
  public static Optional<List<PortRange>> parseAll(Collection<String> texts) {
    List<PortRange> ranges = new ArrayList<>();
    for (String text : texts) {
      for (String part : text.split(",", -1)) {
        Optional<PortRange> range = parse(part);
        if (range.isEmpty()) {
          return Optional.empty();
        }
        ranges.add(range.get());
      }
    }
    return ranges.isEmpty() ? Optional.empty() : Optional.of(merge(ranges));
  }

  /** Reads one {@code *}, port or range. */
  public static Optional<PortRange> parse(String text) {
    String value = text.trim();
    if (value.equals("*")) {
      return Optional.of(ALL);
    }
    int dash = value.indexOf('-');
    Optional<Integer> from = port(dash < 0 ? value : value.substring(0, dash));
    Optional<Integer> to = dash < 0 ? from : port(value.substring(dash + 1));
    if (from.isEmpty() || to.isEmpty() || from.get() > to.get()) {
      return Optional.empty();
    }
    return Optional.of(new PortRange(from.get(), to.get()));
  }

  /** Sorted, with overlapping and adjacent ranges joined. */
  public static List<PortRange> merge(Collection<PortRange> input) {
    List<PortRange> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingInt(PortRange::first));
    List<PortRange> merged = new ArrayList<>();
    for (PortRange range : sorted) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).last() + 1 >= range.first()) {
        PortRange last = merged.remove(merged.size() - 1);
        merged.add(new PortRange(last.first(), Math.max(last.last(), range.last())));
      } else {
        merged.add(range);
      }
    }
    return List.copyOf(merged);
  }

  public boolean contains(int port) {
    return first <= port && port <= last;
  }

  public boolean overlaps(PortRange other) {
    return first <= other.last && other.first <= last;
  }

  /** {@code 22}, {@code 10000-10005}, or {@code any port}. */
  @Override
  public String toString() {
    if (equals(ALL)) {
      return "any port";
    }
    return first == last ? Integer.toString(first) : first + "-" + last;
  }

  private static Optional<Integer> port(String text) {
    String value = text.trim();
    if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int port = Integer.parseInt(value);
    return port > MAX_PORT ? Optional.empty() : Optional.of(port);
  }
}
