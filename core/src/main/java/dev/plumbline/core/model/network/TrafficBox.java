package dev.plumbline.core.model.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inbound traffic of one protocol from a range of source addresses to a range of destination ports. */
public record TrafficBox(Ipv4Range sources, PortRange ports, TransportProtocol protocol) {

  public Optional<TrafficBox> intersect(TrafficBox other) {
    if (protocol != other.protocol || !sources.overlaps(other.sources) || !ports.overlaps(other.ports)) {
      return Optional.empty();
    }
    return Optional.of(new TrafficBox(
        new Ipv4Range(Math.max(sources.first(), other.sources.first()), Math.min(sources.last(), other.sources.last())),
        new PortRange(Math.max(ports.first(), other.ports.first()), Math.min(ports.last(), other.ports.last())),
        protocol));
  }

  /** This box without {@code other}: at most four boxes, none overlapping. */
  public List<TrafficBox> minus(TrafficBox other) {
    Optional<TrafficBox> overlap = intersect(other);
    if (overlap.isEmpty()) {
      return List.of(this);
    }
    Ipv4Range cutSources = overlap.get().sources;
    PortRange cutPorts = overlap.get().ports;
    List<TrafficBox> rest = new ArrayList<>(4);
    if (sources.first() < cutSources.first()) {
      rest.add(new TrafficBox(new Ipv4Range(sources.first(), cutSources.first() - 1), ports, protocol));
    }
    if (cutSources.last() < sources.last()) {
      rest.add(new TrafficBox(new Ipv4Range(cutSources.last() + 1, sources.last()), ports, protocol));
    }
    if (ports.first() < cutPorts.first()) {
      rest.add(new TrafficBox(cutSources, new PortRange(ports.first(), cutPorts.first() - 1), protocol));
    }
    if (cutPorts.last() < ports.last()) {
      rest.add(new TrafficBox(cutSources, new PortRange(cutPorts.last() + 1, ports.last()), protocol));
    }
    return rest;
  }
}
