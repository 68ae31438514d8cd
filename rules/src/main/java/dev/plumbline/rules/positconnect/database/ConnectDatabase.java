package dev.plumbline.rules.positconnect.database;

import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.nodes.ConnectNodeFacts;
import dev.plumbline.rules.positconnect.nodes.NodeFacts;
import dev.plumbline.rules.positconnect.nodes.NodeFactsMatch;
import dev.plumbline.rules.positconnect.nodes.PostgresUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connect HA keeps all its metadata in one shared PostgreSQL database; without it, or with the
 * nodes pointed somewhere else, there is no cluster to audit.
 */
@RuleDefinition(
    id = "PCHA-PG-01",
    name = "Connect.Database.Server",
    summary = "An Azure Database for PostgreSQL flexible server is in scope and, where node facts name one, it is the server Connect's Postgres.URL points at.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Architectural overview: \"Azure Database for PostgreSQL, serving as the application database for Connect\"",
        "Posit Connect HA checklist: \"All nodes in the cluster must use the same PostgreSQL database.\" (https://docs.posit.co/connect/admin/load-balancing/)",
        "https://docs.posit.co/connect/admin/database/postgres/",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/overview"
    })
public final class ConnectDatabase implements Rule {

  static final String URL_SETTING = "postgres.url";
  private static final String FQDN = "properties.fullyQualifiedDomainName";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    Topology topology = context.topology();
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(topology);
    if (servers.isEmpty()) {
      return List.of(context.missing("a PostgreSQL flexible server",
          "No Azure Database for PostgreSQL flexible server is in scope, so Connect has no shared database to run HA on."));
    }
    // Only facts tied to the Connect nodes count; a node without Postgres.URL is CFG-01's to report.
    List<NodeFactsMatch> withUrl = ConnectNodeFacts.in(context).withFacts().stream()
        .filter(match -> match.facts().orElseThrow().effectiveSetting(URL_SETTING).isPresent())
        .toList();
    if (withUrl.isEmpty()) {
      return servers.stream().map(server -> context.pass(server.resource(), "PostgreSQL flexible server " + server.name()
          + " is in scope; no node facts name Connect's database, so it is not matched against Postgres.URL.",
          // The canonical type name, not the input's casing, so every input shape gives the same evidence.
          new Evidence("type", ResourceType.POSTGRES_FLEXIBLE_SERVER.name(), ResourceType.POSTGRES_FLEXIBLE_SERVER.name())))
          .toList();
    }
    boolean someServerUnnamed = servers.stream().anyMatch(server -> fqdn(server).isEmpty());
    Map<PostgresFlexibleServer, List<String>> pointedAt = new LinkedHashMap<>();
    List<Finding> others = new ArrayList<>();
    for (NodeFactsMatch match : withUrl) {
      NodeFacts facts = match.facts().orElseThrow();
      String path = facts.path("config.settings." + URL_SETTING) + " host";
      String expected = "the FQDN of a PostgreSQL flexible server in scope";
      Optional<String> host = PostgresUrl.host(facts.effectiveSetting(URL_SETTING).orElseThrow());
      if (host.isEmpty()) {
        others.add(context.unknown(match.subject(), match.label() + " has a Postgres.URL that names no host, so it"
            + " cannot be told which server Connect uses.", Evidence.absent(path, expected)));
        continue;
      }
      Evidence evidence = new Evidence(path, expected, host.get());
      Optional<PostgresFlexibleServer> server = servers.stream()
          .filter(candidate -> fqdn(candidate).filter(name -> PostgresUrl.names(host.get(), name)).isPresent())
          .findFirst();
      if (server.isPresent()) {
        pointedAt.computeIfAbsent(server.get(), k -> new ArrayList<>()).add(match.name());
      } else if (someServerUnnamed) {
        others.add(context.unknown(match.subject(), match.label() + " points Connect at host " + host.get()
            + ", which matches no server's FQDN, but a server in scope does not state its FQDN.", evidence));
      } else {
        others.add(context.fail(match.subject(), match.label() + " points Connect at host " + host.get()
            + ", which is not a PostgreSQL flexible server in scope.", evidence));
      }
    }
    List<Finding> findings = new ArrayList<>();
    pointedAt.forEach((server, nodes) -> findings.add(context.pass(server.resource(), "PostgreSQL flexible server "
        + server.name() + " is the database Connect points at on " + String.join(", ", nodes) + ".",
        new Evidence(FQDN, "the host of Postgres.URL on " + String.join(", ", nodes), fqdn(server).orElseThrow()))));
    findings.addAll(others);
    return findings;
  }

  private static Optional<String> fqdn(PostgresFlexibleServer server) {
    return server.text(FQDN).flatMap(PostgresUrl::normalized);
  }
}
