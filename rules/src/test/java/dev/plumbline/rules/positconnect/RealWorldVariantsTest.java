package dev.plumbline.rules.positconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real deployments differ from the example in shape but not in compliance: pools that list IP
 * addresses or host names, NSGs on NICs, PostgreSQL behind a private endpoint, three nodes. Each
 * variant of the compliant example must still pass every rule.
 */
class RealWorldVariantsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RG = "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect/providers/";
  private static final String SUBNETS = RG + "Microsoft.Network/virtualNetworks/vnet-connect/subnets/";

  @TempDir
  Path temp;

  private ObjectNode snapshot;

  @BeforeEach
  void readCompliant() throws Exception {
    snapshot = (ObjectNode) JSON.readTree(RuleFixtures.example("compliant.json").toFile());
  }

  @Test
  void poolListingPrivateIpAddresses() throws Exception {
    ObjectNode pool = pool();
    pool.withObject("properties").putArray("backendIPConfigurations");
    pool.withObject("properties").putArray("backendAddresses").add(address("ipAddress", "10.20.1.4")).add(address("ipAddress", "10.20.1.5"));
    forEachNicIpConfiguration(ip -> ((ObjectNode) ip.get("properties")).remove("applicationGatewayBackendAddressPools"));
    AuditResult result = audit();
    assertEveryRulePasses(result);
    assertThat(result.notes().get(0).lines()).anySatisfy(line -> assertThat(line).contains("private IP 10.20.1.5"));
  }

  @Test
  void poolListingHostNames() throws Exception {
    ObjectNode pool = pool();
    pool.withObject("properties").putArray("backendIPConfigurations");
    pool.withObject("properties").putArray("backendAddresses")
        .add(address("fqdn", "connect-1.internal.example")).add(address("fqdn", "connect-2.internal.example"));
    forEachNicIpConfiguration(ip -> ((ObjectNode) ip.get("properties")).remove("applicationGatewayBackendAddressPools"));
    AuditResult result = audit();
    assertEveryRulePasses(result);
    assertThat(result.notes().get(0).lines()).anySatisfy(line -> assertThat(line).contains("host name connect-2"));
  }

  @Test
  void securityGroupOnTheNicsInsteadOfTheSubnet() throws Exception {
    ObjectNode subnet = subnet("snet-connect");
    JsonNode nsg = ((ObjectNode) subnet.get("properties")).remove("networkSecurityGroup");
    ((ObjectNode) resource("nsg-connect").get("properties")).remove("subnets");
    for (String nic : List.of("nic-connect-1", "nic-connect-2")) {
      ((ObjectNode) resource(nic).get("properties")).set("networkSecurityGroup", nsg.deepCopy());
    }
    assertEveryRulePasses(audit());
  }

  @Test
  void postgresBehindAPrivateEndpoint() throws Exception {
    String serverId = resource("psql-connect").get("id").asText();
    String endpointId = RG + "Microsoft.Network/privateEndpoints/pe-psql-connect";
    ObjectNode endpointSubnet = JSON.createObjectNode();
    endpointSubnet.put("id", SUBNETS + "snet-endpoints");
    endpointSubnet.put("name", "snet-endpoints");
    endpointSubnet.put("type", "Microsoft.Network/virtualNetworks/subnets");
    endpointSubnet.putObject("properties").put("addressPrefix", "10.20.4.0/24").put("defaultOutboundAccess", false);
    ((ArrayNode) resource("vnet-connect").get("properties").get("subnets")).add(endpointSubnet);

    ObjectNode endpoint = JSON.createObjectNode();
    endpoint.put("id", endpointId).put("name", "pe-psql-connect").put("type", "Microsoft.Network/privateEndpoints").put("location", "eastus2");
    ObjectNode properties = endpoint.putObject("properties");
    properties.putObject("subnet").put("id", SUBNETS + "snet-endpoints");
    ObjectNode connection = properties.putArray("privateLinkServiceConnections").addObject();
    connection.put("name", "psql-connect").putObject("properties").put("privateLinkServiceId", serverId)
        .putObject("privateLinkServiceConnectionState").put("status", "Approved");
    ((ObjectNode) connection.get("properties")).putArray("groupIds").add("postgresqlServer");
    resources().add(endpoint);

    ObjectNode network = resource("psql-connect").withObject("properties").withObject("network");
    network.remove("delegatedSubnetResourceId");
    network.remove("privateDnsZoneArmResourceId");
    network.put("publicNetworkAccess", "Disabled");
    ObjectNode link = resource("psql-connect").withObject("properties").putArray("privateEndpointConnections").addObject();
    link.put("id", serverId + "/privateEndpointConnections/pe-psql-connect");
    link.putObject("properties").putObject("privateEndpoint").put("id", endpointId);
    ((ObjectNode) link.get("properties")).putObject("privateLinkServiceConnectionState").put("status", "Approved");
    ((ArrayNode) subnet("snet-postgres").get("properties").get("delegations")).removeAll();

    assertEveryRulePasses(audit());
  }

  @Test
  void threeNodesAcrossThreeZones() throws Exception {
    ObjectNode nic = resource("nic-connect-2").deepCopy();
    String nicJson = JSON.writeValueAsString(nic).replace("nic-connect-2", "nic-connect-3").replace("vm-connect-2", "vm-connect-3")
        .replace("10.20.1.5", "10.20.1.6");
    ObjectNode vm = resource("vm-connect-2").deepCopy();
    String vmJson = JSON.writeValueAsString(vm).replace("nic-connect-2", "nic-connect-3").replace("vm-connect-2", "vm-connect-3")
        .replace("connect-2", "connect-3");
    ObjectNode third = (ObjectNode) JSON.readTree(vmJson);
    third.putArray("zones").add("3");
    third.withObject("properties").put("vmId", "00000000-0000-0000-0000-0000000000c3");
    resources().add(JSON.readTree(nicJson));
    resources().add(third);
    ((ArrayNode) pool().get("properties").get("backendIPConfigurations")).addObject()
        .put("id", RG + "Microsoft.Network/networkInterfaces/nic-connect-3/ipConfigurations/ipconfig1");
    ((ArrayNode) subnet("snet-connect").get("properties").get("ipConfigurations")).addObject()
        .put("id", RG + "Microsoft.Network/networkInterfaces/nic-connect-3/ipConfigurations/ipconfig1");
    String factsJson = JSON.writeValueAsString(snapshot.get("nodes").get(1)).replace("connect-2", "connect-3")
        .replace("vm-connect-2", "vm-connect-3").replace("10.20.1.5", "10.20.1.6");
    ((ArrayNode) snapshot.get("nodes")).add(JSON.readTree(factsJson));

    AuditResult result = audit();
    assertEveryRulePasses(result);
    assertThat(result.notes().get(0).lines()).hasSize(3);
    assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("PCHA-VM-01"))
        .singleElement().satisfies(f -> assertThat(f.message()).startsWith("3 Connect nodes"));
  }

  /** Every rule passes; INFO rules may report (the zone what-if names the single-zone NetApp volume). */
  private static void assertEveryRulePasses(AuditResult result) {
    assertThat(result.gaps()).isEmpty();
    for (Finding finding : result.findings()) {
      if (result.severityOf(finding) != Severity.INFO) {
        assertThat(finding.status()).as("%s on %s: %s", finding.ruleId(), finding.subject().name(), finding.message())
            .isEqualTo(Status.PASS);
      }
    }
  }

  private AuditResult audit() throws Exception {
    Path file = temp.resolve("variant.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
    return new AuditEngine().evaluate(new TopologyLoader().load(file), List.of(new PositConnectHaPack()), RuleParameters.defaults());
  }

  private ArrayNode resources() {
    return (ArrayNode) snapshot.get("resources");
  }

  private ObjectNode resource(String name) {
    for (JsonNode resource : resources()) {
      if (resource.path("name").asText().endsWith(name)) {
        return (ObjectNode) resource;
      }
    }
    throw new AssertionError("no resource " + name);
  }

  private ObjectNode subnet(String name) {
    for (JsonNode subnet : resource("vnet-connect").get("properties").get("subnets")) {
      if (subnet.path("name").asText().equals(name)) {
        return (ObjectNode) subnet;
      }
    }
    throw new AssertionError("no subnet " + name);
  }

  private ObjectNode pool() {
    return (ObjectNode) resource("agw-connect").get("properties").get("backendAddressPools").get(0);
  }

  private void forEachNicIpConfiguration(Consumer<JsonNode> change) {
    for (String nic : List.of("nic-connect-1", "nic-connect-2")) {
      resource(nic).get("properties").get("ipConfigurations").forEach(change);
    }
  }

  private static ObjectNode address(String field, String value) {
    return JSON.createObjectNode().put(field, value);
  }
}
