package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.compute.VirtualMachine;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Subject;
import java.util.Optional;

/**
 * A Connect node paired with the facts it reported: a node VM with its facts, a node VM no facts
 * entry matched, or a facts entry that matched no VM in the topology (a node the audit cannot see).
 *
 * @param vm the Connect node's VM, empty for facts that matched no VM
 * @param facts the facts entry, empty for a node no entry matched
 * @param matchedBy how the facts were tied to the VM ({@code vmId}, {@code hostname}, {@code privateIp}),
 *     or why they were not
 */
public record NodeFactsMatch(Optional<VirtualMachine> vm, Optional<NodeFacts> facts, String matchedBy) {

  public NodeFactsMatch {
    if (vm.isEmpty() && facts.isEmpty()) {
      throw new IllegalArgumentException("a match needs a VM, facts, or both");
    }
  }

  /** The node's name for people: the VM's name, or the facts entry's name when no VM matched. */
  public String name() {
    return vm.map(VirtualMachine::name).orElseGet(() -> facts.orElseThrow().name());
  }

  /** "Connect node vm-connect-1", or "Connect node connect-3 (node facts matching no VM)". */
  public String label() {
    return vm.isPresent() ? "Connect node " + name() : "Connect node " + name() + " (node facts matching no VM)";
  }

  /** The VM as the subject of a per-node finding, or the facts entry when no VM matched. */
  public Subject subject() {
    return vm.map(v -> Subject.of(v.resource()))
        .orElseGet(() -> new Subject("nodes[" + name() + "]", name(), "", Provenance.none()));
  }

  /** The evidence that a node has no facts entry at all. */
  public Evidence missingFacts() {
    return Evidence.absent("nodes[" + name() + "]", "a node facts entry for VM " + name());
  }
}
