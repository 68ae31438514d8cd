package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A subnet, whether read inside its VNet or by itself. */
public record Subnet(Resource resource, Topology topology) implements ResourceView {

  public static List<Subnet> all(Topology topology) {
    return topology.ofType(ResourceType.SUBNET).stream().map(r -> new Subnet(r, topology)).toList();
  }

  public Optional<VirtualNetwork> virtualNetwork() {
    return topology.parent(resource).map(r -> new VirtualNetwork(r, topology));
  }

  public Optional<NetworkSecurityGroup> networkSecurityGroup() {
    return relatedOne(Relation.SUBNET_SECURITY_GROUP).map(r -> new NetworkSecurityGroup(r, topology));
  }

  /** {@code properties.addressPrefix} and {@code properties.addressPrefixes} together. */
  public List<String> addressPrefixes() {
    List<String> prefixes = new ArrayList<>();
    text("properties.addressPrefix").ifPresent(prefixes::add);
    get("properties.addressPrefixes").forEach(p -> prefixes.add(p.asText()));
    return prefixes;
  }

  /** The services the subnet is delegated to, e.g. {@code Microsoft.NetApp/volumes}. */
  public List<String> delegations() {
    List<String> services = new ArrayList<>();
    get("properties.delegations").forEach(d -> {
      String service = d.path("properties").path("serviceName").asText("");
      if (!service.isBlank()) {
        services.add(service);
      }
    });
    return services;
  }

  public boolean isDelegatedTo(String service) {
    return delegations().stream().anyMatch(service::equalsIgnoreCase);
  }

  /** The NIC IP configurations placed in this subnet. */
  public List<IpConfiguration> ipConfigurations() {
    return topology.referencing(resource, Relation.IP_CONFIGURATION_SUBNET).stream()
        .map(r -> new IpConfiguration(r, topology)).toList();
  }
}
