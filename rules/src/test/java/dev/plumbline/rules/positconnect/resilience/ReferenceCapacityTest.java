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

class ReferenceCapacityTest {

  private final ReferenceCapacity rule = new ReferenceCapacity();

  @Test
  void theBundledExampleMatchesTheTestedReference() throws Exception {
    List<Finding> findings = findings(rule, example("compliant.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    assertThat(findings.get(0).evidence()).contains(new Evidence("total node vCPUs", ">= 16", "16"));
  }

  @Test
  void fewerVcpusThanTheReferenceFail() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-CAP-01-small.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(findings.get(0).message()).contains("8 vCPUs in total").contains("2,716 requests/s at 134 ms");
    assertThat(outcomes(rule, example("violations/node-small-size.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void anUnknownSizeIsUnknownUnlessTheKnownSizesAlreadyReachTheReference() throws Exception {
    List<Finding> unknown = findings(rule, fixture("PCHA-CAP-01-unknown-size.json"));
    assertThat(outcomes(unknown)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(unknown.get(0).evidence()).contains(
        new Evidence("vm-node-2.properties.hardwareProfile.vmSize", "a known VM size", "Custom_Size"),
        Evidence.absent("vm-node-3.properties.hardwareProfile.vmSize", "a known VM size"));
    assertThat(outcomes(rule, fixture("PCHA-CAP-01-enough-despite-unknown.json"))).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
  }

  @Test
  void aSizeMissingFromTheTableIsReadFromItsName() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-CAP-01-name-parsed.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    assertThat(findings.get(0).evidence()).contains(new Evidence("vm-node-2.properties.hardwareProfile.vmSize",
        "vCPUs counted towards 16", "Standard_D8als_v9: 8 vCPUs, read from the size name"));
  }

  @Test
  void referenceVcpusIsAParameter() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"), "PCHA-CAP-01.referenceVcpus=24"))
        .isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(outcomes(rule, fixture("PCHA-CAP-01-small.json"), "PCHA-CAP-01.referenceVcpus=8"))
        .isEqualTo(Map.of(Status.PASS, Set.of("scope")));
  }

  @Test
  void noNodeIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
