package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.Optional;

/** Backend HTTP settings of an Application Gateway: port, protocol, affinity and probe. */
public record BackendHttpSettings(Resource resource, Topology topology) implements ResourceView {

  /** {@code properties.cookieBasedAffinity}: {@code Enabled} or {@code Disabled}; empty when absent. */
  public Optional<String> cookieBasedAffinity() {
    return text("properties.cookieBasedAffinity");
  }

  public Optional<Long> port() {
    return resource.number("properties.port");
  }

  public Optional<String> protocol() {
    return text("properties.protocol");
  }

  /** The custom probe the settings use; empty when they rely on the default probe. */
  public Optional<Resource> probe() {
    return relatedOne(Relation.HTTP_SETTINGS_PROBE);
  }
}
