package dev.plumbline.core.model.database;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.PrivateEndpoint;
import dev.plumbline.core.model.network.Subnet;
import java.util.List;
import java.util.Optional;

/** An Azure Database for PostgreSQL flexible server. */
public record PostgresFlexibleServer(Resource resource, Topology topology) implements ResourceView {

  public static List<PostgresFlexibleServer> all(Topology topology) {
    return topology.ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER).stream()
        .map(r -> new PostgresFlexibleServer(r, topology)).toList();
  }

  /** {@code properties.version}: the major version as text, e.g. {@code "16"}. */
  public Optional<String> version() {
    return text("properties.version");
  }

  public Optional<Long> storageSizeGb() {
    return resource.number("properties.storage.storageSizeGB");
  }

  /** The subnet the server is injected into (private access), if any. */
  public Optional<Subnet> delegatedSubnet() {
    return relatedOne(Relation.POSTGRES_DELEGATED_SUBNET).map(r -> new Subnet(r, topology));
  }

  public List<PrivateEndpoint> privateEndpoints() {
    return related(Relation.POSTGRES_PRIVATE_ENDPOINT).stream().map(r -> new PrivateEndpoint(r, topology)).toList();
  }
}
