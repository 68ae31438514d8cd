package dev.plumbline.rules.positconnect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.NetworkInterface;
import dev.plumbline.core.model.network.PrivateEndpoint;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference places the gateway in a public subnet of its own and every other tier in private
 * subnets, so that nothing but the gateway faces the internet.
 */
@RuleDefinition(
    id = "PCHA-NET-01",
    name = "Connect.Network.TierSeparation",
    summary = "The Application Gateway has a subnet of its own, and the Connect nodes, the PostgreSQL server and the NetApp Files volume sit in private subnets, none of them in the gateway's.",
    severity = Severity.MEDIUM,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Networking: \"The architecture is implemented in a virtual network, utilizing both public and private subnets across multiple availability zones.\"",
        "Reference architecture, Networking: \"The database instance, NetApp Files, and the virtual machine instances are located within the private subnets and ingress to the virtual machines is managed through an Application Gateway.\"",
        "https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#virtual-network-and-dedicated-subnet",
        "https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access"
    })
public final class TierSeparation implements Rule {

  private static final String APPLICATION_GATEWAY_DELEGATION = "Microsoft.Network/applicationGateways";

  private static final String OUTBOUND = "properties.defaultOutboundAccess";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    Topology topology = context.topology();
    GatewaySubnets gateways = GatewaySubnets.in(topology);
    List<Finding> findings = new ArrayList<>();
    List<ApplicationGateway> all = ApplicationGateway.all(topology);
    if (all.isEmpty()) {
      findings.add(context.missing("an Application Gateway",
          "No Application Gateway is in scope, so no subnet is set apart for ingress."));
    }
    for (ApplicationGateway gateway : all) {
      List<GatewaySubnets.Placement> placements = gateways.of(gateway);
      if (placements.isEmpty()) {
        findings.add(context.unknown(gateway.resource(), "Application Gateway " + gateway.name()
            + " states no gateway IP configuration, so the subnet it sits in is not known.",
            Evidence.absent("properties.gatewayIPConfigurations", "a gateway IP configuration in a subnet of its own")));
      }
      for (GatewaySubnets.Placement placement : placements) {
        if (placement.subnet().isEmpty()) {
          findings.add(context.unknown(gateway.resource(), "Application Gateway " + gateway.name()
              + " sits in a subnet that is not in the topology, so what shares it cannot be told.",
              new Evidence("properties.gatewayIPConfigurations." + placement.ipConfiguration().name() + ".properties.subnet.id",
                  "a subnet in the topology", placement.ipConfiguration().text("properties.subnet.id").orElse(null))));
        }
      }
    }
    for (Subnet subnet : gateways.subnets()) {
      findings.add(gatewaySubnet(context, gateways, subnet));
    }
    for (ConnectNode node : ConnectNodes.in(context).nodes()) {
      findings.add(node(context, gateways, node));
    }
    for (PostgresFlexibleServer server : PostgresFlexibleServer.all(topology)) {
      findings.add(database(context, gateways, server));
    }
    for (NetAppVolume volume : NetAppVolume.all(topology)) {
      findings.add(volume(context, gateways, volume));
    }
    return findings;
  }

  /** The gateway subnet may hold application gateways and nothing else. */
  private static Finding gatewaySubnet(RuleContext context, GatewaySubnets gateways, Subnet subnet) {
    Topology topology = context.topology();
    String gatewayNames = String.join(", ", gateways.gatewaysIn(subnet));
    List<String> others = new ArrayList<>();
    Set<Resource> seen = new LinkedHashSet<>();
    for (IpConfiguration configuration : subnet.ipConfigurations()) {
      seen.add(configuration.resource());
      String vm = configuration.networkInterface().flatMap(NetworkInterface::virtualMachine)
          .map(v -> " of VM " + v.name()).orElse("");
      others.add("NIC " + configuration.networkInterface().map(NetworkInterface::name).orElse(configuration.name()) + vm);
    }
    // The subnet's own list also names IP configurations of NICs outside the audited scope.
    for (JsonNode entry : subnet.get("properties.ipConfigurations")) {
      String id = entry.path("id").asText("");
      Optional<Resource> found = topology.find(id);
      if (!id.isBlank() && (found.isEmpty() || !seen.contains(found.get()))) {
        found.ifPresent(seen::add);
        others.add("IP configuration " + id + (found.isEmpty() ? " (not in the topology)" : ""));
      }
    }
    for (PrivateEndpoint endpoint : PrivateEndpoint.all(topology)) {
      if (endpoint.subnet().filter(subnet::equals).isPresent()) {
        others.add("private endpoint " + endpoint.name());
      }
    }
    for (PostgresFlexibleServer server : PostgresFlexibleServer.all(topology)) {
      if (server.delegatedSubnet().filter(subnet::equals).isPresent()) {
        others.add("PostgreSQL server " + server.name());
      }
    }
    for (NetAppVolume volume : NetAppVolume.all(topology)) {
      if (volume.subnet().filter(subnet::equals).isPresent()) {
        others.add("NetApp volume " + volume.name());
      }
    }
    for (String service : subnet.delegations()) {
      if (!service.equalsIgnoreCase(APPLICATION_GATEWAY_DELEGATION)) {
        others.add("a delegation to " + service);
      }
    }
    if (others.isEmpty()) {
      return context.pass(subnet.resource(), "Subnet " + subnet.name() + " holds Application Gateway " + gatewayNames
          + " and nothing else.", new Evidence("contents", "application gateways only", "application gateways only"));
    }
    return context.fail(subnet.resource(), "Subnet " + subnet.name() + " of Application Gateway " + gatewayNames
        + " also holds " + String.join(", ", others) + ", so the public-facing tier is not set apart.",
        new Evidence("contents", "application gateways only", String.join(", ", others)));
  }

  private static Finding node(RuleContext context, GatewaySubnets gateways, ConnectNode node) {
    List<Placed> placed = new ArrayList<>();
    for (NetworkInterface nic : node.vm().networkInterfaces()) {
      for (IpConfiguration configuration : nic.ipConfigurations()) {
        String where = nic.name() + "/" + configuration.name();
        placed.add(configuration.subnet()
            .map(subnet -> Placed.in(where, subnet))
            .orElseGet(() -> Placed.unresolved(where, configuration.text("properties.subnet.id").orElse(null))));
      }
    }
    if (placed.isEmpty()) {
      return context.unknown(node.vm().resource(), "Connect node " + node.vm().name()
          + " has no NIC IP configuration in the topology, so its subnet is not known.",
          Evidence.absent("properties.networkProfile.networkInterfaces", "a NIC in a private subnet"));
    }
    return judge(context, gateways, node.vm().resource(), "Connect node " + node.vm().name(), placed);
  }

  private static Finding database(RuleContext context, GatewaySubnets gateways, PostgresFlexibleServer server) {
    List<Placed> placed = new ArrayList<>();
    server.delegatedSubnet().ifPresentOrElse(
        subnet -> placed.add(Placed.in("delegated subnet", subnet)),
        () -> server.text(Relation.POSTGRES_DELEGATED_SUBNET.path())
            .ifPresent(id -> placed.add(Placed.unresolved("delegated subnet", id))));
    for (PrivateEndpoint endpoint : server.privateEndpoints()) {
      String where = "private endpoint " + endpoint.name();
      placed.add(endpoint.subnet().map(subnet -> Placed.in(where, subnet))
          .orElseGet(() -> Placed.unresolved(where, endpoint.text("properties.subnet.id").orElse(null))));
    }
    int missingEndpoints = server.get("properties.privateEndpointConnections").size() - server.privateEndpoints().size();
    if (missingEndpoints > 0) {
      placed.add(Placed.unresolved(missingEndpoints == 1 ? "private endpoint" : missingEndpoints + " private endpoints",
          missingEndpoints + " listed in properties.privateEndpointConnections but not in the topology"));
    }
    if (placed.isEmpty()) {
      return context.fail(server.resource(), "PostgreSQL server " + server.name()
          + " has neither a delegated subnet nor a private endpoint, so it sits in no private subnet.",
          Evidence.absent("properties.network.delegatedSubnetResourceId", "a private subnet (delegated or private endpoint)"));
    }
    return judge(context, gateways, server.resource(), "PostgreSQL server " + server.name(), placed);
  }

  private static Finding volume(RuleContext context, GatewaySubnets gateways, NetAppVolume volume) {
    Placed placed = volume.subnet().map(subnet -> Placed.in("subnet", subnet))
        .orElseGet(() -> Placed.unresolved("subnet", volume.text("properties.subnetId").orElse(null)));
    return judge(context, gateways, volume.resource(), "NetApp volume " + volume.name(), List.of(placed));
  }

  /** A tier resource passes when each of its subnets is private and none is the gateway's. */
  private static Finding judge(RuleContext context, GatewaySubnets gateways, Resource subject, String what,
      List<Placed> placements) {
    List<Evidence> evidence = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> doubts = new ArrayList<>();
    for (Placed placed : placements) {
      if (placed.subnet().isEmpty()) {
        evidence.add(new Evidence(placed.where(), "a private subnet in the topology", placed.reference()));
        doubts.add("its " + placed.where() + (placed.where().endsWith("s") ? " are" : " is") + " not in the topology");
        continue;
      }
      Subnet subnet = placed.subnet().get();
      String path = placed.where() + " " + subnet.name() + "." + OUTBOUND;
      if (gateways.contains(subnet)) {
        evidence.add(new Evidence(placed.where(), "a private subnet apart from the gateway's",
            subnet.name() + " (the subnet of Application Gateway " + String.join(", ", gateways.gatewaysIn(subnet)) + ")"));
        failures.add("its " + placed.where() + " " + subnet.name() + " is the Application Gateway's subnet");
        continue;
      }
      Optional<JsonNode> outbound = Optional.of(subnet.get(OUTBOUND)).filter(node -> !node.isMissingNode());
      evidence.add(new Evidence(path, "false", outbound.map(JsonNode::asText).orElse(null)));
      if (outbound.isEmpty()) {
        doubts.add("its " + placed.where() + " " + subnet.name() + " does not state defaultOutboundAccess, so it is"
            + " not known to be private (subnets created before API 2023-05-01 keep default outbound access)");
      } else if (!outbound.get().isBoolean()) {
        doubts.add("its " + placed.where() + " " + subnet.name() + " states defaultOutboundAccess as "
            + outbound.get().asText() + ", which is not recognised");
      } else if (outbound.get().asBoolean()) {
        failures.add("its " + placed.where() + " " + subnet.name() + " keeps default outbound access, so it is not a private subnet");
      }
    }
    Evidence[] all = evidence.toArray(Evidence[]::new);
    if (!failures.isEmpty()) {
      return context.fail(subject, what + " is not in a private subnet apart from the gateway: "
          + String.join("; ", failures) + ".", all);
    }
    if (!doubts.isEmpty()) {
      return context.unknown(subject, what + " cannot be shown to sit in a private subnet: " + String.join("; ", doubts) + ".", all);
    }
    List<String> names = placements.stream().map(p -> p.subnet().get().name()).distinct().toList();
    return context.pass(subject, what + " sits in private subnet " + String.join(", ", names)
        + ", apart from the Application Gateway.", all);
  }

  /** Where a tier resource sits: a subnet of the topology, or the reference to one that is not. */
  private record Placed(String where, Optional<Subnet> subnet, String reference) {

    static Placed in(String where, Subnet subnet) {
      return new Placed(where, Optional.of(subnet), null);
    }

    static Placed unresolved(String where, String reference) {
      return new Placed(where, Optional.empty(), reference);
    }
  }
}
