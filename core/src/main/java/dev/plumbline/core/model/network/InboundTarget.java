package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The receiving end of inbound traffic as NSG rules see it: one NIC IP configuration's private
 * address, the subnet and virtual network around it, and the application security groups it is in.
 *
 * @param name a name for messages, {@code nic/ipconfig}
 * @param address the private IPv4 address; empty when it is not known
 * @param subnetSpace the subnet's IPv4 prefixes; empty when the subnet is not known
 * @param virtualNetworkSpace the VNet's IPv4 address space; empty when the VNet is not known
 * @param connectedSpace address space of peered VNets, which the {@code VirtualNetwork} tag also covers
 * @param applicationSecurityGroups the application security groups the IP configuration belongs to
 */
public record InboundTarget(
    String name,
    Optional<Long> address,
    Optional<AddressSet> subnetSpace,
    Optional<AddressSet> virtualNetworkSpace,
    AddressSet connectedSpace,
    Set<ResourceId> applicationSecurityGroups) {

  private static final ResourceType PEERING = ResourceType.VIRTUAL_NETWORK.child("virtualNetworkPeerings");

  /** Every IPv4 address a public internet sender can have, wherever the target is. */
  private static final AddressSet PUBLIC = AddressSet.ALL.minus(AddressSet.NOT_PUBLIC);

  public InboundTarget {
    applicationSecurityGroups = Set.copyOf(applicationSecurityGroups);
  }

  /** The target a NIC IP configuration presents, read through the topology. */
  public static InboundTarget of(IpConfiguration configuration) {
    String name = configuration.networkInterface().map(nic -> nic.name() + "/").orElse("") + configuration.name();
    Optional<Long> address = configuration.privateIpAddress().flatMap(Ipv4Range::parseAddress);
    Optional<Subnet> subnet = configuration.subnet();
    Optional<AddressSet> subnetSpace = subnet.map(s -> addresses(s.addressPrefixes()));
    Optional<VirtualNetwork> network = subnet.flatMap(Subnet::virtualNetwork);
    Optional<AddressSet> networkSpace = network.map(n -> addresses(n.addressPrefixes()));
    AddressSet connected = network.map(InboundTarget::peeredSpace).orElse(AddressSet.EMPTY);
    Set<ResourceId> groups = new LinkedHashSet<>();
    configuration.get("properties.applicationSecurityGroups")
        .forEach(group -> ResourceId.tryParse(group.path("id").asText("")).ifPresent(groups::add));
    return new InboundTarget(name, address, subnetSpace, networkSpace, connected, groups);
  }

  /**
   * The public internet as senders to this target: every IPv4 address outside the special-use
   * blocks of {@link AddressSet#NOT_PUBLIC} and outside the target's own VNet.
   */
  public AddressSet publicAddresses() {
    return virtualNetworkSpace.map(PUBLIC::minus).orElse(PUBLIC);
  }

  /** Reads IPv4 prefixes; IPv6 prefixes are left out, as the evaluation covers IPv4 traffic only. */
  static AddressSet addresses(List<String> prefixes) {
    List<Ipv4Range> ranges = new ArrayList<>();
    prefixes.forEach(prefix -> Ipv4Range.parse(prefix).ifPresent(ranges::add));
    return AddressSet.of(ranges);
  }

  private static AddressSet peeredSpace(VirtualNetwork network) {
    List<String> prefixes = new ArrayList<>();
    for (Resource peering : network.topology().children(network.resource(), PEERING)) {
      peering.get("properties.remoteAddressSpace.addressPrefixes").forEach(p -> prefixes.add(p.asText()));
      peering.get("properties.remoteVirtualNetworkAddressSpace.addressPrefixes").forEach(p -> prefixes.add(p.asText()));
    }
    return addresses(prefixes);
  }
}
