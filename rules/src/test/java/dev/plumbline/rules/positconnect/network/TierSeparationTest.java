package dev.plumbline.rules.positconnect.network;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierSeparationTest {

  private final TierSeparation rule = new TierSeparation();

  @Test
  void judgesTheGatewaySubnetsAndWhereEveryTierSits() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-NET-01.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-gateway-subnet", "pass-node", "pass-postgres-delegated", "pass-postgres-private-endpoint",
            "pass-volume"),
        Status.FAIL, Set.of("fail-shared-gateway-subnet", "fail-node-in-gateway-subnet", "fail-node-default-outbound",
            "fail-postgres-public", "fail-volume-default-outbound"),
        Status.UNKNOWN, Set.of("unknown-gateway-subnet-missing", "unknown-node-unstated", "unknown-node-no-nic",
            "unknown-postgres-endpoint-missing", "unknown-volume-unstated")));
  }

  @Test
  void aSharedGatewaySubnetNamesWhatSharesIt() throws Exception {
    Finding shared = finding("PCHA-NET-01.json", "fail-shared-gateway-subnet");
    assertThat(shared.evidence()).containsExactly(new Evidence("contents", "application gateways only",
        "NIC nic-in-gateway-subnet of VM fail-node-in-gateway-subnet"));
    Finding node = finding("PCHA-NET-01.json", "fail-node-in-gateway-subnet");
    assertThat(node.message()).contains("is the Application Gateway's subnet");
  }

  @Test
  void aSubnetThatKeepsDefaultOutboundAccessIsNotPrivate() throws Exception {
    assertThat(finding("PCHA-NET-01.json", "fail-volume-default-outbound").evidence()).containsExactly(
        new Evidence("subnet snet-default-outbound.properties.defaultOutboundAccess", "false", "true"));
    assertThat(finding("PCHA-NET-01.json", "unknown-volume-unstated").evidence()).containsExactly(
        Evidence.absent("subnet snet-unstated.properties.defaultOutboundAccess", "false"));
  }

  @Test
  void theBundledExampleSeparatesEveryTierAndItsViolationDoesNot() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS,
        Set.of("snet-agw", "vm-connect-1", "vm-connect-2", "psql-connect", "vol-connect-data")));
    assertThat(outcomes(rule, example("violations/network-anf-default-outbound.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("snet-agw", "vm-connect-1", "vm-connect-2", "psql-connect"),
        Status.FAIL, Set.of("vol-connect-data")));
  }

  @Test
  void noGatewayIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  private Finding finding(String fixture, String subject) throws Exception {
    return findings(rule, fixture(fixture)).stream().filter(f -> f.subject().name().equals(subject)).findFirst().orElseThrow();
  }
}
