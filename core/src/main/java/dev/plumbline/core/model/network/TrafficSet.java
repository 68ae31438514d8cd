package dev.plumbline.core.model.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
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
    if (isEmpty() || other.isEmpty()) {
      return EMPTY;
    }
    if (other == this) {
      return this;
    }
    return combine(other, AddressSet::intersect, false, false);
  }

  public TrafficSet minus(TrafficSet other) {
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    if (other == this) {
      return EMPTY;
    }
    return combine(other, AddressSet::minus, true, false);
  }

  public TrafficSet union(TrafficSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return combine(other, AddressSet::union, true, true);
  }

  /** Whether all of {@code other} lies in this set. */
  public boolean containsAll(TrafficSet other) {
    return other.minus(this).isEmpty();
  }

  /**
   * Applies {@code operation} to the source addresses of both sets, protocol by protocol and over
   * each stretch of ports on which neither set changes. Each side is read once into sorted address
   * sets, so the cost grows with the number of boxes, not with its square; the result is the fewest
   * boxes: one per source range and stretch of ports with the same sources.
   *
   * @param keepsMine whether traffic of a protocol only this set has is kept as it is (minus, union)
   * @param keepsTheirs whether traffic of a protocol only {@code other} has is kept as it is (union)
   */
  private TrafficSet combine(TrafficSet other, BinaryOperator<AddressSet> operation, boolean keepsMine,
      boolean keepsTheirs) {
    List<TrafficBox> result = new ArrayList<>();
    for (TransportProtocol protocol : TransportProtocol.values()) {
      List<TrafficBox> mine = ofProtocol(boxes, protocol);
      List<TrafficBox> theirs = ofProtocol(other.boxes, protocol);
      if (mine.isEmpty() || theirs.isEmpty()) {
        if (keepsMine) {
          result.addAll(mine);
        }
        if (keepsTheirs) {
          result.addAll(theirs);
        }
        continue;
      }
      // The ports where either side starts or stops covering some sources cut the port axis into stretches.
      int[] cuts = new int[2 * (mine.size() + theirs.size())];
      int count = 0;
      for (List<TrafficBox> side : List.of(mine, theirs)) {
        for (TrafficBox box : side) {
          cuts[count++] = box.ports().first();
          cuts[count++] = box.ports().last() + 1;
        }
      }
      Arrays.sort(cuts);
      AddressSet pending = AddressSet.EMPTY;
      int pendingFirst = cuts[0];
      int from = cuts[0];
      for (int i = 1; i < count; i++) {
        int to = cuts[i];
        if (to == from) {
          continue;
        }
        AddressSet sources = operation.apply(sourcesAt(mine, from), sourcesAt(theirs, from));
        if (!sources.equals(pending)) {
          emit(result, pending, pendingFirst, from - 1, protocol);
          pending = sources;
          pendingFirst = from;
        }
        from = to;
      }
      emit(result, pending, pendingFirst, from - 1, protocol);
    }
    return new TrafficSet(result);
  }

  private static List<TrafficBox> ofProtocol(List<TrafficBox> boxes, TransportProtocol protocol) {
    List<TrafficBox> found = new ArrayList<>();
    for (TrafficBox box : boxes) {
      if (box.protocol() == protocol) {
        found.add(box);
      }
    }
    return found;
  }

  /** The sources of the boxes that cover {@code port}. */
  private static AddressSet sourcesAt(List<TrafficBox> boxes, int port) {
    List<Ipv4Range> ranges = new ArrayList<>(boxes.size());
    for (TrafficBox box : boxes) {
      if (box.ports().contains(port)) {
        ranges.add(box.sources());
      }
    }
    return ranges.isEmpty() ? AddressSet.EMPTY : new AddressSet(ranges);
  }

  private static void emit(List<TrafficBox> result, AddressSet sources, int first, int last, TransportProtocol protocol) {
    if (sources.isEmpty()) {
      return;
    }
    PortRange ports = new PortRange(first, last);
    for (Ipv4Range range : sources.ranges()) {
      result.add(new TrafficBox(range, ports, protocol));
    }
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
