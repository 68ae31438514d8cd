package dev.plumbline.rules.positconnect.database;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.NetworkInterface;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.network.VirtualNetwork;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The virtual networks the Connect nodes sit in (through their NICs' subnets), and whether another
 * subnet, such as the database's or the shared volume's, is reachable from every node.
 */
public final class ConnectNetwork {

  private static final ResourceType PEERING = ResourceType.VIRTUAL_NETWORK.child("virtualNetworkPeerings");

  /** How a subnet relates to the nodes' networks, from best to worst for reachability. */
  public enum Reach {
    /** In the VNet every node sits in. */
    SAME_NETWORK,
    /** In a VNet connected to each node's VNet by a peering. */
    PEERED,
    /** The data needed to tell is missing. */
    UNKNOWN,
    /** Neither in the nodes' VNet nor joined to it by a connected peering. */
    ELSEWHERE
  }

  /** Where a subnet lies, with a clause that says why, fit to follow "subnet X is ...". */
  public record Placement(Reach reach, String explanation) {}

  private final Topology topology;
  private final ConnectNodes nodes;
  private final Map<ConnectNode, List<VirtualNetwork>> networksByNode;

  private ConnectNetwork(Topology topology, ConnectNodes nodes) {
    this.topology = topology;
    this.nodes = nodes;
    Map<ConnectNode, List<VirtualNetwork>> byNode = new LinkedHashMap<>();
    for (ConnectNode node : nodes.nodes()) {
      Set<VirtualNetwork> networks = new LinkedHashSet<>();
      for (NetworkInterface nic : node.vm().networkInterfaces()) {
        for (IpConfiguration configuration : nic.ipConfigurations()) {
          configuration.subnet().flatMap(Subnet::virtualNetwork).ifPresent(networks::add);
        }
      }
      byNode.put(node, List.copyOf(networks));
    }
    this.networksByNode = byNode;
  }

  /** The network of the Connect nodes as the rule's pack selects them. */
  public static ConnectNetwork of(RuleContext context) {
    return new ConnectNetwork(context.topology(), ConnectNodes.in(context));
  }

  public ConnectNodes nodes() {
    return nodes;
  }

  /** Every VNet that holds a node's NIC, without repeats. */
  public List<VirtualNetwork> networks() {
    Set<VirtualNetwork> all = new LinkedHashSet<>();
    networksByNode.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /** The VNet names for messages: {@code vnet-connect}, or {@code none}. */
  public String names() {
    List<VirtualNetwork> networks = networks();
    return networks.isEmpty() ? "none" : String.join(", ", networks.stream().map(VirtualNetwork::name).toList());
  }

  /**
   * Where {@code subnet} lies for the nodes: the worst placement over every node, each node taking
   * the best of its own VNets.
   */
  public Placement place(Subnet subnet) {
    if (networksByNode.isEmpty()) {
      return new Placement(Reach.UNKNOWN, "not comparable with the Connect VNet, because no Connect node was found");
    }
    Optional<VirtualNetwork> target = subnet.virtualNetwork();
    if (target.isEmpty()) {
      return new Placement(Reach.UNKNOWN, "in a VNet that is not in the topology");
    }
    VirtualNetwork network = target.get();
    Reach worst = Reach.SAME_NETWORK;
    List<String> unknownNodes = new ArrayList<>();
    List<String> unreachedNodes = new ArrayList<>();
    for (Map.Entry<ConnectNode, List<VirtualNetwork>> entry : networksByNode.entrySet()) {
      Reach best = entry.getValue().isEmpty()
          ? Reach.UNKNOWN
          : entry.getValue().stream().map(own -> reach(own, network)).min(Enum::compareTo).orElseThrow();
      if (best == Reach.UNKNOWN) {
        unknownNodes.add(entry.getKey().vm().name());
      } else if (best == Reach.ELSEWHERE) {
        unreachedNodes.add(entry.getKey().vm().name());
      }
      worst = best.compareTo(worst) > 0 ? best : worst;
    }
    String where = "in VNet " + network.name();
    return switch (worst) {
      case SAME_NETWORK -> new Placement(worst, where + ", the Connect nodes' VNet");
      case PEERED -> new Placement(worst, where + ", peered with the Connect nodes' VNet " + names());
      case UNKNOWN -> new Placement(worst, where + ", and whether it is reachable from " + String.join(", ", unknownNodes)
          + " cannot be told (the node's VNet or the peering state is not known)");
      case ELSEWHERE -> new Placement(worst, where + ", which is neither the VNet of " + String.join(", ", unreachedNodes)
          + " nor joined to it by a Connected peering");
    };
  }

  /** How {@code target} relates to one node VNet. */
  private Reach reach(VirtualNetwork own, VirtualNetwork target) {
    if (own.resource().equals(target.resource())) {
      return Reach.SAME_NETWORK;
    }
    Reach found = Reach.ELSEWHERE;
    for (Resource peering : peeringsBetween(own, target)) {
      Optional<String> state = peering.text("properties.peeringState");
      if (state.isEmpty()) {
        found = Reach.UNKNOWN;
      } else if (state.get().equalsIgnoreCase("Connected")) {
        return Reach.PEERED;
      }
    }
    return found;
  }

  /** The peerings either VNet declares towards the other, read from each side's peering list. */
  private List<Resource> peeringsBetween(VirtualNetwork one, VirtualNetwork other) {
    List<Resource> peerings = new ArrayList<>();
    peerings.addAll(peeringsTo(one, other));
    peerings.addAll(peeringsTo(other, one));
    return peerings;
  }

  private List<Resource> peeringsTo(VirtualNetwork from, VirtualNetwork to) {
    return topology.children(from.resource(), PEERING).stream()
        .filter(peering -> peering.text("properties.remoteVirtualNetwork.id").flatMap(topology::find)
            .filter(to.resource()::equals).isPresent())
        .toList();
  }
}
