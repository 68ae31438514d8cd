package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceConditions.when;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.atLeast;
import static dev.plumbline.core.rule.dsl.ValueConditions.oneOfKnown;

import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.dsl.ResourceRule;
import dev.plumbline.core.rule.dsl.Setting;
import java.util.List;

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

  private static final ResourceRule RULE = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
      .should(haveProperty("properties.backup.backupRetentionDays", atLeast(Setting.integer("minRetentionDays"))))
      .andShould(when(Setting.flag("requireGeoRedundant"),
          haveProperty("properties.backup.geoRedundantBackup", oneOfKnown(List.of("Enabled"), List.of("Disabled")))))
      .because("losing the database loses every Connect user, permission and schedule, and only a copy outside"
          + " the region survives losing the region");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    return RULE.evaluate(context);
  }
}
