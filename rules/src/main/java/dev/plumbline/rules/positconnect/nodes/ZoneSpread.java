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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Two nodes in one zone go down together when that zone fails, so the nodes must sit in different zones. */
@RuleDefinition(
    id = "PCHA-VM-02",
    name = "Connect.Nodes.Zones",
    summary = "Every Connect node is pinned to an availability zone and the nodes together span at least two zones.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Networking: \"public and private subnets across multiple availability zones."
            + " This setup ensures high availability and fault tolerance for all deployed resources\"",
        "Reference architecture, Resiliency: \"a failure in either node results in disruption to user sessions on the"
            + " failed node, but does not result in overall service downtime\"",
        "https://learn.microsoft.com/azure/reliability/availability-zones-overview",
        "https://learn.microsoft.com/azure/virtual-machines/availability"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minZones", type = ParameterType.INTEGER, defaultValue = "2",
            description = "The fewest distinct availability zones the Connect nodes must span.")
    })
public final class ZoneSpread implements Rule {

  private static final String PATH = "zones";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minimum = context.integer("minZones");
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("Connect nodes",
          "No Connect node was found, so no node runs in any availability zone."));
    }
    List<Finding> findings = new ArrayList<>();
    // Zone to the nodes in it, sorted so that messages and evidence read the same on every run.
    Map<String, List<String>> byZone = new TreeMap<>();
    boolean unreadable = false;
    for (ConnectNode node : nodes.nodes()) {
      List<String> zones = node.vm().zones();
      String name = node.vm().name();
      if (zones.isEmpty()) {
        findings.add(context.fail(node.vm().resource(), "Connect node " + name + " is not pinned to an availability"
            + " zone, so Azure may place it next to the other nodes and one zone failure can stop them all.",
            Evidence.absent(PATH, "one availability zone")));
      } else if (zones.size() > 1) {
        // A VM lives in exactly one zone; a longer list is not something ARM returns for a VM.
        unreadable = true;
        findings.add(context.unknown(node.vm().resource(), "Connect node " + name + " lists " + zones.size()
            + " availability zones, which a single VM cannot have, so its zone is unknown.",
            new Evidence(PATH, "one availability zone", String.join(", ", zones))));
      } else {
        byZone.computeIfAbsent(zones.get(0), zone -> new ArrayList<>()).add(name);
        findings.add(context.pass(node.vm().resource(), "Connect node " + name + " is pinned to availability zone "
            + zones.get(0) + ".", new Evidence(PATH, "one availability zone", zones.get(0))));
      }
    }
    findings.add(spread(context, nodes, byZone, minimum, unreadable));
    return findings;
  }

  private static Finding spread(RuleContext context, ConnectNodes nodes, Map<String, List<String>> byZone,
      long minimum, boolean unreadable) {
    List<String> placement = new ArrayList<>();
    byZone.forEach((zone, names) -> placement.add("zone " + zone + ": " + String.join(", ", names)));
    String actual = byZone.size() + (placement.isEmpty() ? "" : " (" + String.join("; ", placement) + ")");
    Evidence evidence = new Evidence("distinct zones of the Connect nodes", ">= " + minimum, actual);
    if (byZone.size() >= minimum) {
      return context.pass(Subject.scope(), "The Connect nodes span " + byZone.size() + " availability zones ("
          + String.join("; ", placement) + ").", evidence);
    }
    if (unreadable) {
      return context.unknown(Subject.scope(), "The Connect nodes are known to span only " + byZone.size()
          + " availability zone(s), and the zone of some node could not be read.", evidence);
    }
    if (!nodes.unresolvedMembers().isEmpty()) {
      return context.unknown(Subject.scope(), "The traced Connect nodes span only " + byZone.size()
          + " availability zone(s), but " + nodes.unresolvedMembers().size() + " backend pool member(s) could not be"
          + " traced to a VM and may be nodes in other zones.", evidence,
          new Evidence("untraced pool members", "none",
              String.join(", ", nodes.unresolvedMembers().stream().map(member -> member.value()).toList())));
    }
    if (nodes.nodes().size() < minimum) {
      return context.fail(Subject.scope(), "Only " + nodes.nodes().size() + " Connect node(s) were found, and they"
          + " cannot span " + minimum + " availability zones.", evidence);
    }
    String consequence = byZone.size() == 1 ? ", so one zone failure can stop every zoned node" : "";
    return context.fail(Subject.scope(), "The Connect nodes span only " + byZone.size() + " availability zone(s), fewer"
        + " than " + minimum + consequence + ".", evidence);
  }
}
