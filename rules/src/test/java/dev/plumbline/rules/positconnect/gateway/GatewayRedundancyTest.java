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

class GatewayRedundancyTest {

  private final GatewayRedundancy rule = new GatewayRedundancy();

  @Test
  void judgesEveryGatewayBySkuZonesAndInstances() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-AGW-04.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-v2-autoscale", "pass-waf-v2-fixed"),
        Status.FAIL, Set.of("fail-v1", "fail-basic", "fail-single-zone", "fail-no-zones", "fail-one-instance",
            "fail-autoscale-zero"),
        Status.UNKNOWN, Set.of("unknown-zones-absent", "unknown-capacity-absent", "unknown-sku-absent",
            "unknown-sku-unrecognised")));
  }

  @Test
  void evidenceCoversAllThreeProperties() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-AGW-04.json"));
    assertThat(named(findings, "pass-waf-v2-fixed").evidence()).containsExactly(
        new Evidence("properties.sku.tier", "Standard_v2 or WAF_v2", "waf_v2"),
        new Evidence("zones", ">= 2 zones", "[1, 2]"),
        new Evidence("properties.sku.capacity", ">= 2", "3"));
    assertThat(named(findings, "fail-autoscale-zero").evidence())
        .contains(new Evidence("properties.autoscaleConfiguration.minCapacity", ">= 2", "0"));
    assertThat(named(findings, "unknown-zones-absent").evidence()).contains(new Evidence("zones", ">= 2 zones", null));
  }

  @Test
  void parametersRaiseTheZoneAndInstanceFloors() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-AGW-04.json"), "PCHA-AGW-04.minZones=3").get(Status.PASS))
        .containsExactly("pass-v2-autoscale");
    assertThat(outcomes(rule, fixture("PCHA-AGW-04.json"), "PCHA-AGW-04.minInstances=3").get(Status.PASS))
        .containsExactly("pass-waf-v2-fixed");
  }

  @Test
  void noGatewayIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void theCompliantGatewayPassesAndTheSingleZoneViolationFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("agw-connect")));
    Finding fail = findings(rule, example("violations/gateway-single-zone.json")).get(0);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.evidence()).contains(new Evidence("zones", ">= 2 zones", "[1]"));
  }

  private static Finding named(List<Finding> findings, String name) {
    return findings.stream().filter(f -> f.subject().name().equals(name)).findFirst().orElseThrow();
  }
}
