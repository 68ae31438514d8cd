package dev.plumbline.rules.positconnect;

import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Status;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Runs one rule over fixture files and groups the subjects it judged by status. */
public final class RuleFixtures {

  private RuleFixtures() {}

  public static Path fixture(String name) {
    return Path.of(System.getProperty("plumbline.root"), "rules", "src", "test", "resources", "fixtures", name);
  }

  public static Path example(String name) {
    return Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", name);
  }

  /** Subject names by status; the audited scope is named {@code scope}. */
  public static Map<Status, Set<String>> outcomes(Rule rule, Path input, String... parameters) throws Exception {
    return outcomes(findings(rule, input, parameters));
  }

  public static List<Finding> findings(Rule rule, Path input, String... parameters) throws Exception {
    Topology topology = new TopologyLoader().load(input);
    RulePack single = RulePack.of("fixture", "fixture", "0", List.of(rule));
    AuditResult result = new AuditEngine().evaluate(topology, List.of(single), RuleParameters.parse(List.of(parameters)));
    return result.findings();
  }

  public static Map<Status, Set<String>> outcomes(List<Finding> findings) {
    Map<Status, Set<String>> byStatus = new EnumMap<>(Status.class);
    for (Finding finding : findings) {
      String name = finding.subject().isResource() ? finding.subject().name() : finding.subject().id();
      byStatus.computeIfAbsent(finding.status(), s -> new TreeSet<>()).add(name);
    }
    return byStatus;
  }
}
