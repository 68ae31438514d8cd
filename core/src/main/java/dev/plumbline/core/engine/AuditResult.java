package dev.plumbline.core.engine;

import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Suppression;
import dev.plumbline.core.rule.Suppressions;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * @param suppressed the findings a suppression in force covers, with that suppression; they stay
 *     in {@code findings} (nothing is hidden) but never block
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
    Optional<String> generatedAt,
    List<Suppressed> suppressed) {

  public AuditResult {
    inputs = List.copyOf(inputs);
    packs = List.copyOf(packs);
    rules = List.copyOf(rules);
    parameters = Map.copyOf(parameters);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    gaps = List.copyOf(gaps);
    resources = List.copyOf(resources);
    suppressed = List.copyOf(suppressed);
  }

  /** A result without suppressions, as the engine makes it. */
  public AuditResult(List<InputSource> inputs, List<PackInfo> packs, List<RuleMetadata> rules,
      Map<String, Map<String, String>> parameters, List<Finding> findings, List<Note> notes, List<Gap> gaps,
      Optional<String> capturedAt, List<ResourceSummary> resources, Optional<String> generatedAt) {
    this(inputs, packs, rules, parameters, findings, notes, gaps, capturedAt, resources, generatedAt, List.of());
  }

  /** A finding a suppression covers. */
  public record Suppressed(Finding finding, Suppression suppression) {}

  /** The same result stamped with the time it was generated (RFC 3339). */
  public AuditResult generatedAt(String when) {
    return new AuditResult(inputs, packs, rules, parameters, findings, notes, gaps, capturedAt, resources,
        Optional.ofNullable(when), suppressed);
  }

  /**
   * The same result with the suppressions in force on {@code day} applied, and a note that names
   * expired suppressions and ones that matched nothing.
   */
  public AuditResult withSuppressions(Suppressions suppressions, LocalDate day) {
    List<Suppressed> covered = new ArrayList<>();
    for (Finding finding : findings) {
      // An ERROR means the rule never ran; accepting it would hide a broken check.
      if (finding.status() == Status.FAIL || finding.status() == Status.UNKNOWN) {
        suppressions.find(finding, day).ifPresent(s -> covered.add(new Suppressed(finding, s)));
      }
    }
    List<Note> allNotes = new ArrayList<>(notes);
    List<String> warnings = suppressions.warnings(findings, day);
    if (!warnings.isEmpty()) {
      allNotes.add(new Note("suppressions", "Suppressions to review", warnings));
    }
    return new AuditResult(inputs, packs, rules, parameters, findings, allNotes, gaps, capturedAt, resources,
        generatedAt, covered);
  }

  /** The suppression that covers the finding, if one does. */
  public Optional<Suppression> suppressionOf(Finding finding) {
    return suppressed.stream().filter(s -> s.finding() == finding || s.finding().equals(finding))
        .map(Suppressed::suppression).findFirst();
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
        .filter(f -> suppressionOf(f).isEmpty())
        .toList();
  }
}
