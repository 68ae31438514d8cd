package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.List;
import java.util.Optional;

/** A public IP address resource. */
public record PublicIpAddress(Resource resource, Topology topology) implements ResourceView {

  public static List<PublicIpAddress> all(Topology topology) {
    return topology.ofType(ResourceType.PUBLIC_IP_ADDRESS).stream().map(r -> new PublicIpAddress(r, topology)).toList();
  }

  public Optional<String> ipAddress() {
    return text("properties.ipAddress");
  }
}
