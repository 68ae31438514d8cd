package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.model.BackendMember;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.compute.VirtualMachine;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendPool;
import dev.plumbline.core.model.network.Route;
import dev.plumbline.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which VMs are Posit Connect nodes: the members of the backend pools that gateway routing rules
 * send traffic to, together with the VMs tagged as Connect nodes. A tagged VM missing from the
 * pools is still a node, which is exactly what the gateway rules must catch.
 */
public final class ConnectNodes {

  /** The tag that marks a Connect node when no gateway lists it. */
  public static final String TAG_KEY = "role";

  public static final String TAG_VALUE = "posit-connect";

  /** The pack parameters that override the tag. */
  public static final String TAG_KEY_PARAMETER = "nodeTagKey";

  public static final String TAG_VALUE_PARAMETER = "nodeTagValue";

  private final List<ConnectNode> nodes;
  private final List<BackendMember> unresolvedMembers;

  private ConnectNodes(List<ConnectNode> nodes, List<BackendMember> unresolvedMembers) {
    this.nodes = nodes;
    this.unresolvedMembers = unresolvedMembers;
  }

  /** Selects the nodes with the default tag. */
  public static ConnectNodes in(Topology topology) {
    return in(topology, TAG_KEY, TAG_VALUE);
  }

  /** Selects the nodes the way a rule of the pack sees them, with the tag its pack parameters name. */
  public static ConnectNodes in(RuleContext context) {
    return context.derived(ConnectNodes.class.getName(), ConnectNodes.class,
        () -> in(context.topology(), context.packParameters()));
  }

  /** Selects the nodes with the tag named by the pack parameters (the defaults where they are absent). */
  public static ConnectNodes in(Topology topology, Map<String, Object> packParameters) {
    return in(topology, String.valueOf(packParameters.getOrDefault(TAG_KEY_PARAMETER, TAG_KEY)),
        String.valueOf(packParameters.getOrDefault(TAG_VALUE_PARAMETER, TAG_VALUE)));
  }

  /** Selects the nodes with the given tag; the pack's rules, its notes and its split into deployments share one selection. */
  public static ConnectNodes in(Topology topology, String tagKey, String tagValue) {
    return topology.derived(new Selection(tagKey, tagValue), ConnectNodes.class, () -> select(topology, tagKey, tagValue));
  }

  /** The key a topology keeps a selection under: the tag that marks nodes. */
  private record Selection(String tagKey, String tagValue) {}

  private static ConnectNodes select(Topology topology, String tagKey, String tagValue) {
    Map<Resource, List<String>> found = new LinkedHashMap<>();
    List<BackendMember> unresolved = new ArrayList<>();
    for (ApplicationGateway gateway : ApplicationGateway.all(topology)) {
      for (Route route : gateway.routes()) {
        if (route.backendPool().isEmpty()) {
          continue;
        }
        BackendPool pool = route.backendPool().get();
        for (BackendMember member : pool.members()) {
          if (member.virtualMachine().isPresent()) {
            String how = "member of backend pool " + gateway.name() + "/" + pool.name() + " (" + member.resolvedBy() + ")";
            List<String> ways = found.computeIfAbsent(member.virtualMachine().get(), k -> new ArrayList<>());
            if (!ways.contains(how)) {
              ways.add(how);
            }
          } else if (!unresolved.contains(member)) {
            unresolved.add(member);
          }
        }
      }
    }
    for (VirtualMachine vm : VirtualMachine.all(topology)) {
      vm.resource().tag(tagKey).filter(tagValue::equalsIgnoreCase).ifPresent(value ->
          found.computeIfAbsent(vm.resource(), k -> new ArrayList<>()).add("tagged " + tagKey + "=" + value));
    }
    List<ConnectNode> nodes = found.entrySet().stream()
        .map(entry -> new ConnectNode(new VirtualMachine(entry.getKey(), topology), entry.getValue()))
        .sorted(Comparator.comparing(node -> node.vm().id()))
        .toList();
    return new ConnectNodes(nodes, List.copyOf(unresolved));
  }

  public List<ConnectNode> nodes() {
    return nodes;
  }

  /** Whether {@code vm} is one of the nodes. */
  public boolean contains(Resource vm) {
    return nodes.stream().anyMatch(node -> node.vm().resource().equals(vm));
  }

  /** Pool members on Connect routes that could not be traced to a VM: they may be nodes no one can see. */
  public List<BackendMember> unresolvedMembers() {
    return unresolvedMembers;
  }

  /** The node names, for messages: {@code vm-connect-1, vm-connect-2}. */
  public String names() {
    return nodes.isEmpty() ? "none" : String.join(", ", nodes.stream().map(node -> node.vm().name()).toList());
  }
}
