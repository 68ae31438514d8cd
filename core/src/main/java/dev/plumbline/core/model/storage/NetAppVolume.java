package dev.plumbline.core.model.storage;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.Subnet;
import java.util.List;
import java.util.Optional;

/** An Azure NetApp Files volume. */
public record NetAppVolume(Resource resource, Topology topology) implements ResourceView {

  public static List<NetAppVolume> all(Topology topology) {
    return topology.ofType(ResourceType.NETAPP_VOLUME).stream().map(r -> new NetAppVolume(r, topology)).toList();
  }

  public Optional<CapacityPool> capacityPool() {
    return topology.parent(resource).map(r -> new CapacityPool(r, topology));
  }

  public Optional<Subnet> subnet() {
    return relatedOne(Relation.VOLUME_SUBNET).map(r -> new Subnet(r, topology));
  }

  /** {@code properties.encryptionKeySource}: {@code Microsoft.NetApp} or {@code Microsoft.KeyVault}. */
  public Optional<String> encryptionKeySource() {
    return text("properties.encryptionKeySource");
  }

  /** {@code properties.usageThreshold}: the quota in bytes. */
  public Optional<Long> quotaBytes() {
    return resource.number("properties.usageThreshold");
  }
}
