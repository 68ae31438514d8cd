package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.majorVersionIn;

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

  private static final ResourceRule RULE = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
      .should(haveProperty("properties.version", majorVersionIn(Setting.list("allowedVersions"))))
      .because("the reference architecture was built and tested on PostgreSQL 16");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    return RULE.evaluate(context);
  }
}
