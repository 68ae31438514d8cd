package dev.plumbline.core.model.network;

import java.util.Optional;

/**
 * An inclusive range of IPv4 addresses, such as one CIDR block, with addresses held as unsigned
 * 32-bit values in a {@code long}.
 */
public record Ipv4Range(long first, long last) {

  /** The highest IPv4 address, 255.255.255.255. */
  public static final long MAX_ADDRESS = 0xFFFF_FFFFL;

  /** Every IPv4 address: {@code 0.0.0.0/0}. */
  public static final Ipv4Range ALL = new Ipv4Range(0, MAX_ADDRESS);

  public Ipv4Range {
    if (first < 0 || last > MAX_ADDRESS || first > last) {
      throw new IllegalArgumentException("not an IPv4 range: " + first + "-" + last);
    }
  }

  /** One address. */
  public static Ipv4Range single(long address) {
    return new Ipv4Range(address, address);
  }

  /**
   * Reads an address ({@code 10.0.0.4}) or a CIDR block ({@code 10.0.0.0/16}); host bits set in a
   * block are cleared, as Azure does. Empty when the text is neither (an IPv6 prefix, a service tag).
   */
  public static Optional<Ipv4Range> parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    Optional<Long> address = parseAddress(slash < 0 ? value : value.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    if (slash < 0) {
      return Optional.of(single(address.get()));
    }
    String bits = value.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int length = Integer.parseInt(bits);
    if (length > 32) {
      return Optional.empty();
    }
    long size = 1L << (32 - length);
    long start = address.get() & ~(size - 1) & MAX_ADDRESS;
    return Optional.of(new Ipv4Range(start, start + size - 1));
  }

  /** A CIDR block written in code, such as a well-known range; throws when it is not one. */
  public static Ipv4Range cidr(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address or CIDR block: " + text));
  }

  /** Reads a dotted-quad address; empty when the text is not exactly one. */
  public static Optional<Long> parseAddress(String text) {
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long address = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      address = (address << 8) | octet;
    }
    return Optional.of(address);
  }

  /** The dotted-quad form of an address. */
  public static String format(long address) {
    return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
  }

  public boolean contains(long address) {
    return first <= address && address <= last;
  }

  public boolean contains(Ipv4Range other) {
    return first <= other.first && other.last <= last;
  }

  public boolean overlaps(Ipv4Range other) {
    return first <= other.last && other.first <= last;
  }

  /** How many addresses the range holds. */
  public long size() {
    return last - first + 1;
  }

  /** {@code 10.0.0.0/16} when the range is one CIDR block, {@code 10.0.0.4} for one address, else {@code a-b}. */
  @Override
  public String toString() {
    if (first == last) {
      return format(first);
    }
    long size = size();
    if (Long.bitCount(size) == 1 && first % size == 0) {
      return format(first) + "/" + (32 - Long.numberOfTrailingZeros(size));
    }
    return format(first) + "-" + format(last);
  }
}
