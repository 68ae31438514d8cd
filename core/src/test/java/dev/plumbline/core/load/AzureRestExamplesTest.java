package dev.plumbline.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.model.BackendMember;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.NetworkSecurityGroup;
import dev.plumbline.core.model.network.SecurityRule;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.storage.NetAppVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads the 200 response of every Microsoft REST example under {@code fixtures/azure-rest-examples}:
 * each loads (or, for the few bodies that are not complete ARM resources, is rejected with its
 * position), and every reference the model reads either resolves or is recorded as a gap.
 */
class AzureRestExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of(System.getProperty("plumbline.shared"), "fixtures", "azure-rest-examples");
  private static final String RESOURCE_GRAPH = "Microsoft.ResourceGraph";

  /**
   * Response bodies the loader refuses, with why: a VM's instance view (GET .../instanceView) has no
   * id or type, so it is not a resource at all. Examples that only leave out the {@code type}
   * (SubnetGet) load, the type taken from their well-formed id.
   */
  private static final Map<String, String> REJECTED = Map.of(
      "VirtualMachine_Get_InstanceView.json", TopologyLoader.EXPECTED_SHAPES + "; found an object with keys"
          + " platformUpdateDomain, platformFaultDomain, computerName, osName, osVersion, vmAgent, ...");

  /** What each Resource Graph example must give: the rows it loads, and the skip token of the pages it did not read. */
  private static final Map<String, Optional<String>> RESOURCE_GRAPH_UNREAD_PAGES = Map.of(
      "ResourcesBasicQuery.json", Optional.empty(),
      "ResourcesFilterQuery.json", Optional.empty(),
      "ResourcesFirstPageQuery.json", Optional.of("eyAibm8iOiAibHVjayIsICJidXQiOiAibmljZSIsICJ0cnkiOiAiISIgfQ=="),
      "ResourcesNextPageQuery.json", Optional.of("eyAibm8yIjogImx1Y2syIiwgImJ1dDIiOiAibmljZTIiLCAidHJ5MiI6ICIhIiB9"));

  @TempDir Path temp;

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
      assertThat(found).as("examples under %s", EXAMPLES).hasSizeGreaterThan(30);
      return found.stream();
    }
  }

  static Stream<Path> resourceExamples() throws IOException {
    return examples().filter(p -> !isResourceGraph(p) && !REJECTED.containsKey(p.getFileName().toString()));
  }

  static Stream<Path> resourceGraphExamples() throws IOException {
    return examples().filter(AzureRestExamplesTest::isResourceGraph);
  }

  static Stream<Path> rejectedExamples() throws IOException {
    return examples().filter(p -> REJECTED.containsKey(p.getFileName().toString()));
  }

  static Stream<Path> loadableExamples() throws IOException {
    return examples().filter(p -> !REJECTED.containsKey(p.getFileName().toString()));
  }

  // ---------------------------------------------------------------- every example

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceExamples")
  void armResponseLoadsOneTopLevelResourcePerDistinctBody(Path example) throws Exception {
    JsonNode body = body(example);
    List<JsonNode> bodies = body.has("value") ? list(body.get("value")) : List.of(body);
    Path file = write(body);

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.inputs()).singleElement().satisfies(input -> {
      assertThat(input.resources()).isEqualTo(bodies.size());
      assertThat(input.shape()).isEqualTo(body.has("value") ? "arm-list" : "arm-resource");
    });
    // Two list items with the same id (VirtualMachine_ListBySubscription_ByLocation) are one resource.
    assertThat(topology.topLevelResources()).extracting(r -> r.id().key())
        .containsExactlyElementsOf(distinctIds(bodies));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadableExamples")
  void everyReferenceTheModelReadsResolvesOrBecomesAGap(Path example) throws Exception {
    Topology topology = new TopologyLoader().load(write(body(example)));

    for (Relation relation : Relation.values()) {
      if (relation == Relation.PARENT) {
        continue;
      }
      for (Resource resource : topology.ofType(relation.from())) {
        for (String reference : textsAt(resource.raw(), relation.path())) {
          Optional<Resource> target = topology.find(reference);
          if (target.isPresent()) {
            assertThat(topology.related(resource, relation)).as("%s %s", resource.id(), relation).contains(target.get());
          } else if (relation.to() != null) {
            assertThat(topology.gaps()).as("gap for %s %s -> %s", resource.id(), relation, reference)
                .anySatisfy(gap -> {
                  assertThat(gap.kind()).isEqualTo(Gap.Kind.DANGLING_REFERENCE);
                  assertThat(gap.subject()).isEqualTo(resource.id().toString());
                  assertThat(gap.target()).isEqualTo(reference);
                });
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadableExamples")
  void everyChildIsLinkedToItsParentWhenTheParentIsPresent(Path example) throws Exception {
    Topology topology = new TopologyLoader().load(write(body(example)));

    for (Resource resource : topology.resources()) {
      Optional<Resource> holder = resource.embeddedIn()
          .or(() -> resource.id().parent().flatMap(topology::find));
      assertThat(topology.parent(resource)).as("parent of %s", resource.id()).isEqualTo(holder);
      if (holder.isEmpty() && resource.id().parent().isPresent()
          && (resource.is(ResourceType.SUBNET) || resource.is(ResourceType.NETAPP_CAPACITY_POOL)
              || resource.is(ResourceType.NETAPP_VOLUME))) {
        assertThat(topology.gaps()).as("gap for the missing parent of %s", resource.id())
            .anySatisfy(gap -> assertThat(gap).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target)
                .containsExactly(Gap.Kind.DANGLING_REFERENCE, resource.id().toString(), "id",
                    resource.id().parent().orElseThrow().toString()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadableExamples")
  void everyResourceIsTracedToItsPlaceInTheFile(Path example) throws Exception {
    Path file = write(body(example));

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.resources()).allSatisfy(resource -> {
      assertThat(resource.provenance().source()).isEqualTo(file.toString());
      assertThat(resource.provenance().hasPosition()).isTrue();
      // Read back through the same mapper, so 281.474 compares equal however each reader stored it.
      assertThat(JSON.readTree(file.toFile()).at(resource.provenance().pointer()))
          .as("the object at %s", resource.provenance().pointer())
          .isEqualTo(JSON.readTree(JSON.writeValueAsString(resource.raw())));
    });
  }

  @Test
  void everyRejectedExampleIsStillThere() throws IOException {
    assertThat(rejectedExamples().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(REJECTED.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedExamples")
  void exampleThatIsNotACompleteArmResourceIsRejectedAtThatResource(Path example) throws Exception {
    JsonNode body = body(example);
    Path file = write(body);
    String text = Files.readString(file);
    // The offending object: the body itself, or the first item of its list.
    int offset = body.has("value") ? text.indexOf('{', text.indexOf("\"value\"")) : text.indexOf('{');
    int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    int column = offset - text.lastIndexOf('\n', offset - 1);

    assertThatThrownBy(() -> new TopologyLoader().load(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":" + line + ":" + column + ": " + REJECTED.get(example.getFileName().toString()));
  }

  // ---------------------------------------------------------------- Resource Graph

  @Test
  void everyResourceGraphExampleHasADecidedOutcome() throws IOException {
    assertThat(resourceGraphExamples().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(RESOURCE_GRAPH_UNREAD_PAGES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceGraphExamples")
  void resourceGraphExampleLoadsEveryRowAndRecordsPagesItDidNotRead(Path example) throws Exception {
    JsonNode body = body(example);
    Path file = write(body);
    Optional<String> skipToken = RESOURCE_GRAPH_UNREAD_PAGES.get(example.getFileName().toString());

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.inputs()).singleElement().satisfies(input -> {
      assertThat(input.shape()).isEqualTo("resource-graph");
      assertThat(input.resources()).isEqualTo(body.get("data").size());
    });
    assertThat(topology.topLevelResources()).extracting(r -> r.id().key())
        .containsExactlyElementsOf(distinctIds(list(body.get("data"))));
    assertThat(topology.resources()).allSatisfy(resource ->
        assertThat(resource.type().name()).isEqualTo(resource.raw().get("type").asText()));
    if (skipToken.isEmpty()) {
      assertThat(topology.gaps()).isEmpty();
    } else {
      assertThat(topology.gaps()).singleElement().satisfies(gap -> {
        assertThat(gap).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target)
            .containsExactly(Gap.Kind.UNREAD, file.toString(), "/data", skipToken.get());
        assertThat(gap.reason()).contains("3 of 386 records");
      });
    }
  }

  @Test
  void resourceGraphRowsWithLowerCasedTypesAreFoundByTheirArmType() throws Exception {
    Topology topology = new TopologyLoader().load(write(body(
        EXAMPLES.resolve(RESOURCE_GRAPH + "/2024-04-01/ResourcesBasicQuery.json"))));

    assertThat(topology.ofType(ResourceType.NETWORK_INTERFACE)).extracting(Resource::name).containsExactly("myNetworkInterface");
    assertThat(topology.ofType(ResourceType.VIRTUAL_NETWORK)).extracting(Resource::name).containsExactly("myVnet");
    assertThat(topology.ofType(ResourceType.PUBLIC_IP_ADDRESS)).extracting(Resource::name).containsExactly("myPublicIp");
    assertThat(topology.find("/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg1/providers/"
        + "microsoft.network/networkinterfaces/MYNETWORKINTERFACE")).isPresent();
  }

  @Test
  void resourceGraphRowOfANestedTypeIsLinkedToItsParentRow() throws Exception {
    Topology topology = new TopologyLoader().load(write(body(
        EXAMPLES.resolve(RESOURCE_GRAPH + "/2024-04-01/ResourcesFirstPageQuery.json"))));
    String account = "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/RG2/providers/"
        + "Microsoft.Automation/automationAccounts/TestAA";

    Resource runbook = topology.find(account + "/runbooks/TestRB").orElseThrow();
    assertThat(topology.parent(runbook).map(r -> r.id().toString())).contains(account);
  }

  // ---------------------------------------------------------------- specific facts

  @Test
  void applicationGatewayChildrenAreAddressableByTheirOwnIdsWithTheirTypes() throws Exception {
    Topology topology = load("Microsoft.Network/2025-01-01/ApplicationGatewayGet.json");
    String gateway = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/applicationGateways/appgw";

    assertThat(List.of(
        "/backendAddressPools/appgwpool", "/backendAddressPools/appgwpool1",
        "/backendHttpSettingsCollection/appgwbhs",
        "/httpListeners/appgwhl", "/httpListeners/appgwhttplistener",
        "/requestRoutingRules/appgwrule", "/requestRoutingRules/appgwPathBasedRule",
        "/frontendIPConfigurations/appgwfip", "/frontendPorts/appgwfp", "/frontendPorts/appgwfp80",
        "/gatewayIPConfigurations/appgwipc", "/sslCertificates/sslcert", "/urlPathMaps/pathMap1",
        "/urlPathMaps/pathMap1/pathRules/apiPaths"))
        .extracting(child -> topology.find(gateway + child).map(r -> r.type()))
        .containsExactly(
            Optional.of(ResourceType.BACKEND_ADDRESS_POOL), Optional.of(ResourceType.BACKEND_ADDRESS_POOL),
            Optional.of(ResourceType.BACKEND_HTTP_SETTINGS),
            Optional.of(ResourceType.HTTP_LISTENER), Optional.of(ResourceType.HTTP_LISTENER),
            Optional.of(ResourceType.REQUEST_ROUTING_RULE), Optional.of(ResourceType.REQUEST_ROUTING_RULE),
            Optional.of(ResourceType.FRONTEND_IP_CONFIGURATION), Optional.of(ResourceType.FRONTEND_PORT),
            Optional.of(ResourceType.FRONTEND_PORT),
            Optional.of(ResourceType.GATEWAY_IP_CONFIGURATION), Optional.of(ResourceType.SSL_CERTIFICATE),
            Optional.of(ResourceType.URL_PATH_MAP), Optional.of(ResourceType.PATH_RULE));
    assertThat(topology.find(gateway + "/probes/anything")).isEmpty();
  }

  @Test
  void applicationGatewayRoutesFollowBothTheBasicRuleAndThePathMap() throws Exception {
    Topology topology = load("Microsoft.Network/2025-01-01/ApplicationGatewayGet.json");
    ApplicationGateway gateway = ApplicationGateway.all(topology).get(0);

    assertThat(gateway.routes())
        .extracting(route -> route.rule().name(), route -> route.via().map(Resource::name),
            route -> route.backendPool().map(p -> p.name()), route -> route.httpSettings().map(s -> s.name()))
        .containsExactly(
            tuple("appgwrule", Optional.empty(), Optional.of("appgwpool"), Optional.of("appgwbhs")),
            tuple("appgwPathBasedRule", Optional.of("pathMap1"), Optional.of("appgwpool"), Optional.of("appgwbhs")),
            tuple("appgwPathBasedRule", Optional.of("apiPaths"), Optional.of("appgwpool"), Optional.of("appgwbhs")));
  }

  @Test
  void applicationGatewayPoolMembersListedAsBareAddressesAreKeptAndTheirTracesRecordedAsGaps() throws Exception {
    Topology topology = load("Microsoft.Network/2025-01-01/ApplicationGatewayGet.json");
    Resource pool = topology.find(
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/applicationGateways/appgw/backendAddressPools/appgwpool1")
        .orElseThrow();

    assertThat(topology.members(pool)).extracting(BackendMember::kind, BackendMember::value, BackendMember::isResolved)
        .containsExactly(
            tuple(BackendMember.Kind.IP_ADDRESS, "10.0.0.1", false),
            tuple(BackendMember.Kind.IP_ADDRESS, "10.0.0.2", false));
    assertThat(topology.gaps()).filteredOn(gap -> gap.kind() == Gap.Kind.UNRESOLVED_MEMBER)
        .extracting(Gap::subject, Gap::path, Gap::target)
        .containsExactly(
            tuple(pool.id().toString(), "properties.backendAddresses[0]", "10.0.0.1"),
            tuple(pool.id().toString(), "properties.backendAddresses[1]", "10.0.0.2"));
  }

  @Test
  void networkSecurityGroupHoldsItsCustomAndDefaultRulesAsChildren() throws Exception {
    Topology topology = load("Microsoft.Network/2025-01-01/NetworkSecurityGroupGet.json");
    Resource nsg = topology.find("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/testnsg")
        .orElseThrow();

    assertThat(topology.children(nsg, ResourceType.SECURITY_RULE)).extracting(Resource::name).containsExactly("rule1");
    assertThat(topology.children(nsg, ResourceType.DEFAULT_SECURITY_RULE)).extracting(Resource::name).containsExactly(
        "AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound",
        "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound");
    assertThat(topology.find(nsg.id().child("securityRules", "rule1")).map(Resource::type)).contains(ResourceType.SECURITY_RULE);
    assertThat(new NetworkSecurityGroup(nsg, topology).rulesInEvaluationOrder()).extracting(SecurityRule::name)
        .startsWith("rule1");
  }

  @Test
  void subnetEmbeddedInItsVirtualNetworkHasTheVirtualNetworkAsParent() throws Exception {
    Topology topology = load("Microsoft.Network/2025-01-01/VirtualNetworkGet.json");
    String vnet = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet";

    Subnet subnet = Subnet.all(topology).get(0);
    assertThat(subnet.id().toString()).isEqualTo(vnet + "/subnets/subnet1");
    assertThat(subnet.virtualNetwork().map(v -> v.id().toString())).contains(vnet);
    assertThat(subnet.addressPrefixes()).containsExactly("10.0.1.0/24");
    assertThat(topology.gaps()).isEmpty();
  }

  @Test
  void subnetReadByItselfRecordsItsMissingVirtualNetwork() throws Exception {
    String vnet = "/subscriptions/subid/resourceGroups/subnet-test/providers/Microsoft.Network/virtualNetworks/vnetname";

    Topology topology = new TopologyLoader().load(write(subnetGetWithType()));

    Resource subnet = topology.find(vnet + "/subnets/subnet1").orElseThrow();
    assertThat(topology.parent(subnet)).isEmpty();
    assertThat(topology.gaps()).extracting(Gap::kind, Gap::subject, Gap::path, Gap::target)
        .containsExactly(tuple(Gap.Kind.DANGLING_REFERENCE, subnet.id().toString(), "id", vnet));
  }

  @Test
  void subnetReadByItselfIsLinkedToItsVirtualNetworkWhenBothAreLoaded() throws Exception {
    JsonNode subnetBody = subnetGetWithType();
    String vnetId = "/subscriptions/subid/resourceGroups/subnet-test/providers/Microsoft.Network/virtualNetworks/vnetname";
    Path vnet = temp.resolve("vnet.json");
    Files.writeString(vnet, "{\"id\": \"" + vnetId + "\", \"name\": \"vnetname\", \"type\": \"Microsoft.Network/virtualNetworks\","
        + " \"properties\": {\"subnets\": [" + subnetBody + "]}}");

    Topology topology = new TopologyLoader().load(List.of(write(subnetBody), vnet));

    Resource subnet = topology.find(vnetId + "/subnets/subnet1").orElseThrow();
    assertThat(subnet.embeddedIn()).as("the subnet read by itself keeps that reading").isEmpty();
    assertThat(topology.parent(subnet).map(r -> r.id().toString())).contains(vnetId);
    assertThat(new Subnet(subnet, topology).addressPrefixes()).containsExactly("10.0.0.0/16");
    assertThat(topology.gaps()).isEmpty();
  }

  @Test
  void netAppVolumePoolAndAccountExamplesLinkUpWhenLoadedTogether() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String name : List.of("Accounts_Get.json", "Pools_Get.json", "Volumes_Get.json")) {
      files.add(write(body(EXAMPLES.resolve("Microsoft.NetApp/2024-09-01/" + name))));
    }

    Topology topology = new TopologyLoader().load(files);

    NetAppVolume volume = NetAppVolume.all(topology).get(0);
    assertThat(volume.capacityPool().map(p -> p.name())).contains("pool1");
    assertThat(volume.capacityPool().flatMap(p -> p.account()).map(a -> a.name())).contains("account1");
    assertThat(topology.gaps()).extracting(Gap::kind, Gap::path, Gap::target)
        .containsExactly(tuple(Gap.Kind.DANGLING_REFERENCE, "properties.subnetId",
            "/subscriptions/9760acf5-4638-11e7-9bdb-020073ca7778/resourceGroups/myRP/providers/Microsoft.Network/virtualNetworks/testvnet3/subnets/testsubnet3"));
  }

  @Test
  void listWithANextLinkRecordsTheUnreadPage() throws Exception {
    Path file = write(body(EXAMPLES.resolve("Microsoft.DBforPostgreSQL/2024-08-01/ServerListByResourceGroup.json")));

    Topology topology = new TopologyLoader().load(file);

    assertThat(topology.gaps()).filteredOn(gap -> gap.kind() == Gap.Kind.UNREAD)
        .extracting(Gap::subject, Gap::path, Gap::target)
        .containsExactly(tuple(file.toString(), "/nextLink",
            "https://management.azure.com/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/exampleresourcegroup/"
                + "providers/Microsoft.DBforPostgreSQL/flexibleServers?api-version=2024-08-01&$top=3&$skiptoken=skiptoken"));
  }

  // ---------------------------------------------------------------- helpers

  /** SubnetGet's body with the {@code type} a real ARM GET returns and the example leaves out. */
  private static JsonNode subnetGetWithType() throws IOException {
    ObjectNode body = (ObjectNode) body(EXAMPLES.resolve("Microsoft.Network/2025-01-01/SubnetGet.json"));
    assertThat(body.has("type")).isFalse();
    return body.put("type", "Microsoft.Network/virtualNetworks/subnets");
  }

  private static boolean isResourceGraph(Path example) {
    return EXAMPLES.relativize(example).getName(0).toString().equals(RESOURCE_GRAPH);
  }

  private Topology load(String example) throws IOException, InputException {
    return new TopologyLoader().load(write(body(EXAMPLES.resolve(example))));
  }

  private static JsonNode body(Path example) throws IOException {
    JsonNode body = JSON.readTree(example.toFile()).at("/responses/200/body");
    assertThat(body.isObject()).as("%s has a 200 body", example).isTrue();
    return body;
  }

  private Path write(JsonNode body) throws IOException {
    Path file = Files.createTempFile(temp, "body", ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), body);
    return file;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static List<String> distinctIds(List<JsonNode> bodies) {
    Set<String> ids = new LinkedHashSet<>();
    bodies.forEach(b -> ids.add(ResourceId.parse(b.get("id").asText()).key()));
    return List.copyOf(ids);
  }

  /** Every non-blank text at a relation's dotted path, {@code [*]} standing for every array element. */
  static List<String> textsAt(JsonNode root, String path) {
    List<JsonNode> nodes = List.of(root);
    for (String step : path.split("\\.")) {
      boolean each = step.endsWith("[*]");
      String field = each ? step.substring(0, step.length() - 3) : step;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : nodes) {
        JsonNode value = node.path(field);
        if (each) {
          value.forEach(next::add);
        } else {
          next.add(value);
        }
      }
      nodes = next;
    }
    return nodes.stream().filter(n -> n.isTextual() && !n.asText().isBlank()).map(JsonNode::asText).toList();
  }
}
