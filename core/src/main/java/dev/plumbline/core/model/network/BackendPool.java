package dev.plumbline.core.model.network;

import dev.plumbline.core.model.BackendMember;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.List;

/** An Application Gateway backend pool. */
public record BackendPool(Resource resource, Topology topology) implements ResourceView {

  /** The members, each traced to a VM where it could be. */
  public List<BackendMember> members() {
    return topology.members(resource);
  }
}
