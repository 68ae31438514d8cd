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

/** At 95% used the server turns read-only, and Connect with it. */
@RuleDefinition(
    id = "PCHA-PG-03",
    name = "Connect.Database.Storage",
    summary = "The PostgreSQL flexible server has at least 64 GB of storage provisioned.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Database: \"provisioned with a minimum of 64 GB of storage\"",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-storage"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minStorageGb", type = ParameterType.INTEGER, defaultValue = "64",
            description = "The least storage, in GB (properties.storage.storageSizeGB), that passes.")
    })
public final class PostgresStorage implements Rule {

  private static final String PATH = "properties.storage.storageSizeGB";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minimum = context.integer("minStorageGb");
    String expected = ">= " + minimum;
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(context.topology());
    if (servers.isEmpty()) {
      return List.of(context.missing("a PostgreSQL flexible server",
          "No Azure Database for PostgreSQL flexible server is in scope, so there is no storage to check."));
    }
    return servers.stream().map(server -> server.storageSizeGb()
        .map(size -> {
          Evidence evidence = new Evidence(PATH, expected, String.valueOf(size));
          return size >= minimum
              ? context.pass(server.resource(), "PostgreSQL server " + server.name() + " has " + size + " GB of storage.", evidence)
              : context.fail(server.resource(), "PostgreSQL server " + server.name() + " has " + size
                  + " GB of storage, less than the " + minimum + " GB required.", evidence);
        })
        .orElseGet(() -> context.unknown(server.resource(), "PostgreSQL server " + server.name()
            + " does not state its storage size, so it cannot be told whether it has " + minimum + " GB.",
            Evidence.absent(PATH, expected))))
        .toList();
  }
}
