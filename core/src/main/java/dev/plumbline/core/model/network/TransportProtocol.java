package dev.plumbline.core.model.network;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The protocols an NSG rule can name; {@code *} (Any) stands for all of them. */
public enum TransportProtocol {
  TCP,
  UDP,
  ICMP,
  ESP,
  AH;

  /** The protocols a rule's {@code protocol} field covers; empty when the value is not one Azure defines. */
  public static Optional<Set<TransportProtocol>> parse(String text) {
    String value = text.trim().toUpperCase(Locale.ROOT);
    if (value.equals("*") || value.equals("ANY")) {
      return Optional.of(EnumSet.allOf(TransportProtocol.class));
    }
    for (TransportProtocol protocol : values()) {
      if (protocol.name().equals(value)) {
        return Optional.of(EnumSet.of(protocol));
      }
    }
    return Optional.empty();
  }
}
