package dev.plumbline.junit;

import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule's findings over a fixture, by status: what rule authors assert on. Subjects are named by
 * resource name; the audited scope as a whole is named {@code scope}.
 */
public record RuleOutcomes(String ruleId, List<Finding> findings) {

  public RuleOutcomes {
    findings = List.copyOf(findings);
  }

  /** The names of the subjects with this status, sorted. */
  public Set<String> subjects(Status status) {
    Set<String> names = new TreeSet<>();
    findings.stream().filter(finding -> finding.status() == status).forEach(finding -> names.add(name(finding)));
    return names;
  }

  public Set<String> passing() {
    return subjects(Status.PASS);
  }

  public Set<String> failing() {
    return subjects(Status.FAIL);
  }

  public Set<String> unknown() {
    return subjects(Status.UNKNOWN);
  }

  static String name(Finding finding) {
    return finding.subject().isResource() ? finding.subject().name() : finding.subject().id();
  }
}
