package dev.plumbline.core.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.TopologyBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Inbound NSG evaluation over small topologies written here (a VNet 10.1.0.0/16 whose subnet
 * snet-app 10.1.1.0/24 holds NIC nic-app at 10.1.1.4) and over the bundled compliant deployment.
 */
class EffectiveSecurityRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RG = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-test";
  private static final String NETWORK = RG + "/providers/Microsoft.Network/";
  private static final String ASG_WEB = NETWORK + "applicationSecurityGroups/asg-web";

  private static final AddressSet GATEWAY_SUBNET = AddressSet.of(Ipv4Range.cidr("10.1.0.0/24"));

  // ------------------------------------------------------------------ the bundled compliant deployment

  @Test
  void theCompliantNodesAdmitTheGatewayOnTheConnectPortAndNothingFromTheInternet() throws Exception {
    Topology topology = new TopologyLoader().load(
        Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json"));
    IpConfiguration configuration = new IpConfiguration(topology.ofType(ResourceType.NIC_IP_CONFIGURATION).get(0), topology);
    EffectiveSecurityRules rules = EffectiveSecurityRules.inbound(configuration);
    assertThat(rules.subnet().describe()).isEqualTo("NSG nsg-connect on subnet snet-connect");
    assertThat(rules.networkInterface().describe()).isEqualTo("no NSG on NIC nic-connect-1");

    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.allowsNothing()).isTrue();
    assertThat(internet.doubts()).isEmpty();
    assertThat(internet.denied()).extracting(d -> d.decision().describe())
        .containsExactly("nsg-connect/DenyInternetInbound (priority 4000, subnet snet-connect)");

    InboundAccess gateway = rules.evaluate(connectPort(AddressSet.of(Ipv4Range.cidr("10.20.0.0/24"))));
    assertThat(gateway.surelyAllowsAll()).isTrue();
    assertThat(gateway.surelyAllowed()).extracting(AllowedTraffic::describe).containsExactly(
        "TCP 3939 allowed by nsg-connect/AllowConnectFromGateway (priority 100, subnet snet-connect) and no NSG on NIC nic-connect-1");
  }

  // ------------------------------------------------------------------ levels

  @Test
  void withNoNsgAtEitherLevelEverythingIsAllowed() throws Exception {
    EffectiveSecurityRules rules = rules(net -> {});
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowsAll()).isTrue();
    assertThat(internet.doubts()).isEmpty();
    assertThat(internet.surelyAllowed()).extracting(AllowedTraffic::describe)
        .containsExactly("TCP/UDP/ICMP/ESP/AH any port allowed by no NSG on subnet snet-app and no NSG on NIC nic-app");
  }

  @Test
  void anInternetAllowOnTheSubnetOpensThatPortOnly() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("AllowSsh", 200, "Allow", "Internet", "22", "Tcp")));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowed()).extracting(AllowedTraffic::describe).containsExactly(
        "TCP 22 allowed by nsg-subnet/AllowSsh (priority 200, subnet snet-app) and no NSG on NIC nic-app");
    assertThat(internet.possibly().containsAll(internet.surely())).isTrue();
    assertThat(internet.surely().containsAll(internet.possibly())).isTrue();
    assertThat(internet.surelyAllowed().get(0).subnet().sources()).containsExactly("Internet");
  }

  @Test
  void bothLevelsMustAllow() throws Exception {
    EffectiveSecurityRules rules = rules(net -> {
      net.subnetNsg(rule("AllowSsh", 200, "Allow", "*", "22", "Tcp"));
      net.nicNsg();
    });
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.allowsNothing()).isTrue();
    assertThat(internet.deniedWithin(ssh(rules.target().publicAddresses()))).extracting(d -> d.decision().describe())
        .containsExactly("nsg-nic/DenyAllInBound (priority 65500, default rule, NIC nic-app)");
  }

  @Test
  void theNicNsgAloneIsEnoughToOpenANodeWhenTheSubnetHasNone() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.nicNsg(rule("AllowHttp", 300, "Allow", "0.0.0.0/0", "80", "*")));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowed()).extracting(AllowedTraffic::describe).containsExactly(
        "TCP/UDP/ICMP/ESP/AH 80 allowed by no NSG on subnet snet-app and nsg-nic/AllowHttp (priority 300, NIC nic-app)");
  }

  // ------------------------------------------------------------------ rules read once per topology

  @Test
  void anNsgsRulesAreReadPerTopologySoTheSameIdsWithOtherRulesAreJudgedOnTheirOwn() throws Exception {
    EffectiveSecurityRules open = rules(net -> net.subnetNsg(rule("Ssh", 200, "Allow", "Internet", "22", "Tcp")));
    EffectiveSecurityRules closed = rules(net -> net.subnetNsg(rule("Ssh", 200, "Deny", "Internet", "22", "Tcp")));
    for (int round = 0; round < 2; round++) {
      assertThat(open.evaluate(ssh(open.target().publicAddresses())).surelyAllowsAll()).isTrue();
      assertThat(closed.evaluate(ssh(closed.target().publicAddresses())).allowsNothing()).isTrue();
    }
  }

  @Test
  void rulesReadOnceServeEveryTargetAndQueryOfTheTopology() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("AllowSsh", 200, "Allow", "Internet", "22", "Tcp")));
    InboundAccess first = rules.evaluate(ssh(rules.target().publicAddresses()));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    InboundAccess again = rules.evaluate(ssh(rules.target().publicAddresses()));
    assertThat(internet.surely().describePorts()).isEqualTo("TCP 22");
    assertThat(again.surelyAllowed()).extracting(AllowedTraffic::describe)
        .isEqualTo(first.surelyAllowed().stream().map(AllowedTraffic::describe).toList());
    assertThat(rules.evaluate(connectPort(GATEWAY_SUBNET)).surelyAllowsAll()).isTrue();
  }

  @Test
  void rulesReadAgainstOneTargetAreNeverTakenForAnotherTargetOfTheSameNsg() throws Exception {
    ObjectNode allow = rule("AllowSshToOne", 200, "Allow", "Internet", "22", "Tcp");
    ((ObjectNode) allow.get("properties")).put("destinationAddressPrefix", "10.1.1.4/32");
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(allow));
    InboundTarget one = rules.target();
    InboundTarget other = new InboundTarget("nic-other/ipconfig1", Ipv4Range.parseAddress("10.1.1.5"), one.subnetSpace(),
        one.virtualNetworkSpace(), one.connectedSpace(), one.applicationSecurityGroups());
    for (int round = 0; round < 2; round++) {
      TrafficSet internet = TrafficSet.from(one.publicAddresses());
      assertThat(NetworkSecurityEvaluation.inbound(rules.subnet(), one, internet).surelyAllowed())
          .extracting(allowed -> allowed.traffic().describePorts()).containsExactly("TCP 22");
      assertThat(NetworkSecurityEvaluation.inbound(rules.subnet(), other, internet).possiblyAllowed()).isEmpty();
      // Another question to the same targets: senders the rule's sources miss match nothing.
      assertThat(NetworkSecurityEvaluation.inbound(rules.subnet(), one, ssh(GATEWAY_SUBNET)).surelyAllowed())
          .extracting(allowed -> allowed.decision().describe())
          .containsExactly("nsg-subnet/AllowVnetInBound (priority 65000, default rule, subnet snet-app)");
      assertThat(NetworkSecurityEvaluation.inbound(rules.subnet(), other, ssh(one.publicAddresses())).possiblyAllowed()).isEmpty();
    }
  }

  // ------------------------------------------------------------------ priority and first match

  @Test
  void theLowestPriorityNumberDecidesWhateverTheOrderInTheFile() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(
        rule("AllowSsh", 200, "Allow", "Internet", "22", "Tcp"),
        rule("DenySsh", 150, "Deny", "*", "22", "*")));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.allowsNothing()).isTrue();
    assertThat(internet.doubts()).isEmpty();
  }

  @Test
  void aCustomRuleOverridesTheDefaultRules() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("DenyVnet", 4000, "Deny", "VirtualNetwork", "*", "*")));
    InboundAccess gateway = rules.evaluate(connectPort(GATEWAY_SUBNET));
    assertThat(gateway.mayAllowAll()).isFalse();
    assertThat(gateway.deniedWithin(connectPort(GATEWAY_SUBNET))).extracting(d -> d.decision().describe())
        .containsExactly("nsg-subnet/DenyVnet (priority 4000, subnet snet-app)");
  }

  @Test
  void theDefaultVnetRuleAdmitsTheGatewaySubnet() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg());
    InboundAccess gateway = rules.evaluate(connectPort(GATEWAY_SUBNET));
    assertThat(gateway.surelyAllowed()).extracting(AllowedTraffic::describe).containsExactly(
        "TCP 3939 allowed by nsg-subnet/AllowVnetInBound (priority 65000, default rule, subnet snet-app) and no NSG on NIC nic-app");
  }

  @Test
  void defaultRulesLeftOutOfASnapshotStillApply() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.withoutDefaults().subnetNsg());
    assertThat(rules.evaluate(TrafficSet.from(rules.target().publicAddresses())).allowsNothing()).isTrue();
    InboundAccess gateway = rules.evaluate(connectPort(GATEWAY_SUBNET));
    assertThat(gateway.surelyAllowsAll()).isTrue();
    assertThat(gateway.surelyAllowed().get(0).subnet().describe())
        .isEqualTo("nsg-subnet/AllowVNetInBound (priority 65000, default rule, subnet snet-app)");
  }

  // ------------------------------------------------------------------ match fields

  @Test
  void pluralFieldsAreReadTogetherWithTheSingularOnes() throws Exception {
    ObjectNode allow = rule("AllowPartners", 200, "Allow", "", "", "Tcp");
    ((ObjectNode) allow.get("properties")).putArray("sourceAddressPrefixes").add("203.0.113.0/24").add("198.51.100.7");
    ((ObjectNode) allow.get("properties")).putArray("destinationPortRanges").add("22").add("8000-8010");
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(allow));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.doubts()).isEmpty();
    assertThat(internet.surely().describePorts()).isEqualTo("TCP 22, 8000-8010");
    assertThat(internet.surely().sources()).hasToString("198.51.100.7, 203.0.113.0/24");
  }

  @Test
  void aCommaListOfPortsIsRead() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("AllowWeb", 200, "Allow", "Internet", "80,443", "Tcp")));
    assertThat(rules.evaluate(TrafficSet.from(rules.target().publicAddresses())).surely().describePorts()).isEqualTo("TCP 80, 443");
  }

  @Test
  void aDestinationThatDoesNotHoldTheNicDoesNotMatch() throws Exception {
    ObjectNode allow = rule("AllowOtherSubnet", 200, "Allow", "Internet", "*", "*");
    ((ObjectNode) allow.get("properties")).put("destinationAddressPrefix", "10.1.2.0/24");
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(allow));
    assertThat(rules.evaluate(TrafficSet.from(rules.target().publicAddresses())).allowsNothing()).isTrue();
  }

  @Test
  void aDestinationApplicationSecurityGroupMatchesItsMembersOnly() throws Exception {
    ObjectNode allow = rule("AllowWebGroup", 200, "Allow", "Internet", "443", "Tcp");
    ((ObjectNode) allow.get("properties")).put("destinationAddressPrefix", "");
    ((ObjectNode) allow.get("properties")).putArray("destinationApplicationSecurityGroups").addObject().put("id", ASG_WEB);
    EffectiveSecurityRules member = rules(net -> net.inGroup(ASG_WEB).subnetNsg(allow.deepCopy()));
    EffectiveSecurityRules outsider = rules(net -> net.subnetNsg(allow.deepCopy()));
    assertThat(member.evaluate(TrafficSet.from(member.target().publicAddresses())).surely().describePorts()).isEqualTo("TCP 443");
    assertThat(outsider.evaluate(TrafficSet.from(outsider.target().publicAddresses())).allowsNothing()).isTrue();
  }

  // ------------------------------------------------------------------ doubt is kept, never guessed away

  @Test
  void anUnknownServiceTagMayLetThePublicInButDoesNotSurely() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("AllowFrontDoor", 200, "Allow", "AzureFrontDoor.Backend", "443", "Tcp")));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowsSome()).isFalse();
    assertThat(internet.allowsNothing()).isFalse();
    assertThat(internet.possibly().describePorts()).isEqualTo("TCP 443");
    assertThat(internet.doubts()).containsExactly("nsg-subnet/AllowFrontDoor (priority 200, subnet snet-app): source service tag "
        + "AzureFrontDoor.Backend, whose address ranges are not known here");
    assertThat(rules.evaluate(connectPort(GATEWAY_SUBNET)).surelyAllowsAll()).isTrue();
  }

  @Test
  void aGatewayManagerRuleNeverMatchesTheGatewaySubnet() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("DenyManager", 100, "Deny", "GatewayManager", "*", "*")));
    InboundAccess gateway = rules.evaluate(connectPort(GATEWAY_SUBNET));
    assertThat(gateway.surelyAllowsAll()).isTrue();
    assertThat(gateway.doubts()).isEmpty();
  }

  @Test
  void aDenyOfAnUnknownTagDoesNotSurelyCloseWhatFollows() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(
        rule("DenyFrontDoor", 100, "Deny", "AzureFrontDoor.Backend", "*", "*"),
        rule("AllowWeb", 200, "Allow", "Internet", "443", "Tcp")));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowsSome()).isFalse();
    assertThat(internet.possibly().describePorts()).isEqualTo("TCP 443");
  }

  @Test
  void anNsgOutsideTheTopologyLeavesEverythingInDoubt() throws Exception {
    EffectiveSecurityRules rules = rules(net -> net.subnetNsgReferenceOnly());
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowsSome()).isFalse();
    assertThat(internet.possibly().containsAll(internet.query())).isTrue();
    assertThat(internet.doubts()).containsExactly("subnet snet-app: its NSG is not in the topology");
  }

  @Test
  void aRuleWithoutPriorityMayComeFirst() throws Exception {
    ObjectNode allow = rule("AllowSomething", 0, "Allow", "Internet", "22", "Tcp");
    ((ObjectNode) allow.get("properties")).remove("priority");
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(rule("DenyAll", 100, "Deny", "*", "*", "*"), allow));
    InboundAccess internet = rules.evaluate(TrafficSet.from(rules.target().publicAddresses()));
    assertThat(internet.surelyAllowsSome()).isFalse();
    assertThat(internet.possibly().describePorts()).isEqualTo("TCP 22");
    assertThat(internet.doubts()).singleElement().asString().contains("has no priority");
  }

  @Test
  void anUnrecognisedProtocolOrAccessIsADoubt() throws Exception {
    EffectiveSecurityRules protocol = rules(net -> net.subnetNsg(rule("AllowOdd", 200, "Allow", "Internet", "22", "Gre")));
    InboundAccess odd = protocol.evaluate(TrafficSet.from(protocol.target().publicAddresses()));
    assertThat(odd.surelyAllowsSome()).isFalse();
    assertThat(odd.possibly().describePorts()).isEqualTo("TCP/UDP/ICMP/ESP/AH 22");
    assertThat(odd.doubts()).singleElement().asString().endsWith("unrecognised protocol 'Gre'");

    EffectiveSecurityRules access = rules(net -> net.subnetNsg(rule("Maybe", 200, "Permit", "Internet", "22", "Tcp")));
    InboundAccess maybe = access.evaluate(TrafficSet.from(access.target().publicAddresses()));
    assertThat(maybe.surelyAllowsSome()).isFalse();
    assertThat(maybe.possibly().describePorts()).isEqualTo("TCP 22");
  }

  @Test
  void aDestinationPrefixNeedsThePrivateIpUnlessItCoversTheWholeSubnet() throws Exception {
    ObjectNode part = rule("AllowPart", 200, "Allow", "Internet", "22", "Tcp");
    ((ObjectNode) part.get("properties")).put("destinationAddressPrefix", "10.1.1.0/25");
    EffectiveSecurityRules unknownIp = rules(net -> net.withoutPrivateIp().subnetNsg(part.deepCopy()));
    InboundAccess partial = unknownIp.evaluate(TrafficSet.from(unknownIp.target().publicAddresses()));
    assertThat(partial.surelyAllowsSome()).isFalse();
    assertThat(partial.allowsNothing()).isFalse();
    assertThat(partial.doubts()).singleElement().asString().contains("the private IP of nic-app/ipconfig1 is not known");

    ObjectNode whole = rule("AllowWhole", 200, "Allow", "Internet", "22", "Tcp");
    ((ObjectNode) whole.get("properties")).put("destinationAddressPrefix", "10.1.0.0/16");
    EffectiveSecurityRules covering = rules(net -> net.withoutPrivateIp().subnetNsg(whole));
    assertThat(covering.evaluate(TrafficSet.from(covering.target().publicAddresses())).surely().describePorts()).isEqualTo("TCP 22");
  }

  @Test
  void outboundRulesDoNotTouchInboundTraffic() throws Exception {
    ObjectNode outbound = rule("AllowOut", 100, "Allow", "*", "*", "*");
    ((ObjectNode) outbound.get("properties")).put("direction", "Outbound");
    EffectiveSecurityRules rules = rules(net -> net.subnetNsg(outbound));
    assertThat(rules.evaluate(TrafficSet.from(rules.target().publicAddresses())).allowsNothing()).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private static TrafficSet connectPort(AddressSet sources) {
    return TrafficSet.of(sources, List.of(PortRange.single(3939)), List.of(TransportProtocol.TCP));
  }

  private static TrafficSet ssh(AddressSet sources) {
    return TrafficSet.of(sources, List.of(PortRange.single(22)), List.of(TransportProtocol.TCP));
  }

  /** An inbound rule; blank source or ports are left for the caller to set in plural form. */
  private static ObjectNode rule(String name, int priority, String access, String source, String ports, String protocol) {
    ObjectNode rule = JSON.createObjectNode();
    rule.put("name", name);
    ObjectNode properties = rule.putObject("properties");
    properties.put("protocol", protocol);
    properties.put("sourcePortRange", "*");
    properties.put("destinationPortRange", ports);
    properties.put("sourceAddressPrefix", source);
    properties.put("destinationAddressPrefix", "*");
    properties.put("access", access);
    properties.put("priority", priority);
    properties.put("direction", "Inbound");
    properties.putArray("sourcePortRanges");
    properties.putArray("destinationPortRanges");
    properties.putArray("sourceAddressPrefixes");
    properties.putArray("destinationAddressPrefixes");
    return rule;
  }

  private static EffectiveSecurityRules rules(Consumer<TestNetwork> setup) throws Exception {
    TestNetwork network = new TestNetwork();
    setup.accept(network);
    TopologyBuilder builder = new TopologyBuilder();
    new TopologyLoader().read("test.json", JSON.writeValueAsBytes(network.resources()), builder);
    Topology topology = builder.build();
    return EffectiveSecurityRules.inbound(new IpConfiguration(topology.ofType(ResourceType.NIC_IP_CONFIGURATION).get(0), topology));
  }

  /** The test VNet, subnet and NIC, with NSGs where a test puts them. */
  private static final class TestNetwork {
    private List<ObjectNode> subnetRules;
    private List<ObjectNode> nicRules;
    private boolean subnetReferenceOnly;
    private boolean defaults = true;
    private boolean privateIp = true;
    private String group;

    TestNetwork subnetNsg(ObjectNode... rules) {
      subnetRules = List.of(rules);
      return this;
    }

    TestNetwork nicNsg(ObjectNode... rules) {
      nicRules = List.of(rules);
      return this;
    }

    TestNetwork subnetNsgReferenceOnly() {
      subnetReferenceOnly = true;
      return this;
    }

    TestNetwork withoutDefaults() {
      defaults = false;
      return this;
    }

    TestNetwork withoutPrivateIp() {
      privateIp = false;
      return this;
    }

    TestNetwork inGroup(String id) {
      group = id;
      return this;
    }

    ArrayNode resources() {
      ArrayNode resources = JSON.createArrayNode();
      ObjectNode vnet = resources.addObject();
      vnet.put("id", NETWORK + "virtualNetworks/vnet-app").put("name", "vnet-app")
          .put("type", "Microsoft.Network/virtualNetworks").put("location", "eastus2");
      ObjectNode vnetProperties = vnet.putObject("properties");
      vnetProperties.putObject("addressSpace").putArray("addressPrefixes").add("10.1.0.0/16");
      ArrayNode subnets = vnetProperties.putArray("subnets");
      subnets.add(subnet("snet-gw", "10.1.0.0/24", null));
      boolean subnetNsg = subnetRules != null || subnetReferenceOnly;
      subnets.add(subnet("snet-app", "10.1.1.0/24", subnetNsg ? NETWORK + "networkSecurityGroups/nsg-subnet" : null));
      if (subnetRules != null) {
        resources.add(nsg("nsg-subnet", subnetRules));
      }
      if (nicRules != null) {
        resources.add(nsg("nsg-nic", nicRules));
      }
      ObjectNode nic = resources.addObject();
      nic.put("id", NETWORK + "networkInterfaces/nic-app").put("name", "nic-app")
          .put("type", "Microsoft.Network/networkInterfaces").put("location", "eastus2");
      ObjectNode nicProperties = nic.putObject("properties");
      if (nicRules != null) {
        nicProperties.putObject("networkSecurityGroup").put("id", NETWORK + "networkSecurityGroups/nsg-nic");
      }
      ObjectNode configuration = nicProperties.putArray("ipConfigurations").addObject();
      configuration.put("id", NETWORK + "networkInterfaces/nic-app/ipConfigurations/ipconfig1").put("name", "ipconfig1");
      ObjectNode configurationProperties = configuration.putObject("properties");
      if (privateIp) {
        configurationProperties.put("privateIPAddress", "10.1.1.4");
      }
      configurationProperties.putObject("subnet").put("id", NETWORK + "virtualNetworks/vnet-app/subnets/snet-app");
      if (group != null) {
        configurationProperties.putArray("applicationSecurityGroups").addObject().put("id", group);
      }
      return resources;
    }

    private static ObjectNode subnet(String name, String prefix, String nsgId) {
      ObjectNode subnet = JSON.createObjectNode();
      subnet.put("id", NETWORK + "virtualNetworks/vnet-app/subnets/" + name).put("name", name);
      ObjectNode properties = subnet.putObject("properties");
      properties.put("addressPrefix", prefix);
      if (nsgId != null) {
        properties.putObject("networkSecurityGroup").put("id", nsgId);
      }
      return subnet;
    }

    private ObjectNode nsg(String name, List<ObjectNode> rules) {
      String id = NETWORK + "networkSecurityGroups/" + name;
      ObjectNode nsg = JSON.createObjectNode();
      nsg.put("id", id).put("name", name).put("type", "Microsoft.Network/networkSecurityGroups").put("location", "eastus2");
      ObjectNode properties = nsg.putObject("properties");
      ArrayNode custom = properties.putArray("securityRules");
      for (ObjectNode rule : rules) {
        ObjectNode copy = rule.deepCopy();
        copy.put("id", id + "/securityRules/" + copy.get("name").asText());
        custom.add(copy);
      }
      if (defaults) {
        ArrayNode builtIn = properties.putArray("defaultSecurityRules");
        List<ObjectNode> standard = new ArrayList<>();
        standard.add(rule("AllowVnetInBound", 65000, "Allow", "VirtualNetwork", "*", "*"));
        standard.get(0).with("properties").put("destinationAddressPrefix", "VirtualNetwork");
        standard.add(rule("AllowAzureLoadBalancerInBound", 65001, "Allow", "AzureLoadBalancer", "*", "*"));
        standard.add(rule("DenyAllInBound", 65500, "Deny", "*", "*", "*"));
        for (ObjectNode rule : standard) {
          rule.put("id", id + "/defaultSecurityRules/" + rule.get("name").asText());
          builtIn.add(rule);
        }
      }
      return nsg;
    }
  }
}
