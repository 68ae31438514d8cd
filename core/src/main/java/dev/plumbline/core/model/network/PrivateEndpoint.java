package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.List;
import java.util.Optional;

/** A private endpoint: a NIC in a subnet that reaches a PaaS service privately. */
public record PrivateEndpoint(Resource resource, Topology topology) implements ResourceView {

  public static List<PrivateEndpoint> all(Topology topology) {
    return topology.ofType(ResourceType.PRIVATE_ENDPOINT).stream().map(r -> new PrivateEndpoint(r, topology)).toList();
  }

  public Optional<Subnet> subnet() {
    return relatedOne(Relation.PRIVATE_ENDPOINT_SUBNET).map(r -> new Subnet(r, topology));
  }
}
