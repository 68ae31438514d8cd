package dev.plumbline.junit;

import dev.plumbline.core.Plumbline;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.dsl.ResourceRule;
import java.util.List;
import java.util.Optional;

/**
 * Writes findings for people reading a failed test: one labelled line each for rule, resource,
 * property, expected, actual and fix, so the answer to "what is wrong and where" is in the first
 * screen of the test report.
 */
final class FindingReport {

  private FindingReport() {}

  /** One finding as a block of labelled lines. */
  static String block(Finding finding, Optional<RuleMetadata> rule) {
    StringBuilder text = new StringBuilder();
    boolean named = !finding.ruleId().equals(ResourceRule.UNNAMED_ID);
    if (named) {
      line(text, "rule", finding.ruleId() + rule.map(r -> " " + r.name() + " (" + r.severity() + ")").orElse(""));
    }
    line(text, "resource", finding.subject().name());
    if (finding.subject().isResource()) {
      line(text, "id", finding.subject().id());
    }
    line(text, "status", finding.status() + ": " + finding.message());
    evidence(text, finding.evidence());
    if (named) {
      line(text, "fix", Plumbline.RULE_PAGES + finding.ruleId());
    }
    if (finding.subject().provenance().line() > 0) {
      line(text, "source", finding.subject().provenance().source() + ":" + finding.subject().provenance().line()
          + ":" + finding.subject().provenance().column());
    }
    return text.toString();
  }

  /** Several findings, a blank line between blocks. */
  static String blocks(List<Finding> findings, java.util.function.Function<String, Optional<RuleMetadata>> rules) {
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      text.append('\n').append(block(finding, rules.apply(finding.ruleId())));
    }
    return text.toString();
  }

  /** The property, expected and actual lines of each piece of evidence. */
  static void evidence(StringBuilder text, List<Evidence> evidence) {
    for (Evidence item : evidence) {
      line(text, "property", item.path());
      line(text, "expected", item.expected());
      line(text, "actual", item.actual() == null ? "(absent)" : item.actual());
    }
  }

  static void line(StringBuilder text, String label, String value) {
    text.append("  ").append(label).append(':').append(" ".repeat(Math.max(1, 9 - label.length())))
        .append(value).append('\n');
  }
}
