package dev.plumbline.rules.positconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The same resources as an ARM array, a Resource Graph result and a snapshot give identical findings. */
class ShapeEquivalenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"compliant.json", "violations/postgres-15.json", "violations/single-node.json",
      "violations/no-cookie-affinity.json", "violations/postgres-storage-missing.json", "violations/anf-encryption-missing.json"})
  void everyShapeGivesTheSameFindings(String example) throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(RuleFixtures.example(example).toFile());
    ArrayNode resources = (ArrayNode) snapshot.get("resources");

    Path armArray = write("arm-array.json", resources);

    // Resource Graph lower-cases types (and its rows carry extra columns), as `az graph query -o json` prints them.
    ArrayNode rows = JSON.createArrayNode();
    for (JsonNode resource : resources) {
      ObjectNode row = resource.deepCopy();
      row.put("type", resource.path("type").asText().toLowerCase(Locale.ROOT));
      row.put("resourceGroup", "rg-posit-connect");
      row.put("subscriptionId", "3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15");
      rows.add(row);
    }
    ObjectNode graph = JSON.createObjectNode();
    graph.put("count", rows.size());
    graph.set("data", rows);
    graph.putNull("skip_token");
    graph.put("total_records", rows.size());
    Path resourceGraph = write("resource-graph.json", graph);

    // Node facts are not resources and only a snapshot can carry them; compare like with like.
    ObjectNode withoutFacts = snapshot.deepCopy();
    withoutFacts.putArray("nodes");
    List<String> fromSnapshot = findings(write("snapshot.json", withoutFacts));
    assertThat(fromSnapshot).isNotEmpty();
    assertThat(findings(armArray)).isEqualTo(fromSnapshot);
    assertThat(findings(resourceGraph)).isEqualTo(fromSnapshot);
  }

  private Path write(String name, JsonNode content) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content));
    return file;
  }

  /** Findings without their locations, which differ by file; everything else must be identical. */
  private static List<String> findings(Path input) throws Exception {
    return new AuditEngine().evaluate(new TopologyLoader().load(input), List.of(new PositConnectHaPack()), RuleParameters.defaults())
        .findings().stream()
        .map(ShapeEquivalenceTest::describe)
        .toList();
  }

  private static String describe(Finding finding) {
    return finding.ruleId() + " " + finding.status() + " " + finding.subject().id().toLowerCase(Locale.ROOT) + " "
        + finding.subject().type().toLowerCase(Locale.ROOT) + " | " + finding.message() + " | " + finding.evidence();
  }
}
