package dev.plumbline.core.model.storage;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.List;
import java.util.Optional;

/** An Azure NetApp Files capacity pool. */
public record CapacityPool(Resource resource, Topology topology) implements ResourceView {

  public static List<CapacityPool> all(Topology topology) {
    return topology.ofType(ResourceType.NETAPP_CAPACITY_POOL).stream().map(r -> new CapacityPool(r, topology)).toList();
  }

  public Optional<NetAppAccount> account() {
    return topology.parent(resource).map(r -> new NetAppAccount(r, topology));
  }

  /** {@code properties.size} in bytes. */
  public Optional<Long> sizeBytes() {
    return resource.number("properties.size");
  }

  public List<NetAppVolume> volumes() {
    return topology.children(resource, ResourceType.NETAPP_VOLUME).stream().map(r -> new NetAppVolume(r, topology)).toList();
  }
}
