package dev.plumbline.rules.positconnect.storage;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetAppReachabilityTest {

  private final NetAppReachability rule = new NetAppReachability();

  @Test
  void judgesPlacementAndTheExportPolicyForEveryNode() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-01.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-subnet-cidr", "pass-peered-host-ips", "pass-everyone", "pass-second-rule"),
        Status.FAIL, Set.of("fail-one-node", "fail-read-only", "fail-first-match-read-only", "fail-other-vnet"),
        Status.UNKNOWN, Set.of("unknown-host-name", "unknown-no-export-policy", "unknown-no-read-write-flag",
            "unknown-subnet-missing")));
  }

  @Test
  void aNodeOutsideTheExportRuleIsNamedWithItsAddress() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-ANF-01.json")).stream()
        .filter(f -> f.subject().name().equals("fail-one-node")).findFirst().orElseThrow();
    assertThat(fail.message()).contains("vm-node-2").contains("10.80.1.5").doesNotContain("vm-node-1 cannot");
    assertThat(fail.evidence()).contains(
        new Evidence("properties.exportPolicy.rules", "admits vm-node-1 read-write",
            "10.80.1.4 is admitted read-write by rule 1 (10.80.1.4/32)"),
        new Evidence("properties.exportPolicy.rules", "admits vm-node-2 read-write", "10.80.1.5 is admitted by no rule"));
  }

  @Test
  void theRuleWithTheLowestIndexDecides() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-ANF-01.json")).stream()
        .filter(f -> f.subject().name().equals("fail-first-match-read-only")).findFirst().orElseThrow();
    assertThat(fail.message()).contains("read-only by rule 1");
  }

  @Test
  void withoutConnectNodesReachabilityIsUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-01-no-nodes.json"))).isEqualTo(Map.of(Status.UNKNOWN, Set.of("unknown-no-nodes")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-node-not-admitted.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-export-open.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
