package dev.plumbline.rules.positconnect.gateway;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolCoverageTest {

  private final PoolCoverage rule = new PoolCoverage();

  @Test
  void judgesTheClosestPoolOfEveryGatewayThatReachesANode() throws Exception {
    // agw-unrelated reaches no node while the others do, so it is someone else's gateway and gets no finding.
    assertThat(outcomes(rule, fixture("PCHA-AGW-01.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-pool-both", "pass-pool-by-fqdn"),
        Status.FAIL, Set.of("fail-pool-missing-node", "fail-pool-split-a"),
        Status.UNKNOWN, Set.of("unknown-pool-untraced", "unknown-pool-elsewhere")));
  }

  @Test
  void aFailureNamesTheMissingNodeAndAnUnknownTheUntracedMember() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-AGW-01.json"));
    Finding missing = named(findings, "fail-pool-missing-node");
    assertThat(missing.message()).contains("vm-b");
    assertThat(missing.evidence()).containsExactly(new Evidence("members", "every Connect node: vm-a, vm-b", "vm-a"));
    Finding split = named(findings, "fail-pool-split-a");
    assertThat(split.message()).contains("pool-split-b lacks vm-a");
    Finding untraced = named(findings, "unknown-pool-untraced");
    assertThat(untraced.evidence()).contains(new Evidence("untraced members", "none", "10.0.9.9"));
  }

  @Test
  void withoutAnyNodeAGatewayFailsUnlessAnUntracedMemberMayBeOne() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-AGW-01-no-nodes.json"))).isEqualTo(Map.of(
        Status.FAIL, Set.of("fail-agw-empty-pool", "fail-agw-redirect-only"),
        Status.UNKNOWN, Set.of("unknown-agw-untraced")));
  }

  @Test
  void noGatewayIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void theCompliantPoolHoldsBothNodesAndTheMissingNodeViolationFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("pool-connect")));
    List<Finding> findings = findings(rule, example("violations/gateway-missing-node.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("pool-connect")));
    assertThat(findings.get(0).message()).contains("vm-connect-2");
    assertThat(findings.get(0).evidence()).containsExactly(
        new Evidence("members", "every Connect node: vm-connect-1, vm-connect-2", "vm-connect-1"));
  }

  private static Finding named(List<Finding> findings, String name) {
    return findings.stream().filter(f -> f.subject().name().equals(name)).findFirst().orElseThrow();
  }
}
