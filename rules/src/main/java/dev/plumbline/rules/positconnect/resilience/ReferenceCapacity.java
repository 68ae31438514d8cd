package dev.plumbline.rules.positconnect.resilience;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import dev.plumbline.rules.positconnect.nodes.VmSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posit's load test numbers hold for the tested hardware; a cluster with fewer vCPUs in total
 * should expect less. This reports how the nodes compare with the tested reference.
 */
@RuleDefinition(
    id = "PCHA-CAP-01",
    name = "Connect.Resilience.ReferenceCapacity",
    summary = "The Connect nodes together have at least the 16 vCPUs of the tested reference (2 x Standard_D8_v5).",
    severity = Severity.INFO,
    pillar = Pillar.PERFORMANCE,
    references = {
        "Reference architecture, Nodes: \"During our performance tests, we used two Standard_D8_v5 instances running Ubuntu 22.04.\"",
        "Reference architecture, Performance: \"Average requests per second: 2716 rps\", \"Average request latency (fetch): 134 ms\", \"Number of VUs: 400\", \"Error rate: 0%\"",
        "https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dv5-series"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "referenceVcpus", type = ParameterType.INTEGER, defaultValue = "16",
            description = "The total node vCPUs of the tested reference (2 x Standard_D8_v5).")
    })
public final class ReferenceCapacity implements Rule {

  private static final String REFERENCE = "the tested reference (2 x Standard_D8_v5: 2,716 requests/s at 134 ms average"
      + " latency with 400 k6 virtual users, 0% errors)";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long reference = context.integer("referenceVcpus");
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("a Posit Connect node", "No Connect node was found, so there is no capacity to compare"
          + " with " + REFERENCE + "."));
    }
    long total = 0;
    List<String> sizes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      String path = node.vm().name() + ".properties.hardwareProfile.vmSize";
      Optional<String> size = node.vm().size();
      Optional<VmSizes.VmSize> known = size.flatMap(VmSizes.builtIn()::find);
      if (known.isEmpty()) {
        unknown.add(node.vm().name() + size.map(s -> " (" + s + ")").orElse(" (no size stated)"));
        evidence.add(new Evidence(path, "a known VM size", size.orElse(null)));
        continue;
      }
      total += known.get().vcpus();
      String from = known.get().source() == VmSizes.VmSize.Source.NAME ? ", read from the size name" : "";
      sizes.add(node.vm().name() + " " + size.get() + " (" + known.get().vcpus() + " vCPUs" + from + ")");
      evidence.add(new Evidence(path, "vCPUs counted towards " + reference,
          size.get() + ": " + known.get().vcpus() + " vCPUs" + from));
    }
    evidence.add(new Evidence("total node vCPUs", ">= " + reference, total + (unknown.isEmpty() ? "" : " or more")));
    Evidence[] entries = evidence.toArray(Evidence[]::new);
    // vCPUs of unknown sizes can only add to the total, so a known total that reaches the reference is enough.
    if (total >= reference) {
      return List.of(context.pass(Subject.scope(), "The Connect nodes have " + total + " vCPUs in total"
          + (unknown.isEmpty() ? "" : " or more") + ", at least the " + reference + " of " + REFERENCE + ".", entries));
    }
    if (!unknown.isEmpty()) {
      return List.of(context.unknown(Subject.scope(), "The Connect nodes' total vCPUs cannot be compared with " + REFERENCE
          + ", because the size of " + String.join(", ", unknown) + " is not known.", entries));
    }
    return List.of(context.fail(Subject.scope(), "The Connect nodes have " + total + " vCPUs in total ("
        + String.join(", ", sizes) + "), fewer than the " + reference + " of " + REFERENCE
        + ", so expect lower throughput or higher latency than Posit measured.", entries));
  }
}
