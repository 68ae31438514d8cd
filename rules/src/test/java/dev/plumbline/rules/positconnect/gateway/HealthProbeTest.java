package dev.plumbline.rules.positconnect.gateway;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

  private final HealthProbe rule = new HealthProbe();

  @Test
  void judgesTheProbeOfEverySettingThatRoutesToThePool() throws Exception {
    // The fixture's pool is empty, so every forwarding route may carry Connect; settings no rule uses are not judged.
    assertThat(outcomes(rule, fixture("PCHA-AGW-03.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-probe", "pass-probe-defaults", "pass-probe-https-range"),
        Status.FAIL, Set.of("fail-no-probe", "fail-wrong-path", "fail-protocol", "fail-port", "fail-status"),
        Status.UNKNOWN, Set.of("unknown-no-path", "unknown-no-port", "unknown-body", "unknown-status-unreadable",
            "unknown-dangling-probe", "unknown-rule-no-settings")));
  }

  @Test
  void theHealthPathParameterChangesThePathThatPasses() throws Exception {
    Map<Status, Set<String>> outcomes = outcomes(rule, fixture("PCHA-AGW-03.json"), "PCHA-AGW-03.healthPath=/");
    assertThat(outcomes.get(Status.PASS)).containsExactly("fail-wrong-path");
    assertThat(outcomes.get(Status.FAIL)).contains("pass-probe", "pass-probe-defaults", "pass-probe-https-range");
  }

  @Test
  void evidenceShowsEveryPropertyOfTheProbe() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-AGW-03.json"));
    assertThat(named(findings, "pass-probe").evidence()).containsExactly(
        new Evidence("probe.properties.path", "/__ping__", "/__ping__"),
        new Evidence("probe.properties.protocol", "Http (the settings' protocol)", "Http"),
        new Evidence("probe.properties.port", "3939 (the settings' port), or absent", "3939"),
        new Evidence("probe.properties.match.statusCodes", "codes including 200 (absent means 200-399)", "200"),
        new Evidence("probe.properties.match.body", "absent or empty", null));
    assertThat(named(findings, "fail-port").message()).contains("port 80");
    assertThat(named(findings, "fail-no-probe").evidence())
        .containsExactly(Evidence.absent("properties.probe.id", "a custom probe of /__ping__"));
  }

  @Test
  void aGatewayThatOnlyRedirectsFailsAndNoGatewayFailsTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-AGW-02-redirect-only.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("agw-redirect-only")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void theCompliantProbePassesAndTheWrongPathViolationFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("settings-connect")));
    Finding fail = findings(rule, example("violations/gateway-probe-wrong-path.json")).get(0);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.subject().name()).isEqualTo("settings-connect");
    assertThat(fail.evidence()).contains(new Evidence("probe.properties.path", "/__ping__", "/"));
  }

  private static Finding named(List<Finding> findings, String name) {
    return findings.stream().filter(f -> f.subject().name().equals(name)).findFirst().orElseThrow();
  }
}
