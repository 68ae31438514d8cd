package dev.plumbline.junit;

import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Exact-set assertions on a rule's outcomes, the way rule tests are written here:
 * {@code assertThat(outcomes).passesExactly("pg-ok").failsExactly("pg-old").isUnknownExactlyFor()}.
 */
public class RuleOutcomesAssert extends AbstractAssert<RuleOutcomesAssert, RuleOutcomes> {

  private final AssertionErrorCollector collector;

  RuleOutcomesAssert(RuleOutcomes actual, AssertionErrorCollector collector) {
    super(actual, RuleOutcomesAssert.class);
    this.collector = collector;
  }

  /** Exactly these subjects pass. */
  public RuleOutcomesAssert passesExactly(String... names) {
    return exactly(Status.PASS, names);
  }

  /** Exactly these subjects fail. */
  public RuleOutcomesAssert failsExactly(String... names) {
    return exactly(Status.FAIL, names);
  }

  /** Exactly these subjects are UNKNOWN. */
  public RuleOutcomesAssert isUnknownExactlyFor(String... names) {
    return exactly(Status.UNKNOWN, names);
  }

  /** Exactly these subjects are NOT_APPLICABLE. */
  public RuleOutcomesAssert isNotApplicableExactlyFor(String... names) {
    return exactly(Status.NOT_APPLICABLE, names);
  }

  /** The rule did not throw. */
  public RuleOutcomesAssert hasNoErrors() {
    return exactly(Status.ERROR);
  }

  private RuleOutcomesAssert exactly(Status status, String... names) {
    isNotNull();
    Set<String> expected = new TreeSet<>(java.util.List.of(names));
    Set<String> found = actual.subjects(status);
    if (!expected.equals(found)) {
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(found);
      Set<String> extra = new TreeSet<>(found);
      extra.removeAll(expected);
      StringBuilder text = new StringBuilder("Expecting ").append(actual.ruleId()).append(" to give ").append(status)
          .append(" for exactly ").append(expected).append(", but it gave ").append(status).append(" for ")
          .append(found).append(":\n");
      FindingReport.line(text, "missing", missing.toString());
      FindingReport.line(text, "extra", extra.toString());
      for (String name : missing) {
        actual.findings().stream().filter(f -> RuleOutcomes.name(f).equals(name))
            .forEach(f -> FindingReport.line(text, name, f.status() + ": " + f.message()));
      }
      for (Finding finding : actual.findings()) {
        if (finding.status() == status && extra.contains(RuleOutcomes.name(finding))) {
          FindingReport.line(text, RuleOutcomes.name(finding), finding.status() + ": " + finding.message());
        }
      }
      AssertionError error = new AssertionError(text.toString());
      if (collector == null) {
        throw error;
      }
      collector.collectAssertionError(error);
    }
    return myself;
  }
}
