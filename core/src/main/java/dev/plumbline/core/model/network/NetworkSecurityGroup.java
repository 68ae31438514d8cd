package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A network security group with its custom and default rules. */
public record NetworkSecurityGroup(Resource resource, Topology topology) implements ResourceView {

  public static List<NetworkSecurityGroup> all(Topology topology) {
    return topology.ofType(ResourceType.NETWORK_SECURITY_GROUP).stream()
        .map(r -> new NetworkSecurityGroup(r, topology)).toList();
  }

  /** Custom and default rules together, in evaluation order (lowest priority number first). */
  public List<SecurityRule> rulesInEvaluationOrder() {
    List<SecurityRule> rules = new ArrayList<>();
    topology.children(resource, ResourceType.SECURITY_RULE).forEach(r -> rules.add(new SecurityRule(r, topology)));
    topology.children(resource, ResourceType.DEFAULT_SECURITY_RULE).forEach(r -> rules.add(new SecurityRule(r, topology)));
    rules.sort(Comparator.comparingLong(rule -> rule.priority().orElse(Long.MAX_VALUE)));
    return rules;
  }

  public List<Subnet> subnets() {
    return topology.referencing(resource, Relation.SUBNET_SECURITY_GROUP).stream().map(r -> new Subnet(r, topology)).toList();
  }

  public List<NetworkInterface> networkInterfaces() {
    return topology.referencing(resource, Relation.NIC_SECURITY_GROUP).stream()
        .map(r -> new NetworkInterface(r, topology)).toList();
  }
}
