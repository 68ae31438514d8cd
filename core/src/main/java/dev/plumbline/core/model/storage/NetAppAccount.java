package dev.plumbline.core.model.storage;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.List;

/** An Azure NetApp Files account. */
public record NetAppAccount(Resource resource, Topology topology) implements ResourceView {

  public static List<NetAppAccount> all(Topology topology) {
    return topology.ofType(ResourceType.NETAPP_ACCOUNT).stream().map(r -> new NetAppAccount(r, topology)).toList();
  }

  public List<CapacityPool> capacityPools() {
    return topology.children(resource, ResourceType.NETAPP_CAPACITY_POOL).stream()
        .map(r -> new CapacityPool(r, topology)).toList();
  }
}
