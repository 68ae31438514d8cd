package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeSizeTest {

  private final NodeSize rule = new NodeSize();

  @Test
  void judgesEachNodeBySizeAndFailsTheScopeWhenSizesDiffer() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-03.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-d8-v5", "pass-lower-case", "pass-constrained-e32-8s"),
        Status.FAIL, Set.of("fail-d4-v5", "fail-d8ls-v5-memory", "fail-parsed-d2-v9", "fail-parsed-constrained-e16-4ds-v9",
            "scope"),
        Status.UNKNOWN, Set.of("unknown-parsed-d16-v9", "unknown-unparseable", "unknown-no-size")));
  }

  @Test
  void evidenceShowsTheSizeWithItsVcpusAndMemory() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-03.json"));
    assertThat(evidenceOf(findings, "fail-d8ls-v5-memory")).containsExactly(new Evidence(
        "properties.hardwareProfile.vmSize", ">= 8 vCPUs and >= 32 GiB", "Standard_D8ls_v5 (8 vCPUs, 16 GiB)"));
    assertThat(evidenceOf(findings, "unknown-parsed-d16-v9")).containsExactly(new Evidence(
        "properties.hardwareProfile.vmSize", ">= 8 vCPUs and >= 32 GiB", "Standard_D16_v9 (16 vCPUs, memory unknown)"));
    assertThat(evidenceOf(findings, "unknown-no-size")).containsExactly(
        Evidence.absent("properties.hardwareProfile.vmSize", ">= 8 vCPUs and >= 32 GiB"));
  }

  @Test
  void nodesOfOneAdequateSizePass() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-03-same.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-d16s-v5-a", "pass-d16s-v5-b", "scope")));
  }

  @Test
  void aNodeWithoutASizeLeavesSamenessUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-03-unknown-same.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-d8-v5"),
        Status.UNKNOWN, Set.of("unknown-no-size", "scope")));
  }

  @Test
  void theCompliantExamplePassesAndTheSmallNodeFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2", "scope")));
    List<Finding> findings = findings(rule, example("violations/node-small-size.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1"),
        Status.FAIL, Set.of("vm-connect-2", "scope")));
    Finding scope = findings.stream().filter(f -> f.subject().id().equals("scope")).findFirst().orElseThrow();
    assertThat(scope.evidence()).containsExactly(
        new Evidence("vm-connect-1.properties.hardwareProfile.vmSize", "the same size on every node", "Standard_D8_v5"),
        new Evidence("vm-connect-2.properties.hardwareProfile.vmSize", "the same size on every node", "Standard_D4_v5"));
  }

  @Test
  void thresholdsAreParameters() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"), "PCHA-VM-03.minVcpus=16")).isEqualTo(Map.of(
        Status.PASS, Set.of("scope"),
        Status.FAIL, Set.of("vm-connect-1", "vm-connect-2")));
    assertThat(outcomes(rule, example("compliant.json"), "PCHA-VM-03.minMemoryGib=64")).isEqualTo(Map.of(
        Status.PASS, Set.of("scope"),
        Status.FAIL, Set.of("vm-connect-1", "vm-connect-2")));
    // A smaller floor lets the D4 node pass its own check, but it still differs from the other node.
    assertThat(outcomes(rule, example("violations/node-small-size.json"), "PCHA-VM-03.minVcpus=4",
        "PCHA-VM-03.minMemoryGib=16")).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2"),
        Status.FAIL, Set.of("scope")));
  }

  @Test
  void oneNodeHasNothingToDifferFrom() throws Exception {
    assertThat(outcomes(rule, example("violations/single-node.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "scope")));
  }

  @Test
  void noNodeAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void theSizeTablePrecedesTheNameAndTheNameGivesOnlyVcpus() {
    VmSizes sizes = VmSizes.builtIn();
    assertThat(sizes.find("Standard_D8_v5")).contains(
        new VmSizes.VmSize("Standard_D8_v5", 8, Optional.of(32.0), VmSizes.VmSize.Source.TABLE));
    assertThat(sizes.find("STANDARD_E32-8S_V5").map(VmSizes.VmSize::memoryGib)).contains(Optional.of(256.0));
    assertThat(sizes.find("Standard_B1ls2").map(VmSizes.VmSize::memoryGib)).contains(Optional.of(0.5));
    assertThat(sizes.find("Standard_E64-16ds_v9")).contains(
        new VmSizes.VmSize("Standard_E64-16ds_v9", 16, Optional.empty(), VmSizes.VmSize.Source.NAME));
    assertThat(sizes.find("Standard_NC24ads_A100_v4").map(VmSizes.VmSize::vcpus)).contains(24L);
    assertThat(sizes.find("Standard_Custom")).isEmpty();
  }

  private static List<Evidence> evidenceOf(List<Finding> findings, String subject) {
    return findings.stream().filter(f -> f.subject().name().equals(subject)).findFirst().orElseThrow().evidence();
  }
}
