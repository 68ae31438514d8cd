package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Nodes share one database and one data directory, so they must run the same Connect release. */
@RuleDefinition(
    id = "PCHA-VM-06",
    name = "Connect.Nodes.Version",
    summary = "Every Connect node reports the same Posit Connect version.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Nodes: \"The virtual machine instances in an HA configuration require the following"
            + " configuration: Matching versions of Posit Connect.\"",
        "Posit Connect HA checklist: \"Install and Configure the same version of Posit Connect on each node.\""
            + " https://docs.posit.co/connect/admin/load-balancing/",
        "Connect server settings API (version per node): https://docs.posit.co/connect/api/"
    })
public final class ConnectVersionParity implements Rule {

  private static final String PATH = "connect.version";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    ConnectNodeFacts facts = ConnectNodeFacts.in(context);
    Optional<Finding> nothing = facts.nothingToJudge(context, "whether the nodes run the same Connect version");
    if (nothing.isPresent()) {
      return List.of(nothing.get());
    }
    List<String> reported = facts.withFacts().stream()
        .flatMap(match -> match.facts().orElseThrow().connectVersion().stream()).toList();
    String expected = Majority.of(reported).orElse("one version on every node");
    List<Evidence> evidence = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    for (NodeFactsMatch match : facts.matches()) {
      if (match.facts().isEmpty()) {
        evidence.add(match.missingFacts());
        unknown.add(match.name());
        continue;
      }
      NodeFacts node = match.facts().get();
      Optional<String> version = node.connectVersion();
      evidence.add(new Evidence(node.path(PATH), expected, version.orElse(null)));
      if (version.isEmpty()) {
        unknown.add(match.name());
      } else if (!version.get().equals(expected)) {
        differing.add(version.get() + " on " + match.name());
      }
    }
    Set<String> versions = new LinkedHashSet<>(reported);
    Evidence[] entries = evidence.toArray(Evidence[]::new);
    if (versions.size() > 1) {
      return List.of(context.fail(Subject.scope(), "The Connect nodes run different Posit Connect versions: "
          + String.join(", ", differing) + " where the others run " + expected + ".", entries));
    }
    if (!unknown.isEmpty()) {
      return List.of(context.unknown(Subject.scope(), "The Posit Connect version of " + String.join(", ", unknown)
          + " is not known, so matching versions across the nodes cannot be confirmed.", entries));
    }
    return List.of(context.pass(Subject.scope(), ConnectNodeFacts.allNodesHave(facts.matches().size()) + " Posit Connect "
        + expected + ".", entries));
  }
}
