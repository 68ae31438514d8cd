package dev.plumbline.junit;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Topology;

/**
 * Entry point for Plumbline's AssertJ assertions:
 * {@code assertThat(topology).gateway("agw-connect").hasCookieAffinity()} and
 * {@code assertThat(audit).hasNoFindingsAtOrAbove(Severity.HIGH)}.
 */
public final class PlumblineAssertions {

  private PlumblineAssertions() {}

  /** Assertions on a topology and its resources; domain assertions run the built-in packs' rules. */
  public static TopologyAssert assertThat(Topology topology) {
    return new TopologyAssert(topology, AssertionScope.of(topology, null));
  }

  public static AuditResultAssert assertThat(AuditResult audit) {
    return new AuditResultAssert(audit, new AssertionScope(null, java.util.List.of(), null));
  }

  /** Assertions on a rule's outcomes over a fixture, for rule authors. */
  public static RuleOutcomesAssert assertThat(RuleOutcomes outcomes) {
    return new RuleOutcomesAssert(outcomes, null);
  }
}
