package dev.plumbline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.compute.VirtualMachine;
import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendHttpSettings;
import dev.plumbline.core.model.network.BackendPool;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.NetworkInterface;
import dev.plumbline.core.model.network.NetworkSecurityGroup;
import dev.plumbline.core.model.network.RequestRoutingRule;
import dev.plumbline.core.model.network.Route;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.storage.CapacityPool;
import dev.plumbline.core.model.storage.NetAppVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The relationships the model derives from the bundled compliant topology, and from variants of it built here. */
class TopologyRelationshipsTest {

  private static final String RG = "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect";
  private static final String NETWORK = RG + "/providers/Microsoft.Network/";
  private static final String VNET = NETWORK + "virtualNetworks/vnet-connect";
  private static final String SNET_AGW = VNET + "/subnets/snet-agw";
  private static final String SNET_CONNECT = VNET + "/subnets/snet-connect";
  private static final String SNET_POSTGRES = VNET + "/subnets/snet-postgres";
  private static final String SNET_ANF = VNET + "/subnets/snet-anf";
  private static final String NSG_AGW = NETWORK + "networkSecurityGroups/nsg-agw";
  private static final String NSG_CONNECT = NETWORK + "networkSecurityGroups/nsg-connect";
  private static final String AGW = NETWORK + "applicationGateways/agw-connect";
  private static final String POOL = AGW + "/backendAddressPools/pool-connect";
  private static final String NIC_1 = NETWORK + "networkInterfaces/nic-connect-1";
  private static final String NIC_2 = NETWORK + "networkInterfaces/nic-connect-2";
  private static final String VM_1 = RG + "/providers/Microsoft.Compute/virtualMachines/vm-connect-1";
  private static final String VM_2 = RG + "/providers/Microsoft.Compute/virtualMachines/vm-connect-2";
  private static final String DNS_ZONE = NETWORK + "privateDnsZones/privatelink.postgres.database.azure.com";
  private static final String PSQL = RG + "/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-connect";
  private static final String ANF = RG + "/providers/Microsoft.NetApp/netAppAccounts/anf-connect";
  private static final String ANF_POOL = ANF + "/capacityPools/pool-connect";
  private static final String VOLUME = ANF_POOL + "/volumes/vol-connect-data";
  private static final String SNAPSHOT_POLICY = ANF + "/snapshotPolicies/snap-daily";

  /** The index of each resource in compliant.json's resources array. */
  private static final int AGW_INDEX = 4;
  private static final int NIC_1_INDEX = 5;
  private static final int NIC_2_INDEX = 6;
  private static final int VM_1_INDEX = 7;
  private static final int PSQL_INDEX = 11;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path compliant;
  private static Topology topology;

  @TempDir Path temp;

  @BeforeAll
  static void load() throws InputException {
    compliant = Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json");
    topology = new TopologyLoader().load(compliant);
  }

  // ---------------------------------------------------------------- compliant.json as given

  @Test
  void compliantTopologyHasNoGaps() {
    assertThat(topology.gaps()).isEmpty();
  }

  @Test
  void compliantTopologyHoldsEveryTopLevelResourceOfTheFileInOrder() throws IOException {
    JsonNode resources = JSON.readTree(compliant.toFile()).get("resources");

    assertThat(topology.topLevelResources()).extracting(r -> r.id().toString())
        .containsExactlyElementsOf(ids(resources));
  }

  @ParameterizedTest(name = "{0} -> {1} -> {2} -> {3}")
  @CsvSource({
      "vm-connect-1, nic-connect-1, ipconfig1, snet-connect, 10.20.1.4",
      "vm-connect-2, nic-connect-2, ipconfig1, snet-connect, 10.20.1.5"})
  void vmReachesItsVirtualNetworkThroughNicIpConfigurationAndSubnet(
      String vmName, String nicName, String ipConfigurationName, String subnetName, String privateIp) {
    VirtualMachine vm = view(ResourceType.VIRTUAL_MACHINE, vmName, VirtualMachine::new);

    List<NetworkInterface> nics = vm.networkInterfaces();
    assertThat(nics).extracting(NetworkInterface::name).containsExactly(nicName);
    List<IpConfiguration> ipConfigurations = nics.get(0).ipConfigurations();
    assertThat(ipConfigurations).extracting(IpConfiguration::name).containsExactly(ipConfigurationName);
    IpConfiguration ipConfiguration = ipConfigurations.get(0);
    assertThat(ipConfiguration.privateIpAddress()).contains(privateIp);
    assertThat(ipConfiguration.networkInterface().map(NetworkInterface::name)).contains(nicName);
    Optional<Subnet> subnet = ipConfiguration.subnet();
    assertThat(subnet.map(s -> s.id().toString())).contains(VNET + "/subnets/" + subnetName);
    assertThat(subnet.flatMap(Subnet::virtualNetwork).map(v -> v.id().toString())).contains(VNET);
  }

  @Test
  void nicKnowsItsVirtualMachine() {
    NetworkInterface nic = view(ResourceType.NETWORK_INTERFACE, "nic-connect-2", NetworkInterface::new);

    assertThat(nic.virtualMachine().map(vm -> vm.id().toString())).contains(VM_2);
  }

  @Test
  void subnetListsTheIpConfigurationsPlacedInIt() {
    Subnet subnet = view(ResourceType.SUBNET, "snet-connect", Subnet::new);

    assertThat(subnet.ipConfigurations()).extracting(c -> c.id().toString())
        .containsExactlyInAnyOrder(NIC_1 + "/ipConfigurations/ipconfig1", NIC_2 + "/ipConfigurations/ipconfig1");
  }

  @Test
  void subnetsCarryTheirNetworkSecurityGroups() {
    assertThat(view(ResourceType.SUBNET, "snet-connect", Subnet::new).networkSecurityGroup().map(n -> n.id().toString()))
        .contains(NSG_CONNECT);
    assertThat(view(ResourceType.SUBNET, "snet-agw", Subnet::new).networkSecurityGroup().map(n -> n.id().toString()))
        .contains(NSG_AGW);
    assertThat(view(ResourceType.SUBNET, "snet-postgres", Subnet::new).networkSecurityGroup()).isEmpty();
  }

  @Test
  void networkSecurityGroupKnowsTheSubnetsItGuardsAndNoNics() {
    NetworkSecurityGroup nsg = view(ResourceType.NETWORK_SECURITY_GROUP, "nsg-connect", NetworkSecurityGroup::new);

    assertThat(nsg.subnets()).extracting(s -> s.id().toString()).containsExactly(SNET_CONNECT);
    assertThat(nsg.networkInterfaces()).isEmpty();
    assertThat(nsg.rulesInEvaluationOrder()).extracting(rule -> rule.priority().orElseThrow())
        .containsExactly(100L, 110L, 4000L, 65000L, 65000L, 65001L, 65001L, 65500L, 65500L);
  }

  @Test
  void virtualNetworkHoldsItsFourSubnets() {
    Resource vnet = topology.find(VNET).orElseThrow();

    assertThat(topology.children(vnet, ResourceType.SUBNET)).extracting(r -> r.id().toString())
        .containsExactly(SNET_AGW, SNET_CONNECT, SNET_POSTGRES, SNET_ANF);
  }

  @Test
  void httpsRoutingRuleSendsTrafficToTheListenerPoolAndSettingsWithThePingProbe() {
    ApplicationGateway gateway = ApplicationGateway.all(topology).get(0);
    RequestRoutingRule rule = gateway.routingRules().stream()
        .filter(r -> r.name().equals("rule-https")).findFirst().orElseThrow();

    assertThat(rule.listener().map(l -> l.id().toString())).contains(AGW + "/httpListeners/listener-https");
    assertThat(rule.listener().flatMap(l -> l.port())).contains(443L);
    assertThat(rule.listener().map(l -> l.isPublic())).contains(true);
    List<Route> routes = rule.routes();
    assertThat(routes).hasSize(1);
    Route route = routes.get(0);
    assertThat(route.backendPool().map(p -> p.id().toString())).contains(POOL);
    assertThat(route.httpSettings().map(s -> s.id().toString()))
        .contains(AGW + "/backendHttpSettingsCollection/settings-connect");
    Optional<Resource> probe = route.httpSettings().flatMap(BackendHttpSettings::probe);
    assertThat(probe.map(p -> p.id().toString())).contains(AGW + "/probes/probe-connect-ping");
    assertThat(probe.flatMap(p -> p.text("properties.path"))).contains("/__ping__");
  }

  @Test
  void redirectRuleReachesItsTargetListenerThroughTheRedirectConfiguration() {
    Resource rule = topology.find(AGW + "/requestRoutingRules/rule-http-redirect").orElseThrow();

    Optional<Resource> redirect = topology.relatedOne(rule, Relation.ROUTING_RULE_REDIRECT);
    assertThat(redirect.map(r -> r.id().toString())).contains(AGW + "/redirectConfigurations/redirect-http-to-https");
    assertThat(redirect.flatMap(r -> topology.relatedOne(r, Relation.REDIRECT_TARGET_LISTENER)).map(r -> r.id().toString()))
        .contains(AGW + "/httpListeners/listener-https");
    assertThat(topology.related(rule, Relation.ROUTING_RULE_BACKEND_POOL)).isEmpty();
  }

  @Test
  void gatewaySitsInItsSubnetBehindItsPublicIp() {
    Resource gatewayIpConfiguration = topology.find(AGW + "/gatewayIPConfigurations/appGatewayIpConfig").orElseThrow();
    Resource frontend = topology.find(AGW + "/frontendIPConfigurations/appGwPublicFrontendIp").orElseThrow();

    assertThat(topology.relatedOne(gatewayIpConfiguration, Relation.GATEWAY_IP_CONFIGURATION_SUBNET).map(r -> r.id().toString()))
        .contains(SNET_AGW);
    assertThat(topology.relatedOne(frontend, Relation.FRONTEND_PUBLIC_IP).map(r -> r.id().toString()))
        .contains(NETWORK + "publicIPAddresses/pip-agw");
  }

  @Test
  void poolMembersResolveToBothVmsThroughTheirNicIpConfigurations() {
    BackendPool pool = new BackendPool(topology.find(POOL).orElseThrow(), topology);

    assertThat(pool.members())
        .extracting(BackendMember::kind, BackendMember::value, m -> m.virtualMachine().map(r -> r.id().toString()),
            m -> m.ipConfiguration().map(r -> r.id().toString()), BackendMember::resolvedBy)
        .containsExactly(
            tuple(BackendMember.Kind.IP_CONFIGURATION, NIC_1 + "/ipConfigurations/ipconfig1", Optional.of(VM_1),
                Optional.of(NIC_1 + "/ipConfigurations/ipconfig1"), "NIC IP configuration"),
            tuple(BackendMember.Kind.IP_CONFIGURATION, NIC_2 + "/ipConfigurations/ipconfig1", Optional.of(VM_2),
                Optional.of(NIC_2 + "/ipConfigurations/ipconfig1"), "NIC IP configuration"));
    assertThat(pool.members()).allMatch(BackendMember::isResolved);
  }

  @Test
  void postgresSitsInItsDelegatedSubnetWithItsPrivateDnsZone() {
    PostgresFlexibleServer server = PostgresFlexibleServer.all(topology).get(0);

    Optional<Subnet> subnet = server.delegatedSubnet();
    assertThat(subnet.map(s -> s.id().toString())).contains(SNET_POSTGRES);
    assertThat(subnet.map(s -> s.delegations())).contains(List.of("Microsoft.DBforPostgreSQL/flexibleServers"));
    assertThat(subnet.map(s -> s.isDelegatedTo("microsoft.dbforpostgresql/flexibleservers"))).contains(true);
    assertThat(server.relatedOne(Relation.POSTGRES_PRIVATE_DNS_ZONE).map(r -> r.id().toString())).contains(DNS_ZONE);
    assertThat(server.privateEndpoints()).isEmpty();
  }

  @Test
  void privateDnsZoneLinkReachesTheVirtualNetwork() {
    Resource link = topology.find(DNS_ZONE + "/virtualNetworkLinks/link-vnet-connect").orElseThrow();

    assertThat(topology.relatedOne(link, Relation.DNS_ZONE_LINK_NETWORK).map(r -> r.id().toString())).contains(VNET);
    assertThat(topology.parent(link).map(r -> r.id().toString())).contains(DNS_ZONE);
  }

  @Test
  void netAppVolumeSitsInItsPoolInItsAccountAndInTheAnfSubnet() {
    NetAppVolume volume = NetAppVolume.all(topology).get(0);

    assertThat(volume.id().toString()).isEqualTo(VOLUME);
    Optional<CapacityPool> pool = volume.capacityPool();
    assertThat(pool.map(p -> p.id().toString())).contains(ANF_POOL);
    assertThat(pool.flatMap(CapacityPool::account).map(a -> a.id().toString())).contains(ANF);
    assertThat(volume.subnet().map(s -> s.id().toString())).contains(SNET_ANF);
    assertThat(volume.subnet().map(s -> s.isDelegatedTo("Microsoft.NetApp/volumes"))).contains(true);
    assertThat(volume.relatedOne(Relation.VOLUME_SNAPSHOT_POLICY).map(r -> r.id().toString())).contains(SNAPSHOT_POLICY);
  }

  @Test
  void netAppAccountListsItsPoolsAndPoolsTheirVolumes() {
    Resource account = topology.find(ANF).orElseThrow();
    Resource pool = topology.find(ANF_POOL).orElseThrow();

    assertThat(topology.children(account)).extracting(r -> r.id().toString())
        .containsExactlyInAnyOrder(ANF_POOL, SNAPSHOT_POLICY);
    assertThat(topology.children(pool, ResourceType.NETAPP_VOLUME)).extracting(r -> r.id().toString()).containsExactly(VOLUME);
  }

  @Test
  void everyTopLevelResourceIsTracedToItsFilePointerLineAndColumn() throws IOException {
    Map<String, int[]> positions = objectPositions(Files.readString(compliant));
    List<Resource> topLevel = topology.topLevelResources();

    for (int i = 0; i < topLevel.size(); i++) {
      Provenance provenance = topLevel.get(i).provenance();
      int[] expected = positions.get("/resources/" + i);
      assertThat(provenance).as("provenance of %s", topLevel.get(i).id())
          .isEqualTo(new Provenance(compliant.toString(), "/resources/" + i, expected[0], expected[1]));
    }
  }

  @Test
  void embeddedChildrenAreTracedToTheirOwnPointerLineAndColumn() throws IOException {
    Map<String, int[]> positions = objectPositions(Files.readString(compliant));
    List<Resource> embedded = topology.resources().stream().filter(r -> r.embeddedIn().isPresent()).toList();

    assertThat(embedded).hasSizeGreaterThan(30);
    for (Resource child : embedded) {
      Provenance provenance = child.provenance();
      int[] expected = positions.get(provenance.pointer());
      assertThat(expected).as("%s is at %s, which is an object in the file", child.id(), provenance.pointer()).isNotNull();
      assertThat(provenance).as("provenance of %s", child.id())
          .isEqualTo(new Provenance(compliant.toString(), provenance.pointer(), expected[0], expected[1]));
      assertThat(provenance.pointer()).startsWith(child.embeddedIn().orElseThrow().provenance().pointer() + "/properties/");
    }
  }

  @Test
  void backendPoolIsTracedToItsPlaceInsideTheGateway() throws IOException {
    Map<String, int[]> positions = objectPositions(Files.readString(compliant));
    String pointer = "/resources/" + AGW_INDEX + "/properties/backendAddressPools/0";

    assertThat(topology.find(POOL).orElseThrow().provenance())
        .isEqualTo(new Provenance(compliant.toString(), pointer, positions.get(pointer)[0], positions.get(pointer)[1]));
    assertThat(topology.find(SNET_ANF).orElseThrow().provenance().pointer()).isEqualTo("/resources/0/properties/subnets/3");
  }

  // ---------------------------------------------------------------- variants of compliant.json

  @Test
  void poolListingAPrivateIpResolvesToTheVmWhoseNicHasIt() throws Exception {
    Topology variant = loadVariant(snapshot -> {
      poolOf(snapshot).set("backendIPConfigurations", JSON.createArrayNode());
      poolOf(snapshot).set("backendAddresses", JSON.createArrayNode().add(JSON.createObjectNode().put("ipAddress", "10.20.1.4")));
      forgetPoolOnNics(snapshot);
    });

    assertThat(variant.members(variant.find(POOL).orElseThrow()))
        .extracting(BackendMember::kind, BackendMember::value, m -> m.virtualMachine().map(r -> r.id().toString()),
            m -> m.ipConfiguration().map(r -> r.id().toString()), BackendMember::resolvedBy)
        .containsExactly(tuple(BackendMember.Kind.IP_ADDRESS, "10.20.1.4", Optional.of(VM_1),
            Optional.of(NIC_1 + "/ipConfigurations/ipconfig1"), "private IP 10.20.1.4"));
    assertThat(variant.gaps()).isEmpty();
  }

  @Test
  void poolListingAnFqdnResolvesByTheVmsHostName() throws Exception {
    Topology variant = loadVariant(snapshot -> {
      poolOf(snapshot).set("backendIPConfigurations", JSON.createArrayNode());
      poolOf(snapshot).set("backendAddresses",
          JSON.createArrayNode().add(JSON.createObjectNode().put("fqdn", "connect-2.internal.example")));
      forgetPoolOnNics(snapshot);
    });

    assertThat(variant.members(variant.find(POOL).orElseThrow()))
        .extracting(BackendMember::kind, BackendMember::value, m -> m.virtualMachine().map(r -> r.id().toString()),
            m -> m.ipConfiguration().map(r -> r.id().toString()), BackendMember::resolvedBy)
        .containsExactly(tuple(BackendMember.Kind.FQDN, "connect-2.internal.example", Optional.of(VM_2),
            Optional.of(NIC_2 + "/ipConfigurations/ipconfig1"), "host name connect-2 matches the VM's name or computer name"));
    assertThat(variant.gaps()).isEmpty();
  }

  @Test
  void poolListingAnUnknownIpGivesAnUnresolvedMemberGap() throws Exception {
    Topology variant = loadVariant(snapshot -> {
      poolOf(snapshot).set("backendIPConfigurations", JSON.createArrayNode());
      poolOf(snapshot).set("backendAddresses", JSON.createArrayNode().add(JSON.createObjectNode().put("ipAddress", "10.20.9.9")));
      forgetPoolOnNics(snapshot);
    });
    Resource pool = variant.find(POOL).orElseThrow();

    assertThat(variant.members(pool)).singleElement().satisfies(member -> {
      assertThat(member.kind()).isEqualTo(BackendMember.Kind.IP_ADDRESS);
      assertThat(member.isResolved()).isFalse();
      assertThat(member.ipConfiguration()).isEmpty();
    });
    assertThat(variant.gaps())
        .extracting(Gap::kind, Gap::subject, Gap::path, Gap::target, Gap::provenance)
        .containsExactly(tuple(Gap.Kind.UNRESOLVED_MEMBER, POOL, "properties.backendAddresses[0]", "10.20.9.9",
            pool.provenance()));
  }

  @Test
  void networkSecurityGroupOnTheNicIsFoundThroughTheNic() throws Exception {
    Topology variant = loadVariant(snapshot -> {
      ObjectNode subnet = (ObjectNode) snapshot.at("/resources/0/properties/subnets/1/properties");
      subnet.remove("networkSecurityGroup");
      ((ObjectNode) snapshot.at("/resources/" + NIC_1_INDEX + "/properties"))
          .set("networkSecurityGroup", JSON.createObjectNode().put("id", NSG_CONNECT));
    });
    NetworkInterface nic = new NetworkInterface(variant.find(NIC_1).orElseThrow(), variant);
    NetworkSecurityGroup nsg = new NetworkSecurityGroup(variant.find(NSG_CONNECT).orElseThrow(), variant);

    assertThat(nic.networkSecurityGroup().map(n -> n.id().toString())).contains(NSG_CONNECT);
    assertThat(new Subnet(variant.find(SNET_CONNECT).orElseThrow(), variant).networkSecurityGroup()).isEmpty();
    assertThat(nsg.networkInterfaces()).extracting(n -> n.id().toString()).containsExactly(NIC_1);
    assertThat(nsg.subnets()).isEmpty();
    assertThat(new NetworkInterface(variant.find(NIC_2).orElseThrow(), variant).networkSecurityGroup()).isEmpty();
    assertThat(variant.gaps()).isEmpty();
  }

  @Test
  void postgresBehindAPrivateEndpointIsFoundThroughThePrivateEndpointsTarget() throws Exception {
    String endpointId = NETWORK + "privateEndpoints/pe-psql-connect";
    Topology variant = loadVariant(snapshot -> {
      ObjectNode network = (ObjectNode) snapshot.at("/resources/" + PSQL_INDEX + "/properties/network");
      network.remove("delegatedSubnetResourceId");
      network.remove("privateDnsZoneArmResourceId");
      ObjectNode endpoint = JSON.createObjectNode()
          .put("id", endpointId)
          .put("name", "pe-psql-connect")
          .put("type", "Microsoft.Network/privateEndpoints")
          .put("location", "eastus2");
      ObjectNode properties = endpoint.putObject("properties");
      properties.putObject("subnet").put("id", SNET_CONNECT);
      ObjectNode connection = properties.putArray("privateLinkServiceConnections").addObject()
          .put("name", "psql-connect");
      connection.putObject("properties")
          .put("privateLinkServiceId", PSQL.toLowerCase())
          .putArray("groupIds").add("postgresqlServer");
      ((ArrayNode) snapshot.get("resources")).add(endpoint);
    });
    PostgresFlexibleServer server = PostgresFlexibleServer.all(variant).get(0);

    assertThat(server.delegatedSubnet()).isEmpty();
    assertThat(server.privateEndpoints()).extracting(e -> e.id().toString()).containsExactly(endpointId);
    assertThat(server.privateEndpoints().get(0).subnet().map(s -> s.id().toString())).contains(SNET_CONNECT);
    assertThat(variant.gaps()).isEmpty();
  }

  @Test
  void typesLowerCasedAsResourceGraphGivesThemResolveEverythingIdentically() throws Exception {
    Topology variant = loadVariant(snapshot -> {
      for (JsonNode resource : snapshot.get("resources")) {
        ((ObjectNode) resource).put("type", resource.get("type").asText().toLowerCase());
      }
    });

    assertThat(variant.ofType(ResourceType.APPLICATION_GATEWAY)).extracting(r -> r.type().name())
        .containsExactly("microsoft.network/applicationgateways");
    assertThat(relationships(variant)).isEqualTo(relationships(topology));
    assertThat(members(variant)).isEqualTo(members(topology));
    assertThat(variant.gaps()).isEmpty();
    assertThat(ApplicationGateway.all(variant).get(0).routes()).hasSize(1);
  }

  @Test
  void referenceToASubnetThatIsNotInTheFileGivesADanglingReferenceGap() throws Exception {
    String missing = VNET + "/subnets/snet-missing";
    Topology variant = loadVariant(snapshot ->
        ((ObjectNode) snapshot.at("/resources/" + NIC_1_INDEX + "/properties/ipConfigurations/0/properties/subnet"))
            .put("id", missing));
    Resource ipConfiguration = variant.find(NIC_1 + "/ipConfigurations/ipconfig1").orElseThrow();

    assertThat(variant.gaps())
        .extracting(Gap::kind, Gap::subject, Gap::path, Gap::target, Gap::provenance)
        .containsExactly(tuple(Gap.Kind.DANGLING_REFERENCE, NIC_1 + "/ipConfigurations/ipconfig1", "properties.subnet.id",
            missing, ipConfiguration.provenance()));
    assertThat(ipConfiguration.provenance().pointer()).isEqualTo("/resources/" + NIC_1_INDEX + "/properties/ipConfigurations/0");
    assertThat(new IpConfiguration(ipConfiguration, variant).subnet()).isEmpty();
  }

  @Test
  void sameIdWithDifferentContentInTwoFilesGivesADuplicateConflictGapAndKeepsTheFirst() throws Exception {
    ObjectNode vm = (ObjectNode) JSON.readTree(compliant.toFile()).at("/resources/" + VM_1_INDEX).deepCopy();
    ((ObjectNode) vm.at("/properties/hardwareProfile")).put("vmSize", "Standard_B2s");
    Path second = temp.resolve("second.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(second.toFile(), JSON.createArrayNode().add(vm));

    int[] at = objectPositions(Files.readString(second)).get("/0");

    Topology merged = new TopologyLoader().load(List.of(compliant, second));

    Resource kept = merged.find(VM_1).orElseThrow();
    assertThat(kept.text("properties.hardwareProfile.vmSize")).contains("Standard_D8_v5");
    assertThat(kept.provenance().source()).isEqualTo(compliant.toString());
    assertThat(merged.gaps()).singleElement().satisfies(gap -> {
      assertThat(gap.kind()).isEqualTo(Gap.Kind.DUPLICATE_CONFLICT);
      assertThat(gap.subject()).isEqualTo(VM_1);
      assertThat(gap.target()).isEqualTo(kept.provenance().toString());
      assertThat(gap.provenance().source()).isEqualTo(second.toString());
      assertThat(gap.provenance()).isEqualTo(new Provenance(second.toString(), "/0", at[0], at[1]));
    });
    assertThat(merged.topLevelResources()).hasSize(topology.topLevelResources().size());
  }

  @Test
  void sameIdWithIdenticalContentInTwoFilesGivesNoGap() throws Exception {
    JsonNode vm = JSON.readTree(compliant.toFile()).at("/resources/" + VM_1_INDEX);
    Path second = temp.resolve("second.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(second.toFile(), JSON.createArrayNode().add(vm));

    Topology merged = new TopologyLoader().load(List.of(compliant, second));

    assertThat(merged.gaps()).isEmpty();
    assertThat(merged.topLevelResources()).hasSize(topology.topLevelResources().size());
    assertThat(merged.find(VM_1).orElseThrow().provenance().source()).isEqualTo(compliant.toString());
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> ids(JsonNode resources) {
    return java.util.stream.StreamSupport.stream(resources.spliterator(), false).map(r -> r.get("id").asText()).toList();
  }

  private static <V> V view(ResourceType type, String name, java.util.function.BiFunction<Resource, Topology, V> view) {
    List<Resource> found = topology.ofType(type).stream().filter(r -> r.name().equals(name)).toList();
    assertThat(found).as("%s named %s", type, name).hasSize(1);
    return view.apply(found.get(0), topology);
  }

  private static ObjectNode poolOf(JsonNode snapshot) {
    return (ObjectNode) snapshot.at("/resources/" + AGW_INDEX + "/properties/backendAddressPools/0/properties");
  }

  /** Removes the pool from the NICs' side too, so the pool's own listing is all that names members. */
  private static void forgetPoolOnNics(JsonNode snapshot) {
    for (int index : new int[] {NIC_1_INDEX, NIC_2_INDEX}) {
      ((ObjectNode) snapshot.at("/resources/" + index + "/properties/ipConfigurations/0/properties"))
          .remove("applicationGatewayBackendAddressPools");
    }
  }

  private Topology loadVariant(Consumer<ObjectNode> change) throws IOException, InputException {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(compliant.toFile());
    change.accept(snapshot);
    Path file = temp.resolve("variant.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), snapshot);
    return new TopologyLoader().load(file);
  }

  /** For every resource, the sorted ids it reaches through each relation. */
  private static Map<String, Map<Relation, List<String>>> relationships(Topology t) {
    Map<String, Map<Relation, List<String>>> all = new TreeMap<>();
    for (Resource resource : t.resources()) {
      Map<Relation, List<String>> out = new TreeMap<>();
      for (Relation relation : Relation.values()) {
        List<String> targets = t.related(resource, relation).stream().map(r -> r.id().key()).sorted().toList();
        if (!targets.isEmpty()) {
          out.put(relation, targets);
        }
      }
      all.put(resource.id().key(), out);
    }
    return all;
  }

  private static Map<String, List<String>> members(Topology t) {
    Map<String, List<String>> all = new TreeMap<>();
    for (Resource pool : t.ofType(ResourceType.BACKEND_ADDRESS_POOL)) {
      all.put(pool.id().key(), t.members(pool).stream()
          .map(m -> m.kind() + " " + m.value() + " -> " + m.virtualMachine().map(r -> r.id().key()).orElse("?"))
          .toList());
    }
    return all;
  }

  /**
   * The line and column of every object and array in {@code text}, by JSON pointer, worked out here
   * from the character offset Jackson reports rather than from its line counting.
   */
  static Map<String, int[]> objectPositions(String text) throws IOException {
    Map<String, int[]> positions = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      walk(parser, parser.nextToken(), "", text, positions);
    }
    return positions;
  }

  private static void walk(JsonParser parser, JsonToken token, String pointer, String text, Map<String, int[]> positions)
      throws IOException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      int offset = (int) parser.currentTokenLocation().getCharOffset();
      assertThat(text.charAt(offset)).isEqualTo(token == JsonToken.START_OBJECT ? '{' : '[');
      int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
      positions.put(pointer, new int[] {line, offset - lineStart + 1});
    }
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        walk(parser, parser.nextToken(), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), text, positions);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      JsonToken next;
      while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
        walk(parser, next, pointer + "/" + index++, text, positions);
      }
    }
  }
}
