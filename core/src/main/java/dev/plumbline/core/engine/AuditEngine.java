package dev.plumbline.core.engine;

import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs rule packs over a topology. Each rule runs in isolation: one that throws, or returns no
 * finding at all, becomes an {@code ERROR} finding and the audit goes on.
 */
public final class AuditEngine {

  /**
   * Evaluates every rule of every pack.
   *
   * @throws ParameterException when an override names no rule or parameter, or has a bad value
   */
  public AuditResult evaluate(Topology topology, List<RulePack> packs, RuleParameters parameters) throws ParameterException {
    List<Rule> rules = new ArrayList<>();
    List<RuleMetadata> metadata = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RulePack pack : packs) {
      for (Rule rule : pack.rules()) {
        RuleMetadata meta = rule.metadata();
        if (!ids.add(meta.id())) {
          throw new IllegalStateException("rule id " + meta.id() + " is registered twice");
        }
        rules.add(rule);
        metadata.add(meta);
      }
    }
    parameters.validate(metadata);
    List<Finding> findings = new ArrayList<>();
    Map<String, Map<String, String>> inForce = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleMetadata meta = metadata.get(i);
      inForce.put(meta.id(), parameters.textFor(meta));
      findings.addAll(run(rules.get(i), meta, new RuleContext(meta, topology, parameters.valuesFor(meta))));
    }
    List<AuditResult.PackInfo> packInfo = packs.stream()
        .map(pack -> new AuditResult.PackInfo(pack.id(), pack.name(), pack.version())).toList();
    return new AuditResult(topology.inputs(), packInfo, metadata, inForce, findings, topology.gaps(), topology.capturedAt());
  }

  /** One rule's findings, sorted by subject, or one ERROR finding when the rule misbehaves. */
  static List<Finding> run(Rule rule, RuleMetadata meta, RuleContext context) {
    List<Finding> findings;
    try {
      findings = rule.evaluate(context);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      String detail = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
      return List.of(error(meta, "The rule failed with " + e.getClass().getSimpleName() + detail + "; its requirement was not checked."));
    }
    if (findings == null || findings.isEmpty()) {
      return List.of(error(meta, "The rule returned no finding, so its requirement was not checked."));
    }
    for (Finding finding : findings) {
      if (finding == null || !meta.id().equals(finding.ruleId()) || finding.status() == null || finding.subject() == null) {
        return List.of(error(meta, "The rule returned a malformed finding, so its requirement was not checked."));
      }
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing((Finding f) -> f.subject().id().toLowerCase(java.util.Locale.ROOT))
        .thenComparing(Finding::message));
    return sorted;
  }

  private static Finding error(RuleMetadata meta, String message) {
    return new Finding(meta.id(), Subject.scope(), Status.ERROR, message, List.of());
  }

  private static String firstLine(String text) {
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
