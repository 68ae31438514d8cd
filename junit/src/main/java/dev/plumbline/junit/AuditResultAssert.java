package dev.plumbline.junit;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an audit's outcome: {@code assertThat(audit).hasNoFindingsAtOrAbove(HIGH)}. A
 * failure lists each offending finding with its rule, resource, property, expected, actual and
 * the rule's page.
 */
public class AuditResultAssert extends AbstractAssert<AuditResultAssert, AuditResult> {

  private final AssertionScope scope;

  AuditResultAssert(AuditResult actual, AssertionScope scope) {
    super(actual, AuditResultAssert.class);
    this.scope = scope;
  }

  /**
   * No FAIL, ERROR or UNKNOWN finding of a rule at or above the severity (UNKNOWN counts: nothing
   * showed the requirement holds). Suppressed findings do not count.
   */
  public AuditResultAssert hasNoFindingsAtOrAbove(Severity severity) {
    isNotNull();
    List<Finding> blocking = actual.blocking(severity, true);
    if (!blocking.isEmpty()) {
      scope.report(new AssertionError("Expecting no findings at or above " + severity + ", but found "
          + blocking.size() + ":\n" + FindingReport.blocks(blocking, actual::rule).substring(1)));
    }
    return myself;
  }

  /** Every finding of the rule passed. */
  public AuditResultAssert hasPassed(String ruleId) {
    return every(ruleId, Status.PASS, "pass");
  }

  /** At least one finding of the rule failed (for tests that prove a violation is caught). */
  public AuditResultAssert hasFailed(String ruleId) {
    isNotNull();
    RuleMetadata rule = rule(ruleId);
    if (rule != null && findingsOf(rule).stream().noneMatch(f -> f.status() == Status.FAIL)) {
      scope.report(new AssertionError("Expecting " + rule.id() + " " + rule.name() + " to fail, but its findings are:\n"
          + FindingReport.blocks(findingsOf(rule), actual::rule).substring(1)));
    }
    return myself;
  }

  /** No rule threw. */
  public AuditResultAssert hasNoErrors() {
    isNotNull();
    List<Finding> errors = actual.findings().stream().filter(f -> f.status() == Status.ERROR).toList();
    if (!errors.isEmpty()) {
      scope.report(new AssertionError("Expecting every rule to run, but " + errors.size() + " failed:\n"
          + FindingReport.blocks(errors, actual::rule).substring(1)));
    }
    return myself;
  }

  private AuditResultAssert every(String ruleId, Status status, String verb) {
    isNotNull();
    RuleMetadata rule = rule(ruleId);
    if (rule == null) {
      return myself;
    }
    List<Finding> wrong = findingsOf(rule).stream().filter(f -> f.status() != status).toList();
    if (!wrong.isEmpty()) {
      scope.report(new AssertionError("Expecting " + rule.id() + " " + rule.name() + " to " + verb + ", but "
          + wrong.size() + (wrong.size() == 1 ? " finding does" : " findings do") + " not:\n"
          + FindingReport.blocks(wrong, actual::rule).substring(1)));
    }
    return myself;
  }

  private RuleMetadata rule(String ruleId) {
    RuleMetadata rule = actual.rules().stream().filter(r -> r.id().equalsIgnoreCase(ruleId)).findFirst().orElse(null);
    if (rule == null) {
      scope.report(new AssertionError("Expecting the audit to have run rule " + ruleId + ", but its rules are: "
          + actual.rules().stream().map(RuleMetadata::id).toList()));
    }
    return rule;
  }

  private List<Finding> findingsOf(RuleMetadata rule) {
    return actual.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
  }
}
