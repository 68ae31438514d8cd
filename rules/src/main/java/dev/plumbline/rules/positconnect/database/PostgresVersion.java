package dev.plumbline.rules.positconnect.database;

import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.util.List;

/** The reference architecture was built and tested on PostgreSQL 16. */
@RuleDefinition(
    id = "PCHA-PG-02",
    name = "Connect.Database.Version",
    summary = "The Azure Database for PostgreSQL flexible server runs major version 16.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Database: \"running the latest minor version of PostgreSQL 16\"",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-supported-versions"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "allowedVersions", type = ParameterType.LIST, defaultValue = "16",
            description = "The major versions that pass, comma-separated.")
    })
public final class PostgresVersion implements Rule {

  private static final String PATH = "properties.version";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<String> allowed = context.list("allowedVersions");
    String expected = String.join(" or ", allowed);
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(context.topology());
    if (servers.isEmpty()) {
      return List.of(context.missing("a PostgreSQL flexible server",
          "No Azure Database for PostgreSQL flexible server is in scope; Connect's HA setup needs one."));
    }
    return servers.stream().map(server -> server.version()
        .map(version -> {
          String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
          Evidence evidence = new Evidence(PATH, expected, version);
          return allowed.contains(major)
              ? context.pass(server.resource(), "PostgreSQL server " + server.name() + " runs major version " + major + ".", evidence)
              : context.fail(server.resource(), "PostgreSQL server " + server.name() + " runs major version " + major
                  + ", not " + expected + ".", evidence);
        })
        .orElseGet(() -> context.unknown(server.resource(),
            "PostgreSQL server " + server.name() + " does not state its version.", Evidence.absent(PATH, expected))))
        .toList();
  }
}
