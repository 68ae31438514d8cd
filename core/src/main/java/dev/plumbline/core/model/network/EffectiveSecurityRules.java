package dev.plumbline.core.model.network;

import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.model.network.SecurityGroupAttachment.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NSGs on the inbound path to one NIC IP configuration, combined as Azure combines them: the
 * subnet's NSG first, then the NIC's, traffic getting through only where both allow it, and a level
 * without an NSG allowing everything.
 *
 * @param target the receiving IP configuration
 * @param subnet what guards its subnet
 * @param networkInterface what guards its NIC
 */
public record EffectiveSecurityRules(InboundTarget target, SecurityGroupAttachment subnet,
    SecurityGroupAttachment networkInterface) {

  /** The inbound path to {@code configuration}, read through the topology. */
  public static EffectiveSecurityRules inbound(IpConfiguration configuration) {
    return new EffectiveSecurityRules(InboundTarget.of(configuration), subnetLevel(configuration), nicLevel(configuration));
  }

  /** What of {@code query} gets through both levels, and by which rules. */
  public InboundAccess evaluate(TrafficSet query) {
    NetworkSecurityEvaluation.Outcome first = NetworkSecurityEvaluation.inbound(subnet, target, query);
    TrafficSet passedSubnet = TrafficSet.EMPTY;
    for (DecidedTraffic decided : first.possiblyAllowed()) {
      passedSubnet = passedSubnet.union(decided.traffic());
    }
    // The NIC's NSG only sees what the subnet's may let through.
    NetworkSecurityEvaluation.Outcome second = NetworkSecurityEvaluation.inbound(networkInterface, target, passedSubnet);
    List<DecidedTraffic> denied = new ArrayList<>(first.denied());
    denied.addAll(second.denied());
    Set<String> doubts = new LinkedHashSet<>(first.doubts());
    doubts.addAll(second.doubts());
    return new InboundAccess(target, query, combine(first.surelyAllowed(), second.surelyAllowed()),
        combine(first.possiblyAllowed(), second.possiblyAllowed()), denied, List.copyOf(doubts));
  }

  /** Where both levels allow, with the pair of decisions. */
  private static List<AllowedTraffic> combine(List<DecidedTraffic> subnetAllowed, List<DecidedTraffic> nicAllowed) {
    List<AllowedTraffic> both = new ArrayList<>();
    for (DecidedTraffic atSubnet : subnetAllowed) {
      for (DecidedTraffic atNic : nicAllowed) {
        TrafficSet traffic = atSubnet.traffic().intersect(atNic.traffic());
        if (!traffic.isEmpty()) {
          both.add(new AllowedTraffic(traffic, atSubnet.decision(), atNic.decision()));
        }
      }
    }
    return both;
  }

  private static SecurityGroupAttachment subnetLevel(IpConfiguration configuration) {
    Optional<Subnet> subnet = configuration.subnet();
    if (subnet.isEmpty()) {
      String named = configuration.resource().reference("properties.subnet.id").flatMap(ResourceId::name).orElse("(none)");
      return SecurityGroupAttachment.unresolved(Level.SUBNET, named, "the subnet is not in the topology");
    }
    Optional<NetworkSecurityGroup> group = subnet.get().networkSecurityGroup();
    if (group.isPresent()) {
      return SecurityGroupAttachment.of(Level.SUBNET, subnet.get().name(), group.get());
    }
    if (subnet.get().resource().reference("properties.networkSecurityGroup.id").isPresent()) {
      return SecurityGroupAttachment.unresolved(Level.SUBNET, subnet.get().name(), "its NSG is not in the topology");
    }
    return SecurityGroupAttachment.none(Level.SUBNET, subnet.get().name());
  }

  private static SecurityGroupAttachment nicLevel(IpConfiguration configuration) {
    Optional<NetworkInterface> nic = configuration.networkInterface();
    if (nic.isEmpty()) {
      return SecurityGroupAttachment.unresolved(Level.NETWORK_INTERFACE, configuration.name(),
          "the NIC that holds the IP configuration is not in the topology");
    }
    Optional<NetworkSecurityGroup> group = nic.get().networkSecurityGroup();
    if (group.isPresent()) {
      return SecurityGroupAttachment.of(Level.NETWORK_INTERFACE, nic.get().name(), group.get());
    }
    if (nic.get().resource().reference("properties.networkSecurityGroup.id").isPresent()) {
      return SecurityGroupAttachment.unresolved(Level.NETWORK_INTERFACE, nic.get().name(), "its NSG is not in the topology");
    }
    return SecurityGroupAttachment.none(Level.NETWORK_INTERFACE, nic.get().name());
  }
}
