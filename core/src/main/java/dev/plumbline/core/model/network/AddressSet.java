package dev.plumbline.core.model.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A set of IPv4 addresses, kept as sorted, non-overlapping, non-adjacent ranges. */
public record AddressSet(List<Ipv4Range> ranges) {

  public static final AddressSet EMPTY = new AddressSet(List.of());

  public static final AddressSet ALL = new AddressSet(List.of(Ipv4Range.ALL));

  /** RFC 1918 private ranges and the RFC 6598 shared range: the space a private network is built from. */
  public static final AddressSet PRIVATE = of(List.of(
      Ipv4Range.cidr("10.0.0.0/8"), Ipv4Range.cidr("100.64.0.0/10"), Ipv4Range.cidr("172.16.0.0/12"),
      Ipv4Range.cidr("192.168.0.0/16")));

  /**
   * Addresses that are never a public internet sender: the private ranges, "this network", loopback,
   * link-local, IETF protocol assignments, benchmarking, multicast and reserved space, and Azure's
   * platform address 168.63.129.16 (the {@code AzureLoadBalancer} tag).
   */
  public static final AddressSet NOT_PUBLIC = PRIVATE.union(of(List.of(
      Ipv4Range.cidr("0.0.0.0/8"), Ipv4Range.cidr("127.0.0.0/8"), Ipv4Range.cidr("168.63.129.16/32"),
      Ipv4Range.cidr("169.254.0.0/16"), Ipv4Range.cidr("192.0.0.0/24"), Ipv4Range.cidr("198.18.0.0/15"),
      Ipv4Range.cidr("224.0.0.0/4"), Ipv4Range.cidr("240.0.0.0/4"))));

  public AddressSet {
    ranges = normalize(ranges);
  }

  public static AddressSet of(Collection<Ipv4Range> ranges) {
    return new AddressSet(List.copyOf(ranges));
  }

  public static AddressSet of(Ipv4Range range) {
    return new AddressSet(List.of(range));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean contains(long address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }

  /** Whether every address of {@code other} is in this set. */
  public boolean containsAll(AddressSet other) {
    return other.minus(this).isEmpty();
  }

  public boolean overlaps(AddressSet other) {
    int i = 0;
    int j = 0;
    while (i < ranges.size() && j < other.ranges.size()) {
      Ipv4Range a = ranges.get(i);
      Ipv4Range b = other.ranges.get(j);
      if (a.overlaps(b)) {
        return true;
      }
      if (a.last() < b.last()) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  public AddressSet union(AddressSet other) {
    List<Ipv4Range> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    return new AddressSet(all);
  }

  public AddressSet intersect(AddressSet other) {
    // Both lists are sorted and disjoint, so one walk along both finds every overlap.
    List<Ipv4Range> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ranges.size() && j < other.ranges.size()) {
      Ipv4Range a = ranges.get(i);
      Ipv4Range b = other.ranges.get(j);
      if (a.overlaps(b)) {
        result.add(new Ipv4Range(Math.max(a.first(), b.first()), Math.min(a.last(), b.last())));
      }
      if (a.last() < b.last()) {
        i++;
      } else {
        j++;
      }
    }
    return result.isEmpty() ? EMPTY : new AddressSet(result);
  }

  public AddressSet minus(AddressSet other) {
    if (ranges.isEmpty() || other.ranges.isEmpty()) {
      return this;
    }
    List<Ipv4Range> result = new ArrayList<>();
    // The cuts are sorted, so those that end before a range are passed once for all later ranges.
    int start = 0;
    for (Ipv4Range range : ranges) {
      while (start < other.ranges.size() && other.ranges.get(start).last() < range.first()) {
        start++;
      }
      long next = range.first();
      for (int j = start; j < other.ranges.size(); j++) {
        Ipv4Range cut = other.ranges.get(j);
        if (cut.first() > range.last()) {
          break;
        }
        if (cut.first() > next) {
          result.add(new Ipv4Range(next, cut.first() - 1));
        }
        next = cut.last() + 1;
        if (next > range.last()) {
          break;
        }
      }
      if (next <= range.last()) {
        result.add(new Ipv4Range(next, range.last()));
      }
    }
    return result.isEmpty() ? EMPTY : new AddressSet(result);
  }

  /** The ranges, comma-separated; {@code none} when empty. */
  @Override
  public String toString() {
    return ranges.isEmpty() ? "none" : ranges.stream().map(Ipv4Range::toString).collect(Collectors.joining(", "));
  }

  private static List<Ipv4Range> normalize(List<Ipv4Range> input) {
    if (isNormal(input)) {
      // Most sets come from operations on sets already in this form.
      return List.copyOf(input);
    }
    List<Ipv4Range> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingLong(Ipv4Range::first));
    List<Ipv4Range> merged = new ArrayList<>();
    for (Ipv4Range range : sorted) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).last() + 1 >= range.first()) {
        Ipv4Range last = merged.remove(merged.size() - 1);
        merged.add(new Ipv4Range(last.first(), Math.max(last.last(), range.last())));
      } else {
        merged.add(range);
      }
    }
    return List.copyOf(merged);
  }

  private static boolean isNormal(List<Ipv4Range> ranges) {
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i - 1).last() + 1 >= ranges.get(i).first()) {
        return false;
      }
    }
    return true;
  }
}
