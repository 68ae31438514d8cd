package dev.plumbline.core.model.compute;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.NetworkInterface;
import java.util.List;
import java.util.Optional;

/** A virtual machine and the NICs it uses. */
public record VirtualMachine(Resource resource, Topology topology) implements ResourceView {

  public static List<VirtualMachine> all(Topology topology) {
    return topology.ofType(ResourceType.VIRTUAL_MACHINE).stream().map(r -> new VirtualMachine(r, topology)).toList();
  }

  /** {@code properties.hardwareProfile.vmSize}, e.g. {@code Standard_D8_v5}. */
  public Optional<String> size() {
    return text("properties.hardwareProfile.vmSize");
  }

  public List<NetworkInterface> networkInterfaces() {
    return related(Relation.VM_NETWORK_INTERFACE).stream().map(r -> new NetworkInterface(r, topology)).toList();
  }

  /** The computer name the OS was given, which is usually its host name. */
  public Optional<String> computerName() {
    return text("properties.osProfile.computerName");
  }
}
