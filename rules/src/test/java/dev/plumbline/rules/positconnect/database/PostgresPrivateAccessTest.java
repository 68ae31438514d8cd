package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresPrivateAccessTest {

  private final PostgresPrivateAccess rule = new PostgresPrivateAccess();

  @Test
  void judgesPublicAccessAndEveryPrivatePathFromTheConnectVnet() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-05.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-delegated-same", "pass-delegated-peered", "pass-private-endpoint",
            "pass-endpoint-network-side"),
        Status.FAIL, Set.of("fail-public", "fail-no-private-path", "fail-other-vnet", "fail-not-delegated",
            "fail-peering-not-connected", "fail-endpoint-pending", "fail-endpoint-other-vnet"),
        Status.UNKNOWN, Set.of("unknown-no-access", "unknown-odd-access", "unknown-subnet-missing",
            "unknown-peering-state", "unknown-endpoint-no-status")));
  }

  @Test
  void publicAccessFailsOnThatPropertyAlone() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-PG-05.json")).stream()
        .filter(f -> f.subject().name().equals("fail-public")).findFirst().orElseThrow();
    assertThat(fail.evidence()).containsExactly(new Evidence("properties.network.publicNetworkAccess", "Disabled", "Enabled"));
  }

  @Test
  void aPeeredDelegatedSubnetNamesThePeering() throws Exception {
    Finding pass = findings(rule, fixture("PCHA-PG-05.json")).stream()
        .filter(f -> f.subject().name().equals("pass-delegated-peered")).findFirst().orElseThrow();
    assertThat(pass.message()).contains("snet-data-pg").contains("vnet-data").contains("peered with the Connect nodes' VNet vnet-connect");
  }

  @Test
  void withoutConnectNodesTheVnetCannotBeCompared() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-05-no-nodes.json"))).isEqualTo(Map.of(Status.UNKNOWN, Set.of("unknown-no-nodes")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-public-access.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("psql-connect")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
