package dev.plumbline.junit;

import dev.plumbline.core.Plumbline;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Suppression;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * An audit as a test suite sees it: the topology, the result, and one dynamic test per (rule,
 * subject) for a {@code @TestFactory}:
 * {@code @TestFactory Stream<DynamicTest> referenceDesign(PlumblineAudit audit) { return audit.dynamicTests(); }}
 */
public final class PlumblineAudit {

  private final Topology topology;
  private final AuditResult result;
  private final UnknownPolicy unknown;
  private final Severity failOn;

  PlumblineAudit(Topology topology, AuditResult result, UnknownPolicy unknown, Severity failOn) {
    this.topology = topology;
    this.result = result;
    this.unknown = unknown;
    this.failOn = failOn;
  }

  public Topology topology() {
    return topology;
  }

  /** The result, suppressions applied. */
  public AuditResult result() {
    return result;
  }

  /**
   * One test per finding, named like {@code PCHA-AGW-02 Connect.Gateway.CookieAffinity [agw-connect]}
   * and linked to the rule's page. PASS passes; FAIL and ERROR fail at or above the fail-on
   * severity and abort below it; UNKNOWN fails unless the policy aborts it; NOT_APPLICABLE and
   * suppressed findings abort with their reason.
   */
  public Stream<DynamicTest> dynamicTests() {
    return result.findings().stream().map(this::dynamicTest);
  }

  /** The dynamic tests of these rules only. */
  public Stream<DynamicTest> dynamicTests(String... ruleIds) {
    Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    wanted.addAll(List.of(ruleIds));
    return result.findings().stream().filter(f -> wanted.contains(f.ruleId())).map(this::dynamicTest);
  }

  private DynamicTest dynamicTest(Finding finding) {
    Optional<RuleMetadata> rule = result.rule(finding.ruleId());
    String name = finding.ruleId() + rule.map(r -> " " + r.name()).orElse("") + " [" + RuleOutcomes.name(finding) + "]";
    return DynamicTest.dynamicTest(name, URI.create(Plumbline.RULE_PAGES + finding.ruleId()), () -> judge(finding, rule));
  }

  private void judge(Finding finding, Optional<RuleMetadata> rule) {
    if (finding.status() == Status.PASS) {
      return;
    }
    Optional<Suppression> suppression = result.suppressionOf(finding);
    if (suppression.isPresent()) {
      Assumptions.abort("Suppressed" + suppression.get().expires().map(day -> " until " + day).orElse("") + ": "
          + suppression.get().justification() + " (" + finding.status() + ": " + finding.message() + ")");
    }
    switch (finding.status()) {
      case NOT_APPLICABLE -> Assumptions.abort("Not applicable: " + finding.message());
      case UNKNOWN -> {
        if (unknown == UnknownPolicy.ABORT) {
          Assumptions.abort("Unknown: " + finding.message());
        }
        failOrAbort(finding, rule);
      }
      default -> failOrAbort(finding, rule);
    }
  }

  private void failOrAbort(Finding finding, Optional<RuleMetadata> rule) {
    Severity severity = result.severityOf(finding);
    if (!severity.isAtLeast(failOn)) {
      Assumptions.abort(finding.status() + " below the fail-on severity " + failOn + " (rule is " + severity + "): "
          + finding.message());
    }
    String head = finding.ruleId() + " " + rule.map(RuleMetadata::name).orElse("") + " "
        + verb(finding.status()) + " for " + RuleOutcomes.name(finding) + ":\n";
    throw new AssertionFailedError(head + FindingReport.block(finding, rule));
  }

  private static String verb(Status status) {
    return switch (status) {
      case FAIL -> "failed";
      case ERROR -> "could not run";
      case UNKNOWN -> "could not be decided";
      default -> status.name();
    };
  }
}
