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
import java.util.List;

/** One node is a single point of failure; the reference architecture runs two. */
@RuleDefinition(
    id = "PCHA-VM-01",
    name = "Connect.Nodes.Count",
    summary = "At least two VMs run Posit Connect, so that losing one does not take the service down.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Nodes: \"two virtual machines instances running Posit Connect\"",
        "Reference architecture, Resiliency: \"a failure in either node ... does not result in overall service downtime\""
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minNodes", type = ParameterType.INTEGER, defaultValue = "2",
            description = "The fewest Connect nodes that pass.")
    })
public final class NodeCount implements Rule {

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minimum = context.integer("minNodes");
    ConnectNodes nodes = ConnectNodes.in(context);
    int count = nodes.nodes().size();
    Evidence evidence = new Evidence("Connect nodes", ">= " + minimum, count + " (" + nodes.names() + ")");
    if (count >= minimum) {
      return List.of(context.pass(Subject.scope(), count + " Connect nodes were found: " + nodes.names() + ".", evidence));
    }
    if (!nodes.unresolvedMembers().isEmpty()) {
      return List.of(context.unknown(Subject.scope(), "Only " + count + " Connect node(s) were traced, but "
          + nodes.unresolvedMembers().size() + " backend pool member(s) could not be traced to a VM and may be nodes.",
          evidence, new Evidence("untraced pool members", "none",
              String.join(", ", nodes.unresolvedMembers().stream().map(m -> m.value()).toList()))));
    }
    return List.of(context.fail(Subject.scope(), "Only " + count + " Connect node(s) were found (" + nodes.names()
        + "); at least " + minimum + " are needed so one can fail without downtime.", evidence));
  }
}
