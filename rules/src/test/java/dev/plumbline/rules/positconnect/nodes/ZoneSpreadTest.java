package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneSpreadTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZoneSpread rule = new ZoneSpread();

  @TempDir
  Path temp;

  @Test
  void judgesEachNodeByItsZoneAndTheScopeByTheDistinctZones() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-02.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-zone-1", "pass-zone-2", "scope"),
        Status.FAIL, Set.of("fail-no-zone"),
        Status.UNKNOWN, Set.of("unknown-two-zones")));
  }

  @Test
  void aNodeWithoutAZoneCarriesAbsentEvidence() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-VM-02.json")).stream()
        .filter(f -> f.subject().name().equals("fail-no-zone")).findFirst().orElseThrow();
    assertThat(fail.evidence()).containsExactly(Evidence.absent("zones", "one availability zone"));
  }

  @Test
  void nodesAllInOneZoneFailTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-02-one-zone.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-zone-3-a", "pass-zone-3-b"),
        Status.FAIL, Set.of("scope")));
  }

  @Test
  void tooFewZonesWithANodeWhoseZoneIsUnreadableIsUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-02-unknown-spread.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-zone-1"),
        Status.UNKNOWN, Set.of("unknown-two-zones", "scope")));
  }

  @Test
  void theCompliantExampleSpansTwoZones() throws Exception {
    List<Finding> findings = findings(rule, example("compliant.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("vm-connect-1", "vm-connect-2", "scope")));
    Finding scope = findings.stream().filter(f -> f.subject().id().equals("scope")).findFirst().orElseThrow();
    assertThat(scope.evidence()).containsExactly(new Evidence("distinct zones of the Connect nodes", ">= 2",
        "2 (zone 1: vm-connect-1; zone 2: vm-connect-2)"));
  }

  @Test
  void theSingleZoneViolationFailsTheScope() throws Exception {
    List<Finding> findings = findings(rule, example("violations/node-single-zone.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2"),
        Status.FAIL, Set.of("scope")));
    Finding scope = findings.stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
    assertThat(scope.evidence()).containsExactly(new Evidence("distinct zones of the Connect nodes", ">= 2",
        "1 (zone 1: vm-connect-1, vm-connect-2)"));
  }

  @Test
  void oneNodeCannotSpanTwoZones() throws Exception {
    assertThat(outcomes(rule, example("violations/single-node.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1"),
        Status.FAIL, Set.of("scope")));
  }

  @Test
  void aPoolMemberThatCannotBeTracedMakesTooFewZonesUnknown() throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(example("violations/node-single-zone.json").toFile());
    for (JsonNode resource : snapshot.get("resources")) {
      if (resource.path("type").asText().equals("Microsoft.Network/applicationGateways")) {
        ((ObjectNode) resource.path("properties").path("backendAddressPools").get(0).path("properties"))
            .withArray("backendAddresses").addObject().put("ipAddress", "10.20.1.99");
      }
    }
    Path input = temp.resolve("untraced.json");
    Files.writeString(input, JSON.writeValueAsString(snapshot));
    List<Finding> findings = findings(rule, input);
    assertThat(outcomes(findings)).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2"),
        Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(2).evidence()).contains(new Evidence("untraced pool members", "none", "10.20.1.99"));
  }

  @Test
  void minZonesIsAParameter() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"), "PCHA-VM-02.minZones=3")).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2"),
        Status.FAIL, Set.of("scope")));
    assertThat(outcomes(rule, fixture("PCHA-VM-02-one-zone.json"), "PCHA-VM-02.minZones=1").get(Status.PASS))
        .contains("scope");
  }

  @Test
  void noNodeAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
