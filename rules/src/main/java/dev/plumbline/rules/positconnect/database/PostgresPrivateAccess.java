package dev.plumbline.rules.positconnect.database;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.model.network.PrivateEndpoint;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.database.ConnectNetwork.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database holds every Connect user, permission and content record; the reference keeps it in
 * a private subnet, reachable from the nodes and from nowhere on the internet.
 */
@RuleDefinition(
    id = "PCHA-PG-05",
    name = "Connect.Database.PrivateAccess",
    summary = "The PostgreSQL flexible server has public network access disabled and is reached privately from the Connect VNet, through a delegated subnet or an approved private endpoint.",
    severity = Severity.HIGH,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Networking: \"The database instance, NetApp Files, and the virtual machine instances are located within the private subnets\"",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private-link"
    })
public final class PostgresPrivateAccess implements Rule {

  static final String DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";
  private static final String PUBLIC_ACCESS = "properties.network.publicNetworkAccess";
  private static final String DELEGATED_SUBNET = "properties.network.delegatedSubnetResourceId";
  private static final String ENDPOINTS = "properties.privateEndpointConnections";
  private static final String PRIVATE_PATH = "reachable from the Connect VNet or a VNet peered with it";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(context.topology());
    if (servers.isEmpty()) {
      return List.of(context.missing("a PostgreSQL flexible server",
          "No Azure Database for PostgreSQL flexible server is in scope, so there is no private database to check."));
    }
    ConnectNetwork network = ConnectNetwork.of(context);
    return servers.stream().map(server -> check(context, network, server)).toList();
  }

  private static Finding check(RuleContext context, ConnectNetwork network, PostgresFlexibleServer server) {
    String what = "PostgreSQL server " + server.name();
    Optional<String> access = server.text(PUBLIC_ACCESS);
    Evidence accessEvidence = new Evidence(PUBLIC_ACCESS, "Disabled", access.orElse(null));
    if (access.isEmpty()) {
      return context.unknown(server.resource(), what + " does not state whether public network access is enabled.",
          accessEvidence);
    }
    if (access.get().equalsIgnoreCase("Enabled")) {
      return context.fail(server.resource(), what + " accepts connections from the internet: public network access"
          + " is enabled.", accessEvidence);
    }
    if (!access.get().equalsIgnoreCase("Disabled")) {
      return context.unknown(server.resource(), what + " names an unrecognised public network access value.",
          accessEvidence);
    }
    Paths paths = new Paths();
    Evidence subnetEvidence = delegatedSubnet(server, network, paths);
    Evidence endpointEvidence = privateEndpoints(context.topology(), server, network, paths);
    Evidence[] evidence = {accessEvidence, subnetEvidence, endpointEvidence};
    if (!paths.confirmed.isEmpty()) {
      return context.pass(server.resource(), what + " has public access disabled and is reached privately through "
          + String.join(" and ", paths.confirmed) + ".", evidence);
    }
    if (!paths.undecided.isEmpty()) {
      return context.unknown(server.resource(), what + " has public access disabled, but whether the Connect nodes reach"
          + " it privately cannot be told: " + String.join("; ", paths.undecided) + ".", evidence);
    }
    return context.fail(server.resource(), what + " has public access disabled but no private path from the Connect"
        + " nodes: " + (paths.refused.isEmpty() ? "it has neither a delegated subnet nor a private endpoint"
            : String.join("; ", paths.refused)) + ".", evidence);
  }

  /** The private paths found, sorted by what they show. */
  private static final class Paths {
    final List<String> confirmed = new ArrayList<>();
    final List<String> undecided = new ArrayList<>();
    final List<String> refused = new ArrayList<>();

    void add(Placement placement, String subject) {
      String text = subject + " " + placement.explanation();
      switch (placement.reach()) {
        case SAME_NETWORK, PEERED -> confirmed.add(text);
        case UNKNOWN -> undecided.add(text);
        case ELSEWHERE -> refused.add(text);
      }
    }
  }

  private static Evidence delegatedSubnet(PostgresFlexibleServer server, ConnectNetwork network, Paths paths) {
    String expected = "a subnet delegated to " + DELEGATION + ", " + PRIVATE_PATH;
    if (server.text(DELEGATED_SUBNET).isEmpty()) {
      return Evidence.absent(DELEGATED_SUBNET, expected);
    }
    Optional<Subnet> found = server.delegatedSubnet();
    if (found.isEmpty()) {
      paths.undecided.add("its delegated subnet is not in the topology");
      return new Evidence(DELEGATED_SUBNET, expected, "a subnet that is not in the topology");
    }
    Subnet subnet = found.get();
    if (!subnet.isDelegatedTo(DELEGATION)) {
      paths.refused.add("subnet " + subnet.name() + " is not delegated to " + DELEGATION);
      return new Evidence(DELEGATED_SUBNET, expected, subnet.name() + ", not delegated to " + DELEGATION);
    }
    Placement placement = network.place(subnet);
    paths.add(placement, "delegated subnet " + subnet.name());
    return new Evidence(DELEGATED_SUBNET, expected, subnet.name() + " " + placement.explanation());
  }

  private static Evidence privateEndpoints(Topology topology, PostgresFlexibleServer server, ConnectNetwork network,
      Paths paths) {
    String expected = "an approved private endpoint " + PRIVATE_PATH;
    List<PrivateEndpoint> endpoints = server.privateEndpoints();
    if (endpoints.isEmpty()) {
      return Evidence.absent(ENDPOINTS, expected);
    }
    List<String> actual = new ArrayList<>();
    for (PrivateEndpoint endpoint : endpoints) {
      String subject = "private endpoint " + endpoint.name();
      List<String> statuses = connectionStatuses(topology, server.resource(), endpoint.resource());
      if (statuses.stream().noneMatch("Approved"::equalsIgnoreCase)) {
        String reason = statuses.isEmpty() ? subject + " does not state its connection status"
            : subject + " is " + String.join("/", statuses) + ", not Approved";
        (statuses.isEmpty() ? paths.undecided : paths.refused).add(reason);
        actual.add(reason);
        continue;
      }
      Optional<Subnet> subnet = endpoint.subnet();
      if (subnet.isEmpty()) {
        paths.undecided.add(subject + " sits in a subnet that is not in the topology");
        actual.add(subject + " in an unknown subnet");
        continue;
      }
      Placement placement = network.place(subnet.get());
      paths.add(placement, subject + " (subnet " + subnet.get().name() + ")");
      actual.add(subject + " in subnet " + subnet.get().name() + " " + placement.explanation());
    }
    return new Evidence(ENDPOINTS, expected, String.join("; ", actual));
  }

  /**
   * The connection statuses stated for one endpoint, on the server's side and on the endpoint's;
   * ids are compared by resolving them through the topology.
   */
  private static List<String> connectionStatuses(Topology topology, Resource server, Resource endpoint) {
    List<String> statuses = new ArrayList<>();
    for (JsonNode connection : server.get(ENDPOINTS)) {
      JsonNode properties = connection.path("properties");
      if (refersTo(topology, properties.path("privateEndpoint").path("id"), endpoint)) {
        status(properties).ifPresent(statuses::add);
      }
    }
    for (String list : List.of("properties.privateLinkServiceConnections", "properties.manualPrivateLinkServiceConnections")) {
      for (JsonNode connection : endpoint.get(list)) {
        JsonNode properties = connection.path("properties");
        if (refersTo(topology, properties.path("privateLinkServiceId"), server)) {
          status(properties).ifPresent(statuses::add);
        }
      }
    }
    return statuses.stream().distinct().toList();
  }

  private static boolean refersTo(Topology topology, JsonNode id, Resource target) {
    return id.isTextual() && topology.find(id.asText()).filter(target::equals).isPresent();
  }

  private static Optional<String> status(JsonNode connectionProperties) {
    JsonNode status = connectionProperties.path("privateLinkServiceConnectionState").path("status");
    return status.isTextual() && !status.asText().isBlank() ? Optional.of(status.asText()) : Optional.empty();
  }
}
