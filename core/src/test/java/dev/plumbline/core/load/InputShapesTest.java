package dev.plumbline.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.NetworkInterface;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same resources in every input shape the loader reads give the same topology; paging and templates leave gaps. */
class InputShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEMPLATE_RG = "/subscriptions/" + TopologyLoader.TEMPLATE_SUBSCRIPTION
      + "/resourceGroups/" + TopologyLoader.TEMPLATE_RESOURCE_GROUP + "/providers/Microsoft.Network/";

  private static Path compliant;
  private static ArrayNode resources;
  private static Topology snapshot;

  @TempDir Path temp;

  @BeforeAll
  static void readCompliantSnapshot() throws Exception {
    compliant = Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json");
    resources = (ArrayNode) JSON.readTree(compliant.toFile()).get("resources");
    snapshot = new TopologyLoader().load(compliant);
    assertThat(snapshot.gaps()).isEmpty();
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("ARM resource array", "arm-array", (Function<ArrayNode, String>) InputShapesTest::armArray),
        Arguments.of("ARM list {value}", "arm-list", (Function<ArrayNode, String>) InputShapesTest::armList),
        Arguments.of("az graph query -o json", "resource-graph", (Function<ArrayNode, String>) InputShapesTest::azGraphQuery),
        Arguments.of("Resource Graph REST response", "resource-graph", (Function<ArrayNode, String>) InputShapesTest::graphRest),
        Arguments.of("Resource Graph table", "resource-graph", (Function<ArrayNode, String>) InputShapesTest::graphTable),
        Arguments.of("az ... show outputs concatenated", "arm-array", (Function<ArrayNode, String>) InputShapesTest::concatenated));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void everyShapeGivesTheSameResourcesAndRelationshipsAsTheSnapshot(String what, String shape, Function<ArrayNode, String> write)
      throws Exception {
    Path file = temp.resolve("input.json");
    Files.writeString(file, write.apply(resources));

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.inputs()).extracting(InputSource::shape, InputSource::resources)
        .containsExactly(tuple(shape, resources.size()));
    assertThat(ids(topology)).isEqualTo(ids(snapshot));
    assertThat(relationships(topology)).isEqualTo(relationships(snapshot));
    assertThat(members(topology)).isEqualTo(members(snapshot));
    assertThat(topology.gaps()).isEmpty();
  }

  @Test
  void theSnapshotItselfIsReadAsASnapshot() {
    assertThat(snapshot.inputs()).extracting(InputSource::location, InputSource::shape, InputSource::resources)
        .containsExactly(tuple(compliant.toString(), "snapshot", 16));
    assertThat(snapshot.capturedAt()).contains("2026-11-01T09:30:00Z");
    assertThat(snapshot.scopes()).extracting(scope -> scope.get("resourceGroup").asText()).containsExactly("rg-posit-connect");
  }

  @Test
  void resourceGraphTableRowsAreTracedToTheirRows() throws Exception {
    Path file = temp.resolve("table.json");
    Files.writeString(file, graphTable(resources));

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).extracting(r -> r.provenance().pointer())
        .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(resources.size()).map(i -> "/data/rows/" + i).toList());
  }

  // ---------------------------------------------------------------- pages that were not read

  @Test
  void resourceGraphPageWithASkipTokenGivesAnUnreadGap() throws Exception {
    ObjectNode page = JSON.createObjectNode().put("count", 2);
    page.set("data", twoLowerCased());
    page.put("skip_token", "ew0KICAiJGlkIjogIjEiLA0K").put("total_records", 16);
    Path file = write("page.json", page);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).hasSize(2);
    assertThat(topology.gaps()).singleElement().satisfies(gap -> {
      assertThat(gap).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target)
          .containsExactly(Gap.Kind.UNREAD, file.toString(), "/data", "ew0KICAiJGlkIjogIjEiLA0K");
      assertThat(gap.reason()).contains("2 of 16 records").contains("skip token");
    });
  }

  @Test
  void resourceGraphRestPageWithMoreRecordsThanRowsGivesAnUnreadGap() throws Exception {
    ObjectNode page = JSON.createObjectNode().put("totalRecords", 16).put("count", 2).put("resultTruncated", "false");
    page.set("data", twoLowerCased());
    Path file = write("page.json", page);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.gaps()).singleElement().satisfies(gap -> {
      assertThat(gap).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target)
          .containsExactly(Gap.Kind.UNREAD, file.toString(), "/data", "");
      assertThat(gap.reason()).contains("2 of 16 records");
    });
  }

  @Test
  void resourceGraphResultMarkedTruncatedGivesAnUnreadGap() throws Exception {
    ObjectNode page = JSON.createObjectNode().put("totalRecords", 2).put("count", 2).put("resultTruncated", "true");
    page.set("data", twoLowerCased());
    Path file = write("page.json", page);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.gaps()).extracting(Gap::kind, Gap::path).containsExactly(tuple(Gap.Kind.UNREAD, "/data"));
  }

  @Test
  void armListWithANextLinkGivesAnUnreadGap() throws Exception {
    String next = "https://management.azure.com/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resources?api-version=2021-04-01&$skiptoken=abc";
    ObjectNode list = JSON.createObjectNode();
    list.set("value", twoWithoutReferences());
    list.put("nextLink", next);
    Path file = write("list.json", list);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.topLevelResources()).hasSize(2);
    assertThat(topology.gaps()).singleElement().satisfies(gap -> {
      assertThat(gap).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target)
          .containsExactly(Gap.Kind.UNREAD, file.toString(), "/nextLink", next);
      assertThat(gap.provenance().pointer()).isEqualTo("/nextLink");
    });
  }

  @Test
  void armListWithANullNextLinkIsComplete() throws Exception {
    ObjectNode list = JSON.createObjectNode();
    list.set("value", JSON.createArrayNode().add(resources.get(3)));
    list.putNull("nextLink");

    Topology topology = new TopologyLoader().load(write("list.json", list));

    assertThat(topology.gaps()).isEmpty();
  }

  @Test
  void aResourceWithoutTypeTakesItFromItsWellFormedId() throws Exception {
    // Microsoft's SubnetGet example, and some hand-trimmed exports, leave the type out.
    ObjectNode subnet = JSON.createObjectNode();
    subnet.put("id", "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg/providers/"
        + "Microsoft.Network/virtualNetworks/vnet1/subnets/subnet1");
    subnet.put("name", "subnet1");

    Topology topology = new TopologyLoader().load(write("typeless.json", JSON.createArrayNode().add(subnet)));

    assertThat(topology.topLevelResources()).singleElement()
        .satisfies(resource -> assertThat(resource.type()).isEqualTo(dev.plumbline.core.model.ResourceType.SUBNET));
  }

  // ---------------------------------------------------------------- az group export

  @Test
  void groupExportTemplateLoadsWithItsIdsResolved() throws Exception {
    Topology topology = new TopologyLoader().load(template());

    assertThat(topology.inputs()).extracting(InputSource::shape, InputSource::resources)
        .containsExactly(tuple("arm-template", 3));
    assertThat(topology.topLevelResources()).extracting(r -> r.id().toString(), r -> r.type())
        .containsExactly(
            tuple(TEMPLATE_RG + "virtualNetworks/vnet-connect", ResourceType.VIRTUAL_NETWORK),
            tuple(TEMPLATE_RG + "virtualNetworks/vnet-connect/subnets/snet-connect", ResourceType.SUBNET),
            tuple(TEMPLATE_RG + "networkInterfaces/nic-connect-1", ResourceType.NETWORK_INTERFACE));
    assertThat(topology.find(TEMPLATE_RG + "networkInterfaces/nic-connect-1/ipConfigurations/ipconfig1")).isPresent();
  }

  @Test
  void groupExportTemplateResolvesTheNicsSubnetReference() throws Exception {
    Topology topology = new TopologyLoader().load(template());
    NetworkInterface nic = NetworkInterface.all(topology).get(0);

    IpConfiguration ipConfiguration = nic.ipConfigurations().get(0);
    assertThat(ipConfiguration.subnet().map(s -> s.id().toString()))
        .contains(TEMPLATE_RG + "virtualNetworks/vnet-connect/subnets/snet-connect");
    assertThat(ipConfiguration.subnet().flatMap(s -> s.virtualNetwork()).map(v -> v.id().toString()))
        .contains(TEMPLATE_RG + "virtualNetworks/vnet-connect");
    assertThat(topology.gaps()).noneMatch(gap -> gap.kind() == Gap.Kind.DANGLING_REFERENCE);
  }

  @Test
  void groupExportTemplateResolvesIdsInTheSubscriptionAndGroupTheLoaderIsGiven() throws Exception {
    Topology topology = new TopologyLoader("3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15", "rg-posit-connect").load(template());

    assertThat(topology.find("/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect/providers/"
        + "Microsoft.Network/networkInterfaces/nic-connect-1")).isPresent();
  }

  @Test
  void unresolvableTemplateExpressionBecomesAnUnresolvedExpressionGap() throws Exception {
    Path template = template();

    Topology topology = new TopologyLoader().load(template);

    assertThat(topology.gaps()).singleElement().satisfies(gap -> {
      assertThat(gap).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target).containsExactly(
          Gap.Kind.UNRESOLVED_EXPRESSION, TEMPLATE_RG + "networkInterfaces/nic-connect-1", "/resources/2/tags/vnetGuid",
          "[reference(resourceId('Microsoft.Network/virtualNetworks', parameters('virtualNetworks_vnet_connect_name')))"
              + ".resourceGuid]");
      assertThat(gap.provenance().source()).isEqualTo(template.toString());
      assertThat(gap.provenance().line()).isEqualTo(lineOf(template, "\"vnetGuid\""));
    });
  }

  // ---------------------------------------------------------------- several files

  @Test
  void severalFilesOfDifferentShapesMergeIntoOneTopology() throws Exception {
    Path network = temp.resolve("network.json");
    Path compute = temp.resolve("compute.json");
    Path data = temp.resolve("data.json");
    Files.writeString(network, armArray(slice(0, 7)));
    Files.writeString(compute, azGraphQuery(slice(7, 9)));
    Files.writeString(data, armList(slice(9, resources.size())));

    Topology merged = new TopologyLoader().load(List.of(network, compute, data));

    assertThat(merged.inputs()).extracting(InputSource::location, InputSource::shape, InputSource::resources, InputSource::sha256)
        .containsExactly(
            tuple(network.toString(), "arm-array", 7, sha256(network)),
            tuple(compute.toString(), "resource-graph", 2, sha256(compute)),
            tuple(data.toString(), "arm-list", 7, sha256(data)));
    assertThat(merged.inputs()).allSatisfy(input -> assertThat(input.sha256()).matches("[0-9a-f]{64}"));
    assertThat(ids(merged)).isEqualTo(ids(snapshot));
    assertThat(relationships(merged)).isEqualTo(relationships(snapshot));
    assertThat(members(merged)).isEqualTo(members(snapshot));
    assertThat(merged.gaps()).isEmpty();
  }

  @Test
  void resourcesOfEachFileAreTracedToThatFile() throws Exception {
    Path network = temp.resolve("network.json");
    Path rest = temp.resolve("rest.json");
    Files.writeString(network, armArray(slice(0, 7)));
    Files.writeString(rest, armArray(slice(7, resources.size())));

    Topology merged = new TopologyLoader().load(List.of(network, rest));

    assertThat(merged.find(resources.get(6).get("id").asText()).orElseThrow().provenance().source()).isEqualTo(network.toString());
    assertThat(merged.find(resources.get(7).get("id").asText()).orElseThrow().provenance())
        .extracting(p -> p.source(), p -> p.pointer()).containsExactly(rest.toString(), "/0");
  }

  // ---------------------------------------------------------------- the shapes, written here

  private static String armArray(ArrayNode items) {
    return pretty(items);
  }

  private static String armList(ArrayNode items) {
    ObjectNode list = JSON.createObjectNode();
    list.set("value", items.deepCopy());
    return pretty(list);
  }

  /** {@code az graph query -o json}: snake-case paging fields, and types lower-cased as Resource Graph gives them. */
  private static String azGraphQuery(ArrayNode items) {
    ObjectNode result = JSON.createObjectNode().put("count", items.size());
    result.set("data", lowerCaseTypes(items));
    result.putNull("skip_token");
    result.put("total_records", items.size());
    return pretty(result);
  }

  private static String graphRest(ArrayNode items) {
    ObjectNode result = JSON.createObjectNode().put("totalRecords", items.size()).put("count", items.size())
        .put("resultTruncated", "false");
    result.putArray("facets");
    result.set("data", lowerCaseTypes(items));
    return pretty(result);
  }

  /** The table format: one column per top-level field any row has, null where a row lacks it. */
  private static String graphTable(ArrayNode items) {
    Set<String> columns = new LinkedHashSet<>();
    items.forEach(item -> item.fieldNames().forEachRemaining(columns::add));
    ObjectNode table = JSON.createObjectNode();
    ArrayNode columnList = table.putArray("columns");
    for (String column : columns) {
      columnList.addObject().put("name", column).put("type", "object");
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : lowerCaseTypes(items)) {
      ArrayNode row = rows.addArray();
      columns.forEach(column -> row.add(item.has(column) ? item.get(column) : JSON.nullNode()));
    }
    ObjectNode result = JSON.createObjectNode();
    result.set("data", table);
    return pretty(result);
  }

  /** What a shell gives for {@code az network vnet show ...; az vm show ...}: one object after another. */
  private static String concatenated(ArrayNode items) {
    StringBuilder text = new StringBuilder();
    items.forEach(item -> text.append(pretty(item)).append('\n'));
    return text.toString();
  }

  private static ArrayNode lowerCaseTypes(ArrayNode items) {
    ArrayNode copy = items.deepCopy();
    copy.forEach(item -> ((ObjectNode) item).put("type", item.get("type").asText().toLowerCase(Locale.ROOT)));
    return copy;
  }

  private static ArrayNode twoLowerCased() {
    return lowerCaseTypes(twoWithoutReferences());
  }

  /** The public IP and the private DNS zone: two resources that reference nothing, so paging gaps stand alone. */
  private static ArrayNode twoWithoutReferences() {
    return JSON.createArrayNode().add(resources.get(3).deepCopy()).add(resources.get(9).deepCopy());
  }

  private static ArrayNode slice(int from, int to) {
    ArrayNode part = JSON.createArrayNode();
    for (int i = from; i < to; i++) {
      part.add(resources.get(i).deepCopy());
    }
    return part;
  }

  // ---------------------------------------------------------------- helpers

  private static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, JsonNode node) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, pretty(node));
    return file;
  }

  private static Path template() throws URISyntaxException {
    return Path.of(InputShapesTest.class.getResource("/inputs/shapes/group-export-vnet-nic.json").toURI());
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        found.add(i + 1);
      }
    }
    assertThat(found).as("lines of %s holding %s", file, text).hasSize(1);
    return found.get(0);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static List<String> ids(Topology topology) {
    return topology.resources().stream().map(r -> r.id().key()).sorted().toList();
  }

  /** For every resource, the sorted ids it reaches through each relation. */
  private static Map<String, Map<Relation, List<String>>> relationships(Topology topology) {
    Map<String, Map<Relation, List<String>>> all = new TreeMap<>();
    for (Resource resource : topology.resources()) {
      Map<Relation, List<String>> out = new TreeMap<>();
      for (Relation relation : Relation.values()) {
        List<String> targets = topology.related(resource, relation).stream().map(r -> r.id().key()).sorted().toList();
        if (!targets.isEmpty()) {
          out.put(relation, targets);
        }
      }
      all.put(resource.id().key(), out);
    }
    return all;
  }

  private static Map<String, List<String>> members(Topology topology) {
    Map<String, List<String>> all = new TreeMap<>();
    for (Resource pool : topology.ofType(ResourceType.BACKEND_ADDRESS_POOL)) {
      all.put(pool.id().key(), topology.members(pool).stream()
          .map(m -> m.kind() + " " + m.value() + " -> " + m.virtualMachine().map(r -> r.id().key()).orElse("?"))
          .toList());
    }
    return all;
  }
}
