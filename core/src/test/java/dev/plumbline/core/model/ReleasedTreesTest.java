package dev.plumbline.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.plumbline.core.load.TopologyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An array of resources is read into the model one resource at a time, and each resource then drops
 * its JSON tree and reads it again from the file's bytes when asked: what the rules see must be
 * exactly what the file says, for top-level and embedded resources alike.
 */
class ReleasedTreesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ArrayNode resources;

  @TempDir
  Path directory;

  @BeforeAll
  static void readExample() throws Exception {
    Path compliant = Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json");
    resources = (ArrayNode) JSON.readTree(compliant.toFile()).get("resources");
  }

  @Test
  void aResourceReadFromAnArrayHoldsNoTreeButReadsTheSameJsonAgain() throws Exception {
    Path file = directory.resolve("resources.json");
    Files.writeString(file, resources.toPrettyString(), StandardCharsets.UTF_8);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).hasSize(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      Resource resource = topology.topLevelResources().get(i);
      assertThat(resource.holdsTree()).as("%s holds its tree", resource).isFalse();
      assertThat(asRead(resource)).as("%s read again", resource).isEqualTo(resources.get(i));
      assertThat(resource.provenance().pointer()).isEqualTo("/" + i);
    }
  }

  @Test
  void embeddedPartsReadTheirJsonThroughTheirHolder() throws Exception {
    Path file = directory.resolve("resources.json");
    Files.writeString(file, resources.toString(), StandardCharsets.UTF_8);

    Topology topology = new TopologyLoader().load(file);

    List<Resource> parts = topology.resources().stream().filter(r -> r.embeddedIn().isPresent()).toList();
    assertThat(parts).isNotEmpty();
    for (Resource part : parts) {
      Resource top = part;
      while (top.embeddedIn().isPresent()) {
        top = top.embeddedIn().get();
      }
      String inTop = part.provenance().pointer().substring(top.provenance().pointer().length());
      JsonNode original = resources.get(Integer.parseInt(top.provenance().pointer().substring(1))).at(inTop);
      assertThat(part.holdsTree()).as("%s holds its tree", part).isFalse();
      assertThat(asRead(part)).as("%s read again", part).isEqualTo(original);
    }
    // Relations were read before the trees were dropped.
    Resource gatewayPool = topology.ofType(ResourceType.BACKEND_ADDRESS_POOL).get(0);
    assertThat(topology.members(gatewayPool)).isNotEmpty();
  }

  @Test
  void aResourceGraphResultIsStreamedWhenItSaysWhatItIsBeforeItsData() throws Exception {
    Path file = directory.resolve("graph.json");
    com.fasterxml.jackson.databind.node.ObjectNode result = JSON.createObjectNode();
    result.put("totalRecords", resources.size() + 5).put("count", resources.size()).set("data", resources);
    Files.writeString(file, result.toString(), StandardCharsets.UTF_8);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).hasSize(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      Resource resource = topology.topLevelResources().get(i);
      assertThat(resource.holdsTree()).as("%s holds its tree", resource).isFalse();
      assertThat(asRead(resource)).isEqualTo(resources.get(i));
      assertThat(resource.provenance().pointer()).isEqualTo("/data/" + i);
    }
    assertThat(topology.inputs().get(0).resources()).isEqualTo(resources.size());
    assertThat(topology.gaps()).extracting(Gap::reason)
        .containsExactly("the Resource Graph result holds " + resources.size() + " of " + (resources.size() + 5)
            + " records; the later pages were not read");
  }

  @Test
  void aResultThatNamesItsKindAfterItsDataIsReadWhole() throws Exception {
    Path file = directory.resolve("graph.json");
    com.fasterxml.jackson.databind.node.ObjectNode result = JSON.createObjectNode();
    result.set("data", resources);
    result.put("count", resources.size());
    Files.writeString(file, result.toString(), StandardCharsets.UTF_8);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).hasSize(resources.size())
        .allSatisfy(resource -> assertThat(resource.holdsTree()).isTrue());
    assertThat(topology.gaps()).isEmpty();
  }

  @Test
  void aSecondValueAfterTheArrayIsReadAsASequenceWithNothingReadTwice() throws Exception {
    Path file = directory.resolve("sequence.json");
    ArrayNode first = JSON.createArrayNode();
    first.add(resources.get(0));
    first.add(resources.get(1));
    Files.writeString(file, first + "\n" + resources.get(2), StandardCharsets.UTF_8);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).extracting(r -> r.provenance().pointer()).containsExactly("/0/0", "/0/1", "/1");
    assertThat(topology.topLevelResources()).extracting(ReleasedTreesTest::asRead)
        .containsExactly(resources.get(0), resources.get(1), resources.get(2));
  }

  /** The resource's JSON as Jackson's own reader gives it (the loader keeps decimals exact, Jackson reads doubles). */
  private static JsonNode asRead(Resource resource) {
    try {
      return JSON.readTree(resource.raw().toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void resourcesBuiltInMemoryKeepTheirTrees() {
    JsonNode vnet = resources.get(0);
    Topology topology = new TopologyBuilder().add(vnet, Provenance.none(), pointer -> Provenance.none()).build();

    assertThat(topology.topLevelResources().get(0).holdsTree()).isTrue();
    assertThat(topology.topLevelResources().get(0).raw()).isSameAs(vnet);
  }
}
