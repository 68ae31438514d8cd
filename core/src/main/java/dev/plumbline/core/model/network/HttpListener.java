package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.Optional;

/** An HTTP(S) listener of an Application Gateway. */
public record HttpListener(Resource resource, Topology topology) implements ResourceView {

  public Optional<String> protocol() {
    return text("properties.protocol");
  }

  public Optional<Long> port() {
    return relatedOne(Relation.LISTENER_FRONTEND_PORT).flatMap(p -> p.number("properties.port"));
  }

  public Optional<Resource> frontendIpConfiguration() {
    return relatedOne(Relation.LISTENER_FRONTEND_IP);
  }

  /** Whether the listener's frontend has a public IP. */
  public boolean isPublic() {
    return frontendIpConfiguration()
        .map(frontend -> frontend.reference("properties.publicIPAddress.id").isPresent())
        .orElse(false);
  }
}
