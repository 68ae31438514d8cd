package dev.plumbline.rules.positconnect.network;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivateSubnetPublicIpsTest {

  private final PrivateSubnetPublicIps rule = new PrivateSubnetPublicIps();

  @Test
  void failsEveryPublicIpOutsideTheGatewaySubnetAndPassesTheCleanSubnets() throws Exception {
    // snet-exposed gets no finding of its own: its two exposed IP configurations fail instead.
    assertThat(outcomes(rule, fixture("PCHA-NET-03.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-private-subnet", "pass-empty-subnet"),
        Status.FAIL, Set.of("fail-public-ip", "fail-public-ip-not-in-topology", "fail-public-ip-subnet-not-in-topology"),
        Status.UNKNOWN, Set.of("unknown-lists-ip-configuration-not-in-topology")));
  }

  @Test
  void theFailureNamesThePublicIp() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-NET-03.json")).stream()
        .filter(f -> f.subject().name().equals("fail-public-ip")).findFirst().orElseThrow();
    assertThat(fail.evidence()).containsExactly(new Evidence("properties.publicIPAddress.id", "none", "pip-exposed (20.1.1.2)"));
    assertThat(fail.message()).contains("of VM vm-exposed in private subnet snet-exposed");
  }

  @Test
  void theBundledExamplesPassAndANodePublicIpFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json")))
        .isEqualTo(Map.of(Status.PASS, Set.of("snet-connect", "snet-postgres", "snet-anf")));
    assertThat(outcomes(rule, example("violations/node-public-ip.json")))
        .isEqualTo(Map.of(Status.PASS, Set.of("snet-postgres", "snet-anf"), Status.FAIL, Set.of("ipconfig1")));
  }

  @Test
  void noSubnetAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
