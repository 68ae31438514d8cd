package dev.plumbline.rules.positconnect.gateway;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CookieAffinityTest {

  private final CookieAffinity rule = new CookieAffinity();

  @Test
  void judgesTheSettingsOfEveryForwardingRouteWhenNoNodeIsTraced() throws Exception {
    // The fixture's pools are empty, so every forwarding route may carry Connect; settings no rule uses are not judged.
    assertThat(outcomes(rule, fixture("PCHA-AGW-02.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-affinity"),
        Status.FAIL, Set.of("fail-affinity"),
        Status.UNKNOWN, Set.of("unknown-affinity")));
  }

  @Test
  void judgesOnlyTheRoutesToConnectNodesWhenNodesAreTraced() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("settings-connect")));
    Finding fail = findings(rule, example("violations/no-cookie-affinity.json")).get(0);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.evidence()).containsExactly(new Evidence("properties.cookieBasedAffinity", "Enabled", "Disabled"));
    assertThat(fail.subject().provenance().pointer()).isEqualTo("/resources/4/properties/backendHttpSettingsCollection/0");
  }

  @Test
  void aGatewayThatOnlyRedirectsFails() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-AGW-02-redirect-only.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("agw-redirect-only")));
  }

  @Test
  void noGatewayIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
