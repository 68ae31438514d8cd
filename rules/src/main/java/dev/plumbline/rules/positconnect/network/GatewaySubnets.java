package dev.plumbline.rules.positconnect.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subnets Application Gateways are deployed into, read from each gateway's IP configurations:
 * the public-facing subnet of the architecture, which nothing else may share.
 */
public final class GatewaySubnets {

  /**
   * One gateway IP configuration and the subnet it places the gateway in.
   *
   * @param gateway the gateway
   * @param ipConfiguration the gateway IP configuration ({@code gatewayIPConfigurations[]})
   * @param subnet the subnet, when it is in the topology
   */
  public record Placement(ApplicationGateway gateway, Resource ipConfiguration, Optional<Subnet> subnet) {}

  private final List<Placement> placements;

  private GatewaySubnets(List<Placement> placements) {
    this.placements = List.copyOf(placements);
  }

  /** Every gateway IP configuration in the topology, in gateway order. */
  public static GatewaySubnets in(Topology topology) {
    List<Placement> placements = new ArrayList<>();
    for (ApplicationGateway gateway : ApplicationGateway.all(topology)) {
      for (Resource configuration : topology.children(gateway.resource(), ResourceType.GATEWAY_IP_CONFIGURATION)) {
        placements.add(new Placement(gateway, configuration,
            topology.relatedOne(configuration, Relation.GATEWAY_IP_CONFIGURATION_SUBNET).map(r -> new Subnet(r, topology))));
      }
    }
    return new GatewaySubnets(placements);
  }

  public List<Placement> placements() {
    return placements;
  }

  /** The placements of one gateway. */
  public List<Placement> of(ApplicationGateway gateway) {
    return placements.stream().filter(p -> p.gateway().resource().equals(gateway.resource())).toList();
  }

  /** The distinct gateway subnets found in the topology, in gateway order. */
  public List<Subnet> subnets() {
    Set<Subnet> subnets = new LinkedHashSet<>();
    placements.forEach(p -> p.subnet().ifPresent(subnets::add));
    return List.copyOf(subnets);
  }

  /** Whether {@code subnet} holds an Application Gateway. */
  public boolean contains(Subnet subnet) {
    return placements.stream().anyMatch(p -> p.subnet().filter(subnet::equals).isPresent());
  }

  /** The names of the gateways placed in {@code subnet}, for messages. */
  public List<String> gatewaysIn(Subnet subnet) {
    Set<String> names = new LinkedHashSet<>();
    placements.stream().filter(p -> p.subnet().filter(subnet::equals).isPresent())
        .forEach(p -> names.add(p.gateway().name()));
    return List.copyOf(names);
  }
}
