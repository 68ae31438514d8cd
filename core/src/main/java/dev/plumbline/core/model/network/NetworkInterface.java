package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.compute.VirtualMachine;
import java.util.List;
import java.util.Optional;

/** A network interface and its IP configurations. */
public record NetworkInterface(Resource resource, Topology topology) implements ResourceView {

  public static List<NetworkInterface> all(Topology topology) {
    return topology.ofType(ResourceType.NETWORK_INTERFACE).stream().map(r -> new NetworkInterface(r, topology)).toList();
  }

  public List<IpConfiguration> ipConfigurations() {
    return topology.children(resource, ResourceType.NIC_IP_CONFIGURATION).stream()
        .map(r -> new IpConfiguration(r, topology)).toList();
  }

  /** The NSG on the NIC itself (not the one on its subnet). */
  public Optional<NetworkSecurityGroup> networkSecurityGroup() {
    return relatedOne(Relation.NIC_SECURITY_GROUP).map(r -> new NetworkSecurityGroup(r, topology));
  }

  /** The VM the NIC is attached to, from either side of the link. */
  public Optional<VirtualMachine> virtualMachine() {
    return relatedOne(Relation.NIC_VIRTUAL_MACHINE)
        .or(() -> topology.referencing(resource, Relation.VM_NETWORK_INTERFACE).stream().findFirst())
        .map(r -> new VirtualMachine(r, topology));
  }
}
