package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A request routing rule of an Application Gateway. */
public record RequestRoutingRule(Resource resource, Topology topology) implements ResourceView {

  public Optional<HttpListener> listener() {
    return relatedOne(Relation.ROUTING_RULE_LISTENER).map(r -> new HttpListener(r, topology));
  }

  public Optional<Resource> redirectConfiguration() {
    return relatedOne(Relation.ROUTING_RULE_REDIRECT);
  }

  /** Where the rule sends traffic: its own pool and settings, or each path of its URL path map. */
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    Optional<Resource> pool = relatedOne(Relation.ROUTING_RULE_BACKEND_POOL);
    if (pool.isPresent()) {
      routes.add(new Route(resource, Optional.empty(), pool.map(p -> new BackendPool(p, topology)),
          relatedOne(Relation.ROUTING_RULE_HTTP_SETTINGS).map(s -> new BackendHttpSettings(s, topology))));
    }
    for (Resource map : related(Relation.ROUTING_RULE_URL_PATH_MAP)) {
      topology.relatedOne(map, Relation.PATH_MAP_DEFAULT_POOL).ifPresent(p -> routes.add(new Route(resource,
          Optional.of(map), Optional.of(new BackendPool(p, topology)),
          topology.relatedOne(map, Relation.PATH_MAP_DEFAULT_HTTP_SETTINGS).map(s -> new BackendHttpSettings(s, topology)))));
      for (Resource pathRule : topology.children(map, ResourceType.PATH_RULE)) {
        topology.relatedOne(pathRule, Relation.PATH_RULE_BACKEND_POOL).ifPresent(p -> routes.add(new Route(resource,
            Optional.of(pathRule), Optional.of(new BackendPool(p, topology)),
            topology.relatedOne(pathRule, Relation.PATH_RULE_HTTP_SETTINGS).map(s -> new BackendHttpSettings(s, topology)))));
      }
    }
    return routes;
  }
}
