package dev.plumbline.rules.positconnect.storage;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetAppPrivateExportTest {

  private final NetAppPrivateExport rule = new NetAppPrivateExport();

  @Test
  void judgesTheSubnetDelegationAndEveryExportedClient() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-04.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-private-cidr", "pass-vnet-space", "pass-many-private"),
        Status.FAIL, Set.of("fail-everyone", "fail-star", "fail-public-cidr", "fail-wide-cidr", "fail-not-delegated",
            "fail-wrong-delegation"),
        Status.UNKNOWN, Set.of("unknown-host-name", "unknown-ipv6", "unknown-no-export-policy", "unknown-subnet-missing")));
  }

  @Test
  void aPublicEntryIsNamedWithItsRule() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-ANF-04.json")).stream()
        .filter(f -> f.subject().name().equals("fail-public-cidr")).findFirst().orElseThrow();
    assertThat(fail.message()).contains("export rule 2 admits 52.10.0.0/16 (outside the private network)");
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-export-open.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-node-not-admitted.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
