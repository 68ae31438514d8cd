package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.nodes.GcfgValue;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A request may land on any node, so every node must behave the same: one configuration, shared. */
@RuleDefinition(
    id = "PCHA-VM-07",
    name = "Connect.Nodes.Configuration",
    summary = "Every Connect node uses the same configuration, apart from the settings that must differ per node.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Nodes: \"The virtual machine instances in an HA configuration require the following"
            + " configuration: Shared configuration file for every node.\"",
        "Posit Connect HA checklist: \"Configure each server's Metrics.DataPath directory to point to a unique-per-server"
            + " location\" https://docs.posit.co/connect/admin/load-balancing/",
        "Connect configuration file: https://docs.posit.co/connect/admin/appendix/configuration/"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "perNodeSettings", type = ParameterType.LIST, defaultValue = "metrics.datapath",
            description = "The settings (section.name, any case) that may differ between nodes, comma-separated.")
    })
public final class ConfigurationParity implements Rule {

  private static final String NOT_SET = "not set";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    Set<String> perNode = context.list("perNodeSettings").stream()
        .map(key -> key.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    String apart = "apart from " + String.join(", ", perNode);
    ConnectNodeFacts facts = ConnectNodeFacts.in(context);
    Optional<Finding> nothing = facts.nothingToJudge(context, "whether the nodes share one configuration");
    if (nothing.isPresent()) {
      return List.of(nothing.get());
    }
    List<Evidence> unknownEvidence = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<NodeFactsMatch> known = new ArrayList<>();
    for (NodeFactsMatch match : facts.matches()) {
      if (match.facts().isEmpty()) {
        unknownEvidence.add(match.missingFacts());
        unknown.add(match.name());
      } else if (match.facts().get().settings().isEmpty()) {
        unknownEvidence.add(Evidence.absent(match.facts().get().path("config.settings"), "the node's parsed configuration"));
        unknown.add(match.name());
      } else {
        known.add(match);
      }
    }
    Set<String> keys = new TreeSet<>();
    known.forEach(match -> keys.addAll(match.facts().orElseThrow().settings().orElseThrow().keySet()));
    keys.removeAll(perNode);
    List<Evidence> evidence = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    for (String key : keys) {
      // Multi-valued settings (Python.Executable) list installations, not a preference order: compare them sorted.
      List<Optional<List<String>>> values = known.stream()
          .map(match -> match.facts().orElseThrow().setting(key).map(list -> list.stream().sorted().toList()))
          .toList();
      // Compared as Connect reads them: "3m" is "180s", "5 MB" is "5000 KB", "yes" is "true".
      List<Optional<List<String>>> meanings = values.stream()
          .map(value -> value.map(list -> list.stream().map(text -> GcfgValue.of(text).canonical()).sorted().toList()))
          .toList();
      if (meanings.stream().distinct().count() <= 1) {
        continue;
      }
      List<String> each = new ArrayList<>();
      for (int i = 0; i < known.size(); i++) {
        each.add(known.get(i).name() + ": " + show(key, values.get(i)).orElse(NOT_SET));
      }
      differing.add(key + " (" + String.join("; ", each) + ")");
      Optional<List<String>> expected = Majority.of(values).orElseThrow();
      for (int i = 0; i < known.size(); i++) {
        evidence.add(new Evidence(known.get(i).facts().orElseThrow().path("config.settings." + key),
            show(key, expected).orElse(NOT_SET), show(key, values.get(i)).orElse(null)));
      }
    }
    evidence.addAll(unknownEvidence);
    if (!differing.isEmpty()) {
      return List.of(context.fail(Subject.scope(), "The Connect nodes' configurations differ in " + differing.size()
          + (differing.size() == 1 ? " setting" : " settings") + " " + apart + ": " + String.join(", ", differing) + ".",
          evidence.toArray(Evidence[]::new)));
    }
    if (!unknown.isEmpty()) {
      return List.of(context.unknown(Subject.scope(), "The configuration of " + String.join(", ", unknown)
          + " is not known, so a shared configuration across the nodes cannot be confirmed.",
          evidence.toArray(Evidence[]::new)));
    }
    for (NodeFactsMatch match : known) {
      Map<String, List<String>> settings = match.facts().orElseThrow().settings().orElseThrow();
      long compared = settings.keySet().stream().filter(key -> !perNode.contains(key)).count();
      evidence.add(new Evidence(match.facts().orElseThrow().path("config.settings"), "the same settings on every node "
          + apart, compared + " settings, the same as on every other node"));
    }
    return List.of(context.pass(Subject.scope(), ConnectNodeFacts.allNodesHave(known.size()) + " the same configuration "
        + apart + ".", evidence.toArray(Evidence[]::new)));
  }

  private static Optional<String> show(String key, Optional<List<String>> values) {
    return values.map(list -> RedactedSetting.display(key, list));
  }
}
