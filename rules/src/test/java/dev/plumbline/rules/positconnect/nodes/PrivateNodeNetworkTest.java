package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivateNodeNetworkTest {

  private static final String PIP_2 = "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect"
      + "/providers/Microsoft.Network/publicIPAddresses/pip-connect-2";

  private final PrivateNodeNetwork rule = new PrivateNodeNetwork();

  @Test
  void judgesEveryNodeByItsPublicIpsAndSubnets() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-05.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-private", "pass-linked-from-nic-only"),
        Status.FAIL, Set.of("fail-public-ip", "fail-public-ip-not-in-topology", "fail-gateway-subnet",
            "fail-default-outbound", "fail-second-ip-configuration-public", "fail-public-ip-in-unstated-subnet"),
        Status.UNKNOWN, Set.of("unknown-unstated-outbound", "unknown-unrecognised-outbound",
            "unknown-subnet-not-in-topology", "unknown-nic-not-in-topology")));
  }

  @Test
  void evidencePointsFromTheNodeToTheProperty() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-05.json"));
    assertThat(evidenceOf(findings, "fail-gateway-subnet")).containsExactly(new Evidence(
        "networkInterfaces[nic-gateway-subnet].ipConfigurations[ipconfig1].subnet[snet-agw]"
            + ".properties.applicationGatewayIPConfigurations", "no Application Gateway", "agw-fixture"));
    assertThat(evidenceOf(findings, "fail-default-outbound")).containsExactly(new Evidence(
        "networkInterfaces[nic-default-outbound].ipConfigurations[ipconfig1].subnet[snet-default-outbound]"
            + ".properties.defaultOutboundAccess", "false", "true"));
    assertThat(evidenceOf(findings, "unknown-unstated-outbound")).containsExactly(Evidence.absent(
        "networkInterfaces[nic-unstated].ipConfigurations[ipconfig1].subnet[snet-unstated]"
            + ".properties.defaultOutboundAccess", "false"));
    assertThat(evidenceOf(findings, "unknown-nic-not-in-topology")).containsExactly(new Evidence(
        "properties.networkProfile.networkInterfaces", "every NIC in the topology", "1 listed, 0 found"));
  }

  @Test
  void theCompliantExamplePassesAndThePublicIpViolationFailsItsNode() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2")));
    List<Finding> findings = findings(rule, example("violations/node-public-ip.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1"),
        Status.FAIL, Set.of("vm-connect-2")));
    assertThat(evidenceOf(findings, "vm-connect-2")).containsExactly(new Evidence(
        "networkInterfaces[nic-connect-2].ipConfigurations[ipconfig1].properties.publicIPAddress.id", "none", PIP_2));
    assertThat(findings.stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow().message())
        .isEqualTo("Connect node vm-connect-2 is not private: public IP pip-connect-2 is attached to nic-connect-2/ipconfig1.");
  }

  @Test
  void noNodeAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  private static List<Evidence> evidenceOf(List<Finding> findings, String subject) {
    return findings.stream().filter(f -> f.subject().name().equals(subject)).findFirst().orElseThrow().evidence();
  }
}
