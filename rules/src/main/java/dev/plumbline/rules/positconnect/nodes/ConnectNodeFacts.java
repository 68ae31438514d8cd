package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.compute.VirtualMachine;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The snapshot's node facts tied to the Connect nodes they describe. */
public final class ConnectNodeFacts {

  /** How to supply node facts, for the findings of rules that have none to read. */
  public static final String HOW_TO_SUPPLY =
      "give the nodes' facts: --connect-node NAME=URL and --connect-config NAME=PATH, or --node-facts FILE"
          + " from scripts/collect-node-facts.sh (plumbline snapshot stores them in its nodes section)";

  private final int entries;
  private final List<NodeFactsMatch> matches;
  private final List<NodeFactsMatch> ignored;

  private ConnectNodeFacts(int entries, List<NodeFactsMatch> matches, List<NodeFactsMatch> ignored) {
    this.entries = entries;
    this.matches = List.copyOf(matches);
    this.ignored = List.copyOf(ignored);
  }

  /** The facts of the nodes a rule of the pack sees, with the tag its pack parameters name. */
  public static ConnectNodeFacts in(RuleContext context) {
    return context.derived(ConnectNodeFacts.class.getName(), ConnectNodeFacts.class,
        () -> of(context.topology(), ConnectNodes.in(context)));
  }

  /**
   * Ties the topology's node facts to {@code nodes}. Each entry is matched to a VM by its {@code vmId}
   * (the same resource in the topology), else by its {@code hostname} (the VM's computer name or name,
   * or their first DNS label), else by its {@code privateIp} (an IP configuration of one of the VM's
   * NICs); a criterion that fits several VMs is passed over. Facts tied to a Connect node are that
   * node's, the first entry winning. Facts tied to a VM that is not a node are ignored: the pack's node
   * selection decides what a node is. Facts tied to no VM, and later entries for a VM already matched,
   * are kept under their own name, because they still come from a Connect installation whose version
   * or configuration can disagree with the others. A node no entry fits has no facts.
   */
  public static ConnectNodeFacts of(Topology topology, ConnectNodes nodes) {
    List<NodeFacts> all = NodeFacts.all(topology);
    Map<Resource, NodeFactsMatch> byNode = new LinkedHashMap<>();
    List<NodeFactsMatch> unplaced = new ArrayList<>();
    List<NodeFactsMatch> ignored = new ArrayList<>();
    for (NodeFacts facts : all) {
      Optional<Match> match = match(topology, facts);
      if (match.isEmpty()) {
        unplaced.add(new NodeFactsMatch(Optional.empty(), Optional.of(facts), "matches no VM in the topology"));
      } else if (!nodes.contains(match.get().vm().resource())) {
        ignored.add(new NodeFactsMatch(Optional.of(match.get().vm()), Optional.of(facts), match.get().by()));
      } else if (byNode.containsKey(match.get().vm().resource())) {
        unplaced.add(new NodeFactsMatch(Optional.empty(), Optional.of(facts),
            "matches " + match.get().vm().name() + " by " + match.get().by() + ", which an earlier entry already matched"));
      } else {
        byNode.put(match.get().vm().resource(),
            new NodeFactsMatch(Optional.of(match.get().vm()), Optional.of(facts), match.get().by()));
      }
    }
    List<NodeFactsMatch> matches = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      matches.add(byNode.getOrDefault(node.vm().resource(),
          new NodeFactsMatch(Optional.of(node.vm()), Optional.empty(), "no node facts entry matches")));
    }
    matches.addAll(unplaced);
    return new ConnectNodeFacts(all.size(), matches, ignored);
  }

  /** Whether the snapshot has any node facts at all. */
  public boolean present() {
    return entries > 0;
  }

  /**
   * Every Connect node (in the node selection's order) with its facts, then the facts that matched
   * no VM: what the node-fact rules judge and compare.
   */
  public List<NodeFactsMatch> matches() {
    return matches;
  }

  /** The matches that carry facts. */
  public List<NodeFactsMatch> withFacts() {
    return matches.stream().filter(match -> match.facts().isPresent()).toList();
  }

  /** Facts entries that describe a VM the pack does not take for a Connect node. */
  public List<NodeFactsMatch> ignored() {
    return ignored;
  }

  /**
   * The finding of a node-fact rule that has nothing to judge: no facts at all, or facts and nodes
   * that do not meet. Empty when there is something to judge.
   *
   * @param what what the rule would check, e.g. "whether the nodes run the same Connect version"
   */
  public Optional<Finding> nothingToJudge(RuleContext context, String what) {
    if (!present()) {
      return Optional.of(context.unknown(Subject.scope(), "No node facts were supplied, so " + what
          + " cannot be checked; " + HOW_TO_SUPPLY + ".", Evidence.absent("nodes", "facts for every Connect node")));
    }
    if (matches.isEmpty()) {
      return Optional.of(context.unknown(Subject.scope(), "None of the " + entries + " node facts entries describes"
          + " a Connect node (they match VMs outside the node selection), so " + what + " cannot be checked.",
          new Evidence("nodes", "facts for every Connect node", String.join(", ", ignored.stream()
              .map(match -> match.facts().orElseThrow().name() + " (VM " + match.name() + ")").toList()))));
    }
    return Optional.empty();
  }

  /** The start of a passing message about {@code count} nodes: "All 2 Connect nodes have", singular for one. */
  static String allNodesHave(int count) {
    return count == 1 ? "The one Connect node in scope has" : "All " + count + " Connect nodes have";
  }

  private record Match(VirtualMachine vm, String by) {}

  private static Optional<Match> match(Topology topology, NodeFacts facts) {
    Optional<VirtualMachine> byId = facts.vmId().flatMap(topology::find)
        .filter(resource -> resource.is(ResourceType.VIRTUAL_MACHINE))
        .map(resource -> new VirtualMachine(resource, topology));
    if (byId.isPresent()) {
      return Optional.of(new Match(byId.get(), "vmId"));
    }
    List<VirtualMachine> vms = VirtualMachine.all(topology);
    Optional<VirtualMachine> byHost = facts.hostname().flatMap(host -> only(vms, vm -> namesHost(vm, host)));
    if (byHost.isPresent()) {
      return Optional.of(new Match(byHost.get(), "hostname"));
    }
    return facts.privateIp().flatMap(ip -> only(vms, vm -> vm.networkInterfaces().stream()
            .flatMap(nic -> nic.ipConfigurations().stream())
            .anyMatch(config -> config.privateIpAddress().filter(ip::equals).isPresent())))
        .map(vm -> new Match(vm, "privateIp"));
  }

  /** Whether a host name (possibly fully qualified) names the VM, by its computer name or its resource name. */
  private static boolean namesHost(VirtualMachine vm, String hostname) {
    String host = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
    String shortHost = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
    return vm.computerName().map(name -> name.equalsIgnoreCase(host) || name.equalsIgnoreCase(shortHost)).orElse(false)
        || vm.name().equalsIgnoreCase(host) || vm.name().equalsIgnoreCase(shortHost);
  }

  private static Optional<VirtualMachine> only(List<VirtualMachine> vms, Predicate<VirtualMachine> test) {
    List<VirtualMachine> found = vms.stream().filter(test).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
