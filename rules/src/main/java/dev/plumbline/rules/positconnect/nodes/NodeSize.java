package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The reference was sized and load-tested on Standard_D8_v5 nodes; smaller nodes, or nodes of
 * different sizes behind one pool, do not carry the load the reference measured.
 */
@RuleDefinition(
    id = "PCHA-VM-03",
    name = "Connect.Nodes.Size",
    summary = "Every Connect node has at least the vCPUs and memory of the reference Standard_D8_v5, and all nodes have the same size.",
    severity = Severity.LOW,
    pillar = Pillar.PERFORMANCE,
    references = {
        "Reference architecture, Nodes: \"During our performance tests, we used two Standard_D8_v5 instances running"
            + " Ubuntu 22.04\"",
        "Reference architecture, Performance: \"applications performing complex processing tasks will likely require"
            + " nodes with larger amounts of CPU and RAM\"",
        "https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dv5-series",
        "https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minVcpus", type = ParameterType.INTEGER, defaultValue = "8",
            description = "The fewest vCPUs a node may have (Standard_D8_v5 has 8)."),
        @RuleDefinition.Parameter(name = "minMemoryGib", type = ParameterType.INTEGER, defaultValue = "32",
            description = "The least memory in GiB a node may have (Standard_D8_v5 has 32).")
    })
public final class NodeSize implements Rule {

  private static final String PATH = "properties.hardwareProfile.vmSize";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minVcpus = context.integer("minVcpus");
    long minMemory = context.integer("minMemoryGib");
    String expected = ">= " + minVcpus + " vCPUs and >= " + minMemory + " GiB";
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("Connect nodes", "No Connect node was found, so no node has the reference size."));
    }
    VmSizes sizes = VmSizes.builtIn();
    List<Finding> findings = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      findings.add(judge(context, node, sizes, minVcpus, minMemory, expected));
    }
    findings.add(sameSize(context, nodes));
    return findings;
  }

  private static Finding judge(RuleContext context, ConnectNode node, VmSizes sizes, long minVcpus, long minMemory,
      String expected) {
    String name = node.vm().name();
    Optional<String> declared = node.vm().size();
    if (declared.isEmpty()) {
      return context.unknown(node.vm().resource(), "Connect node " + name + " does not state its VM size.",
          Evidence.absent(PATH, expected));
    }
    String size = declared.get();
    Optional<VmSizes.VmSize> found = sizes.find(size);
    if (found.isEmpty()) {
      return context.unknown(node.vm().resource(), "Connect node " + name + " has size " + size
          + ", which is neither in the pack's size table nor named by Azure's size convention.",
          new Evidence(PATH, expected, size));
    }
    VmSizes.VmSize known = found.get();
    String memory = known.memoryGib().map(gib -> gib(gib) + " GiB").orElse("memory unknown");
    Evidence evidence = new Evidence(PATH, expected, size + " (" + known.vcpus() + " vCPUs, " + memory + ")");
    boolean tooFewVcpus = known.vcpus() < minVcpus;
    boolean tooLittleMemory = known.memoryGib().map(gib -> gib < minMemory).orElse(false);
    if (tooFewVcpus || tooLittleMemory) {
      List<String> shortfalls = new ArrayList<>();
      if (tooFewVcpus) {
        shortfalls.add(known.vcpus() + " vCPUs (at least " + minVcpus + " needed)");
      }
      if (tooLittleMemory) {
        shortfalls.add(memory + " (at least " + minMemory + " needed)");
      }
      return context.fail(node.vm().resource(), "Connect node " + name + " has size " + size + " with "
          + String.join(" and ", shortfalls) + ".", evidence);
    }
    if (known.memoryGib().isEmpty()) {
      // The name gives the vCPUs but never the memory: a D8 may have 32 GiB, an F8 16, a D8l 16.
      return context.unknown(node.vm().resource(), "Connect node " + name + " has size " + size + " with "
          + known.vcpus() + " vCPUs by its name, but the size is not in the pack's size table, so its memory is unknown.",
          evidence);
    }
    return context.pass(node.vm().resource(), "Connect node " + name + " has size " + size + " with "
        + known.vcpus() + " vCPUs and " + memory + ".", evidence);
  }

  private static Finding sameSize(RuleContext context, ConnectNodes nodes) {
    Set<String> distinct = new LinkedHashSet<>();
    List<Evidence> evidence = new ArrayList<>();
    boolean unknown = false;
    for (ConnectNode node : nodes.nodes()) {
      Optional<String> size = node.vm().size();
      evidence.add(new Evidence(node.vm().name() + "." + PATH, "the same size on every node", size.orElse(null)));
      if (size.isPresent()) {
        distinct.add(size.get().trim().toLowerCase(Locale.ROOT));
      } else {
        unknown = true;
      }
    }
    Evidence[] entries = evidence.toArray(Evidence[]::new);
    if (distinct.size() > 1) {
      return context.fail(Subject.scope(), "The Connect nodes have " + distinct.size() + " different VM sizes, so the"
          + " gateway sends the same share of users to nodes that cannot carry the same load.", entries);
    }
    if (unknown) {
      return context.unknown(Subject.scope(), "Some Connect node does not state its VM size, so it cannot be told"
          + " whether all nodes have the same size.", entries);
    }
    if (nodes.nodes().size() == 1) {
      return context.pass(Subject.scope(), "Only one Connect node was found, so no node differs in size from another.",
          entries);
    }
    return context.pass(Subject.scope(), "All " + nodes.nodes().size() + " Connect nodes have the same VM size.", entries);
  }

  private static String gib(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
