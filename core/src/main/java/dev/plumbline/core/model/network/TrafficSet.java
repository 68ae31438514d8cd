package dev.plumbline.core.model.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A set of inbound traffic: source addresses by destination ports by protocol, kept as
 * non-overlapping {@link TrafficBox}es. NSG evaluation cuts these sets rule by rule.
 */
public record TrafficSet(List<TrafficBox> boxes) {

  public static final TrafficSet EMPTY = new TrafficSet(List.of());

  public TrafficSet {
    boxes = List.copyOf(boxes);
  }

  /** Every combination of the given sources, ports and protocols. */
  public static TrafficSet of(AddressSet sources, Collection<PortRange> ports, Collection<TransportProtocol> protocols) {
    List<TrafficBox> boxes = new ArrayList<>();
    List<PortRange> merged = PortRange.merge(ports);
    for (TransportProtocol protocol : protocols) {
      for (Ipv4Range range : sources.ranges()) {
        for (PortRange portRange : merged) {
          boxes.add(new TrafficBox(range, portRange, protocol));
        }
      }
    }
    return new TrafficSet(boxes);
  }

  /** Any protocol on any port from the given sources. */
  public static TrafficSet from(AddressSet sources) {
    return of(sources, List.of(PortRange.ALL), List.of(TransportProtocol.values()));
  }

  public boolean isEmpty() {
    return boxes.isEmpty();
  }

  public TrafficSet intersect(TrafficSet other) {
    List<TrafficBox> result = new ArrayList<>();
    for (TrafficBox a : boxes) {
      for (TrafficBox b : other.boxes) {
        a.intersect(b).ifPresent(result::add);
      }
    }
    return new TrafficSet(result);
  }

  public TrafficSet minus(TrafficSet other) {
    List<TrafficBox> rest = boxes;
    for (TrafficBox cut : other.boxes) {
      List<TrafficBox> next = new ArrayList<>();
      for (TrafficBox box : rest) {
        next.addAll(box.minus(cut));
      }
      rest = next;
      if (rest.isEmpty()) {
        break;
      }
    }
    return new TrafficSet(rest);
  }

  public TrafficSet union(TrafficSet other) {
    List<TrafficBox> all = new ArrayList<>(boxes);
    all.addAll(other.minus(this).boxes);
    return new TrafficSet(all);
  }

  /** Whether all of {@code other} lies in this set. */
  public boolean containsAll(TrafficSet other) {
    return other.minus(this).isEmpty();
  }

  /** The source addresses that occur in the set. */
  public AddressSet sources() {
    return AddressSet.of(boxes.stream().map(TrafficBox::sources).toList());
  }

  /**
   * The protocols and ports, for messages: protocols with the same ports share a clause, e.g.
   * {@code TCP/UDP 22, 80-90; ICMP any port}; {@code nothing} when empty.
   */
  public String describePorts() {
    Map<TransportProtocol, List<PortRange>> byProtocol = new EnumMap<>(TransportProtocol.class);
    for (TrafficBox box : boxes) {
      byProtocol.computeIfAbsent(box.protocol(), p -> new ArrayList<>()).add(box.ports());
    }
    Map<String, List<String>> protocolsByPorts = new LinkedHashMap<>();
    byProtocol.forEach((protocol, ports) -> protocolsByPorts.computeIfAbsent(
        PortRange.merge(ports).stream().map(PortRange::toString).collect(Collectors.joining(", ")),
        k -> new ArrayList<>()).add(protocol.name()));
    if (protocolsByPorts.isEmpty()) {
      return "nothing";
    }
    return protocolsByPorts.entrySet().stream()
        .map(entry -> String.join("/", entry.getValue()) + " " + entry.getKey())
        .collect(Collectors.joining("; "));
  }
}
