package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.Optional;

/** An IP configuration of a network interface. */
public record IpConfiguration(Resource resource, Topology topology) implements ResourceView {

  public Optional<NetworkInterface> networkInterface() {
    return topology.parent(resource).map(r -> new NetworkInterface(r, topology));
  }

  public Optional<Subnet> subnet() {
    return relatedOne(Relation.IP_CONFIGURATION_SUBNET).map(r -> new Subnet(r, topology));
  }

  public Optional<PublicIpAddress> publicIpAddress() {
    return relatedOne(Relation.IP_CONFIGURATION_PUBLIC_IP).map(r -> new PublicIpAddress(r, topology));
  }

  /** Whether the configuration names a public IP at all, even one that is not in the topology. */
  public boolean referencesPublicIp() {
    return resource.reference("properties.publicIPAddress.id").isPresent();
  }

  public Optional<String> privateIpAddress() {
    return text("properties.privateIPAddress");
  }
}
