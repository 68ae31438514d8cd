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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Losing the database loses every Connect user, permission and schedule; the reference asks for
 * proper backup and disaster recovery, which on Azure means a useful retention and a copy outside
 * the region.
 */
@RuleDefinition(
    id = "PCHA-PG-06",
    name = "Connect.Database.Backup",
    summary = "The PostgreSQL flexible server keeps backups for at least 7 days and stores them geo-redundantly.",
    severity = Severity.MEDIUM,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Resiliency and availability: \"We recommend using proper backup and disaster recovery procedures with the database and Azure NetApp Files instances of the cluster.\"",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore",
        "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.PostgreSQL.GeoRedundantBackup/"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minRetentionDays", type = ParameterType.INTEGER, defaultValue = "7",
            description = "The fewest days of backup retention (properties.backup.backupRetentionDays) that pass."),
        @RuleDefinition.Parameter(name = "requireGeoRedundant", type = ParameterType.BOOLEAN, defaultValue = "true",
            description = "Also require properties.backup.geoRedundantBackup to be Enabled.")
    },
    psrule = {"Azure.PostgreSQL.GeoRedundantBackup"},
    checkov = {"CKV_AZURE_136"})
public final class PostgresBackup implements Rule {

  private static final String RETENTION = "properties.backup.backupRetentionDays";
  private static final String GEO = "properties.backup.geoRedundantBackup";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minimum = context.integer("minRetentionDays");
    boolean geo = context.flag("requireGeoRedundant");
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(context.topology());
    if (servers.isEmpty()) {
      return List.of(context.missing("a PostgreSQL flexible server",
          "No Azure Database for PostgreSQL flexible server is in scope, so there are no database backups to check."));
    }
    return servers.stream().map(server -> check(context, server, minimum, geo)).toList();
  }

  private static Finding check(RuleContext context, PostgresFlexibleServer server, long minimum, boolean geo) {
    String what = "PostgreSQL server " + server.name();
    List<String> failures = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();

    Optional<Long> days = server.resource().number(RETENTION);
    evidence.add(new Evidence(RETENTION, ">= " + minimum, days.map(String::valueOf).orElse(null)));
    if (days.isEmpty()) {
      unknowns.add("its backup retention is not stated");
    } else if (days.get() < minimum) {
      failures.add("keeps backups for " + days.get() + " days, fewer than " + minimum);
    }

    if (geo) {
      Optional<String> redundancy = server.text(GEO);
      evidence.add(new Evidence(GEO, "Enabled", redundancy.orElse(null)));
      if (redundancy.isEmpty()) {
        unknowns.add("whether backups are geo-redundant is not stated");
      } else if (redundancy.get().equalsIgnoreCase("Disabled")) {
        failures.add("keeps its backups in one region only (geo-redundant backup disabled)");
      } else if (!redundancy.get().equalsIgnoreCase("Enabled")) {
        unknowns.add("its geo-redundant backup value is unrecognised");
      }
    }

    Evidence[] all = evidence.toArray(Evidence[]::new);
    if (!failures.isEmpty()) {
      return context.fail(server.resource(), what + " " + String.join(" and ", failures) + ".", all);
    }
    if (!unknowns.isEmpty()) {
      return context.unknown(server.resource(), what + "'s backups cannot be judged: " + String.join("; ", unknowns) + ".", all);
    }
    return context.pass(server.resource(), what + " keeps backups for " + days.get() + " days"
        + (geo ? ", geo-redundantly." : "."), all);
  }
}
