package dev.plumbline.rules.positconnect.resilience;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeLossToleranceTest {

  private final NodeLossTolerance rule = new NodeLossTolerance();

  @Test
  void eachNodeIsJudgedByTheNodesLeftWhenItFails() throws Exception {
    // Only unknown-only-probed-node is behind a probe, so losing it leaves none for certain; the dangling probe may be one.
    assertThat(outcomes(rule, fixture("PCHA-HA-01.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-in-unprobed-pool", "pass-behind-dangling-probe"),
        Status.UNKNOWN, Set.of("unknown-only-probed-node")));
  }

  @Test
  void withNoProbedPoolEveryNodeFails() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-HA-01-unprobed.json")))
        .isEqualTo(Map.of(Status.FAIL, Set.of("fail-first", "fail-second", "fail-outside-pools")));
  }

  @Test
  void anUntracedMemberOfAProbedPoolMayBeTheNodeLeft() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-HA-01-untraced.json")))
        .isEqualTo(Map.of(Status.UNKNOWN, Set.of("unknown-first", "unknown-second")));
  }

  @Test
  void theBundledExamplePassesAndLosesItsProbeInTheViolation() throws Exception {
    List<Finding> compliant = findings(rule, example("compliant.json"));
    assertThat(outcomes(compliant)).isEqualTo(Map.of(Status.PASS, Set.of("vm-connect-1", "vm-connect-2")));
    assertThat(compliant.get(0).evidence()).containsExactly(new Evidence("other node vm-connect-2",
        "in a gateway pool with a custom health probe",
        "pool agw-connect/pool-connect via settings settings-connect with probe probe-connect-ping"));
    assertThat(outcomes(rule, example("violations/ha-no-probe.json")))
        .isEqualTo(Map.of(Status.FAIL, Set.of("vm-connect-1", "vm-connect-2")));
  }

  @Test
  void aSingleNodeLeavesNothingBehind() throws Exception {
    List<Finding> single = findings(rule, example("violations/single-node.json"));
    assertThat(outcomes(single)).isEqualTo(Map.of(Status.FAIL, Set.of("vm-connect-1")));
    assertThat(single.get(0).message()).contains("no other Connect node is left to serve");
  }

  @Test
  void noNodeIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
