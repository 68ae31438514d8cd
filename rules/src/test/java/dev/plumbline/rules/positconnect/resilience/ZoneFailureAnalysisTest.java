package dev.plumbline.rules.positconnect.resilience;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneFailureAnalysisTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZoneFailureAnalysis rule = new ZoneFailureAnalysis();

  @TempDir
  Path temp;

  @Test
  void theBundledExampleLosesOnlyItsStorageWithZoneOne() throws Exception {
    List<Finding> findings = findings(rule, example("compliant.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("zone-1"), Status.PASS, Set.of("zone-2", "zone-3")));
    Finding zone1 = findings.get(0);
    assertThat(zone1.message()).isEqualTo("Losing availability zone 1 takes down the storage (NetApp volume vol-connect-data,"
        + " in zone 1 only): a single-zone point of failure, while the gateway, the nodes and the database keep running.");
    assertThat(zone1.evidence()).contains(
        new Evidence("database", "survives the loss of zone 1",
            "survives: PostgreSQL server psql-connect with zone-redundant high availability, zones 1, 2"),
        new Evidence("storage", "survives the loss of zone 1", "lost: NetApp volume vol-connect-data, in zone 1 only"));
  }

  @Test
  void aRegionalGatewayLeavesTheOtherZonesUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-HA-02.json")))
        .isEqualTo(Map.of(Status.FAIL, Set.of("zone-1"), Status.UNKNOWN, Set.of("zone-2")));
  }

  @Test
  void nothingPinnedToAZoneIsUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-HA-02-zoneless.json"))).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
  }

  @Test
  void aZoneRedundantVolumeSpreadMakesEveryZoneSurvivable() throws Exception {
    Path input = variant(resources -> {
      ObjectNode volume = named(resources, "anf-connect/pool-connect/vol-connect-data");
      volume.putArray("zones").add("1").add("2");
    });
    assertThat(outcomes(rule, input)).isEqualTo(Map.of(Status.PASS, Set.of("zone-1", "zone-2", "zone-3")));
  }

  @Test
  void aDatabaseWithoutZoneRedundancyIsLostWithItsZone() throws Exception {
    Path sameZone = variant(resources -> {
      ((ObjectNode) named(resources, "psql-connect").path("properties").path("highAvailability")).put("mode", "SameZone");
      named(resources, "anf-connect/pool-connect/vol-connect-data").putArray("zones").add("1").add("2");
    });
    List<Finding> findings = findings(rule, sameZone);
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("zone-1"), Status.PASS, Set.of("zone-2", "zone-3")));
    assertThat(findings.get(0).message()).contains("takes down the database (PostgreSQL server psql-connect, in zone 1 only)");

    Path unstated = variant(resources -> {
      ((ObjectNode) named(resources, "psql-connect").path("properties")).remove("highAvailability");
      named(resources, "anf-connect/pool-connect/vol-connect-data").putArray("zones").add("1").add("2");
    });
    assertThat(outcomes(rule, unstated)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("zone-1"), Status.PASS, Set.of("zone-2", "zone-3")));
  }

  @Test
  void noTierAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  private static ObjectNode named(ArrayNode resources, String name) {
    for (JsonNode resource : resources) {
      if (resource.path("name").asText().equals(name)) {
        return (ObjectNode) resource;
      }
    }
    throw new AssertionError("no " + name + " in the example");
  }

  private Path variant(Consumer<ArrayNode> change) throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(example("compliant.json").toFile());
    change.accept((ArrayNode) snapshot.get("resources"));
    Path file = temp.resolve("variant.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
    return file;
  }
}
