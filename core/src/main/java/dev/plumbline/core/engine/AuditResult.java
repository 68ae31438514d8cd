package dev.plumbline.core.engine;

import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an audit found, handed to every report writer and to the exit code alike, so that no
 * report can show less than the run decided on.
 *
 * @param packs the rule packs evaluated
 * @param rules every rule evaluated, in report order
 * @param parameters the parameters in force per rule id, in text form
 * @param findings one per (rule, subject), in rule order then subject order
 * @param notes what the packs took the topology to be (which VMs are nodes, and why)
 * @param gaps what could not be read or resolved
 * @param capturedAt when the topology was captured, if an input said so
 * @param resources the top-level resources and embedded subnets, for listings and the topology picture
 * @param generatedAt when the audit ran (RFC 3339), pinned by the caller for reproducible reports
 */
public record AuditResult(
    List<InputSource> inputs,
    List<PackInfo> packs,
    List<RuleMetadata> rules,
    Map<String, Map<String, String>> parameters,
    List<Finding> findings,
    List<Note> notes,
    List<Gap> gaps,
    Optional<String> capturedAt,
    List<ResourceSummary> resources,
    Optional<String> generatedAt) {

  public AuditResult {
    inputs = List.copyOf(inputs);
    packs = List.copyOf(packs);
    rules = List.copyOf(rules);
    parameters = Map.copyOf(parameters);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    gaps = List.copyOf(gaps);
    resources = List.copyOf(resources);
  }

  /** The same result stamped with the time it was generated (RFC 3339). */
  public AuditResult generatedAt(String when) {
    return new AuditResult(inputs, packs, rules, parameters, findings, notes, gaps, capturedAt, resources,
        Optional.ofNullable(when));
  }

  /** A rule pack as evaluated. */
  public record PackInfo(String id, String name, String version) {}

  /** The number of findings of each status, every status present (zero where none). */
  public Map<Status, Integer> summary() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    findings.forEach(finding -> counts.merge(finding.status(), 1, Integer::sum));
    return counts;
  }

  public Optional<RuleMetadata> rule(String id) {
    return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /** The severity of a finding's rule. */
  public Severity severityOf(Finding finding) {
    return rule(finding.ruleId()).map(RuleMetadata::severity).orElse(Severity.HIGH);
  }

  /**
   * The findings that make a run fail: {@code FAIL} and {@code ERROR} at or above {@code failOn},
   * and {@code UNKNOWN} too unless {@code unknownFails} is false.
   */
  public List<Finding> blocking(Severity failOn, boolean unknownFails) {
    return findings.stream()
        .filter(f -> f.status() == Status.FAIL || f.status() == Status.ERROR || unknownFails && f.status() == Status.UNKNOWN)
        .filter(f -> severityOf(f).isAtLeast(failOn))
        .toList();
  }
}
