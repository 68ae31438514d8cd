package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.atLeast;

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

  private static final ResourceRule RULE = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
      .should(haveProperty("properties.storage.storageSizeGB", atLeast(Setting.integer("minStorageGb"))))
      .because("at 95% used the server turns read-only, and Connect with it");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    return RULE.evaluate(context);
  }
}
