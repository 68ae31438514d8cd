package dev.plumbline.rules.positconnect.network;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayOnlyIngressTest {

  private final GatewayOnlyIngress rule = new GatewayOnlyIngress();

  @Test
  void evaluatesTheEffectiveRulesOnEveryNodesPath() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-NET-02.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-locked-down", "pass-default-rules-only", "pass-nic-level"),
        Status.FAIL, Set.of("fail-open-ssh", "fail-no-nsg", "fail-gateway-blocked", "fail-nic-allows-public",
            "fail-public-cidr"),
        Status.UNKNOWN, Set.of("unknown-service-tag", "unknown-nsg-not-in-topology", "unknown-no-nic")));
  }

  @Test
  void aFailureNamesTheAllowingRuleAndItsPriority() throws Exception {
    assertThat(finding("PCHA-NET-02.json", "fail-open-ssh").evidence()).contains(new Evidence(
        "nic-fail-open-ssh/ipconfig1 inbound from the internet", "denied",
        "TCP 22 from any public address, allowed by nsg-open-ssh/AllowSshFromInternet (priority 200, subnet snet-fail-open-ssh)"
            + " and no NSG on NIC nic-fail-open-ssh"));
    assertThat(finding("PCHA-NET-02.json", "fail-public-cidr").message()).contains("TCP 22 from 203.0.113.0/24");
    assertThat(finding("PCHA-NET-02.json", "fail-nic-allows-public").message())
        .contains("nsg-nic-public/AllowHttpFromAnywhere (priority 300, NIC nic-fail-nic-allows-public)");
  }

  @Test
  void aNodeWithoutAnyNsgFails() throws Exception {
    assertThat(finding("PCHA-NET-02.json", "fail-no-nsg").message())
        .contains("has no NSG on its subnet or its NIC, so everything is allowed from the internet");
  }

  @Test
  void theConnectPortMustBeOpenFromTheGatewaySubnet() throws Exception {
    assertThat(finding("PCHA-NET-02.json", "fail-gateway-blocked").evidence()).contains(new Evidence(
        "nic-fail-gateway-blocked/ipconfig1 inbound TCP 3939 from gateway subnet snet-agw (10.50.0.0/24)", "allowed",
        "denied by nsg-gateway-blocked/DenyConnectFromGateway (priority 100, subnet snet-fail-gateway-blocked)"));
  }

  @Test
  void aServiceTagWhoseAddressesAreUnknownLeavesTheAnswerOpen() throws Exception {
    assertThat(finding("PCHA-NET-02.json", "unknown-service-tag").message())
        .contains("may admit TCP 443").contains("AzureFrontDoor.Backend");
  }

  @Test
  void theBundledExamplePassesAndOpenSshFailsOnBothNodes() throws Exception {
    List<Finding> compliant = findings(rule, example("compliant.json"));
    assertThat(outcomes(compliant)).isEqualTo(Map.of(Status.PASS, Set.of("vm-connect-1", "vm-connect-2")));
    assertThat(compliant.get(0).evidence()).containsExactly(
        new Evidence("nic-connect-1/ipconfig1 inbound from the internet", "denied",
            "denied by nsg-connect/DenyInternetInbound (priority 4000, subnet snet-connect)"),
        new Evidence("nic-connect-1/ipconfig1 inbound TCP 3939 from gateway subnet snet-agw (10.20.0.0/24)", "allowed",
            "allowed by nsg-connect/AllowConnectFromGateway (priority 100, subnet snet-connect) and no NSG on NIC nic-connect-1"));
    assertThat(outcomes(rule, example("violations/network-open-ssh.json")))
        .isEqualTo(Map.of(Status.FAIL, Set.of("vm-connect-1", "vm-connect-2")));
  }

  @Test
  void withoutAGatewayNothingReachesTheNodesThroughOne() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-NET-02-no-gateway.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("fail-no-gateway")));
  }

  @Test
  void noNodeIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  private Finding finding(String fixture, String subject) throws Exception {
    return findings(rule, fixture(fixture)).stream().filter(f -> f.subject().name().equals(subject)).findFirst().orElseThrow();
  }
}
