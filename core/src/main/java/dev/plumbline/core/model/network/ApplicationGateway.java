package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.List;
import java.util.Optional;

/** An Application Gateway with its embedded pools, settings, probes, listeners and routing rules. */
public record ApplicationGateway(Resource resource, Topology topology) implements ResourceView {

  public static List<ApplicationGateway> all(Topology topology) {
    return topology.ofType(ResourceType.APPLICATION_GATEWAY).stream()
        .map(r -> new ApplicationGateway(r, topology)).toList();
  }

  /** {@code properties.sku.name}, e.g. {@code Standard_v2}. */
  public Optional<String> skuName() {
    return text("properties.sku.name");
  }

  public Optional<Long> capacity() {
    return resource.number("properties.sku.capacity");
  }

  public Optional<Long> minCapacity() {
    return resource.number("properties.autoscaleConfiguration.minCapacity");
  }

  public List<RequestRoutingRule> routingRules() {
    return children(ResourceType.REQUEST_ROUTING_RULE).stream().map(r -> new RequestRoutingRule(r, topology)).toList();
  }

  public List<BackendPool> backendPools() {
    return children(ResourceType.BACKEND_ADDRESS_POOL).stream().map(r -> new BackendPool(r, topology)).toList();
  }

  public List<BackendHttpSettings> backendHttpSettings() {
    return children(ResourceType.BACKEND_HTTP_SETTINGS).stream().map(r -> new BackendHttpSettings(r, topology)).toList();
  }

  public List<HttpListener> httpListeners() {
    return children(ResourceType.HTTP_LISTENER).stream().map(r -> new HttpListener(r, topology)).toList();
  }

  public List<Resource> probes() {
    return children(ResourceType.PROBE);
  }

  public List<Resource> frontendIpConfigurations() {
    return children(ResourceType.FRONTEND_IP_CONFIGURATION);
  }

  /** Every (pool, settings) pair the gateway's routing rules send traffic to, path maps included. */
  public List<Route> routes() {
    return routingRules().stream().flatMap(rule -> rule.routes().stream()).toList();
  }

  private List<Resource> children(ResourceType type) {
    return topology.children(resource, type);
  }
}
