package dev.plumbline.rules.positconnect;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Deployment;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits a scope that holds several Connect deployments (a tenant, a subscription with a cluster
 * per team) into one deployment per group of connected resources that holds Connect nodes, so no
 * deployment is judged against another's nodes. A scope with one such group is left whole.
 */
final class ConnectDeployments {

  private ConnectDeployments() {}

  static List<Deployment> of(Topology topology, Map<String, Object> packParameters) {
    Set<Resource> nodes = new HashSet<>();
    for (ConnectNode node : ConnectNodes.in(topology, packParameters).nodes()) {
      nodes.add(node.vm().resource());
    }
    List<List<Resource>> groups = topology.connectedGroups();
    List<List<Resource>> clusters = new ArrayList<>();
    List<List<Resource>> others = new ArrayList<>();
    for (List<Resource> group : groups) {
      (group.stream().anyMatch(nodes::contains) ? clusters : others).add(group);
    }
    if (clusters.size() <= 1) {
      return List.of(new Deployment("", topology));
    }
    // Resources joined to no cluster by a reference (a public database, a workspace) go with the
    // clusters of their resource group, or, when no cluster shares it, with every cluster.
    Map<String, List<Integer>> byGroup = new HashMap<>();
    List<List<Resource>> members = new ArrayList<>();
    for (int i = 0; i < clusters.size(); i++) {
      members.add(new ArrayList<>(clusters.get(i)));
      for (String group : resourceGroups(clusters.get(i))) {
        byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Resource> other : others) {
      Set<Integer> owners = new LinkedHashSet<>();
      resourceGroups(other).forEach(group -> owners.addAll(byGroup.getOrDefault(group, List.of())));
      if (owners.isEmpty()) {
        members.forEach(cluster -> cluster.addAll(other));
      } else {
        owners.forEach(i -> members.get(i).addAll(other));
      }
    }
    List<String> labels = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (List<Resource> cluster : clusters) {
      String label = cluster.stream().filter(nodes::contains)
          .map(vm -> vm.id().resourceGroup().orElse("?")).distinct().collect(Collectors.joining("+"));
      int count = seen.merge(label.toLowerCase(Locale.ROOT), 1, Integer::sum);
      labels.add(count == 1 ? label : label + "#" + count);
    }
    // Each deployment's topology is built when it is judged and dropped after, so a scope of many
    // deployments does not hold them all at once.
    List<Deployment> deployments = new ArrayList<>(clusters.size());
    for (int i = 0; i < clusters.size(); i++) {
      List<Resource> member = members.get(i);
      deployments.add(Deployment.builtOnDemand(labels.get(i), () -> topology.subset(member)));
    }
    return deployments;
  }

  private static Set<String> resourceGroups(List<Resource> resources) {
    Set<String> groups = new LinkedHashSet<>();
    resources.forEach(resource -> resource.id().resourceGroup().ifPresent(group -> groups.add(group.toLowerCase(Locale.ROOT))));
    return groups;
  }
}
