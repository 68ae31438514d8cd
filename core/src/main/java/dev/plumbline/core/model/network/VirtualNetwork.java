package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** A virtual network and its subnets. */
public record VirtualNetwork(Resource resource, Topology topology) implements ResourceView {

  public static List<VirtualNetwork> all(Topology topology) {
    return topology.ofType(ResourceType.VIRTUAL_NETWORK).stream().map(r -> new VirtualNetwork(r, topology)).toList();
  }

  public List<Subnet> subnets() {
    return topology.children(resource, ResourceType.SUBNET).stream().map(r -> new Subnet(r, topology)).toList();
  }

  /** The address prefixes of {@code properties.addressSpace}. */
  public List<String> addressPrefixes() {
    List<String> prefixes = new ArrayList<>();
    resource.get("properties.addressSpace.addressPrefixes").forEach(p -> prefixes.add(p.asText()));
    return prefixes;
  }
}
