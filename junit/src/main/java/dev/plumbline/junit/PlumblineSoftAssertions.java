package dev.plumbline.junit;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Topology;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Plumbline's assertions collecting every failure before reporting them together, so one run
 * lists every gap in a topology: {@code PlumblineSoftAssertions.assertSoftly(softly -> ...)}, or
 * inject it with AssertJ's {@code SoftAssertionsExtension}. Failures in chains that navigate to a
 * resource are collected too.
 */
public class PlumblineSoftAssertions extends AbstractSoftAssertions {

  public TopologyAssert assertThat(Topology topology) {
    return new TopologyAssert(topology, AssertionScope.of(topology, this));
  }

  public AuditResultAssert assertThat(AuditResult audit) {
    return new AuditResultAssert(audit, new AssertionScope(null, java.util.List.of(), this));
  }

  public RuleOutcomesAssert assertThat(RuleOutcomes outcomes) {
    return new RuleOutcomesAssert(outcomes, this);
  }

  /** Runs the assertions and reports every failure they collected at once. */
  public static void assertSoftly(Consumer<PlumblineSoftAssertions> assertions) {
    PlumblineSoftAssertions softly = new PlumblineSoftAssertions();
    assertions.accept(softly);
    softly.assertAll();
  }
}
