package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceConditions.inOrder;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
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
import dev.plumbline.core.rule.dsl.ValueCondition;
import dev.plumbline.core.rule.dsl.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Connect node's requests wait on this one server; the reference ran it on a dedicated
 * Standard_D4ds_v4, and a burstable server runs out of CPU credits under sustained load.
 */
@RuleDefinition(
    id = "PCHA-PG-04",
    name = "Connect.Database.Compute",
    summary = "The PostgreSQL flexible server runs on the General Purpose or Memory Optimized tier with at least the 4 vCores of the reference Standard_D4ds_v4.",
    severity = Severity.MEDIUM,
    pillar = Pillar.PERFORMANCE,
    references = {
        "Reference architecture, Database: \"an Azure Database for PostgreSQL instance with PostgreSQL running on a Standard_D4ds_v4 instance\"",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-compute"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minVcores", type = ParameterType.INTEGER, defaultValue = "4",
            description = "The fewest vCores (read from sku.name) that pass.")
    })
public final class PostgresCompute implements Rule {

  /** ARM compute names such as {@code Standard_D4ds_v4}, {@code Standard_E8ds_v5}, {@code Standard_B2s}: the vCores follow the series letter. */
  private static final Pattern COMPUTE_NAME = Pattern.compile("(?i)^(?:standard_)?[a-z]{1,3}(\\d+)[a-z]*(?:_v\\d+)?$");

  private static final Setting<Long> MIN_VCORES = Setting.integer("minVcores");

  /** A compute name whose vCores cannot be read is UNKNOWN: the size may well be large enough. */
  private static final ValueCondition ENOUGH_VCORES = ValueCondition.of(
      context -> "naming a size with at least " + MIN_VCORES.describe(context, String::valueOf) + " vCores",
      context -> "a compute size with >= " + MIN_VCORES.describe(context, String::valueOf) + " vCores",
      (value, context) -> (value.isValueNode() ? vcores(value.asText()) : Optional.<Long>empty())
          .map(vcores -> vcores >= MIN_VCORES.resolve(context) ? Verdict.HOLDS : Verdict.VIOLATED)
          .orElse(Verdict.UNDECIDED));

  // The size only counts on a tier meant for production: a Burstable server fails whatever its size,
  // and on a tier the rule does not know, a short size must not turn an UNKNOWN into a FAIL.
  private static final ResourceRule RULE = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
      .should(inOrder(
          haveProperty("sku.tier", oneOfKnown(List.of("GeneralPurpose", "MemoryOptimized"), List.of("Burstable"))),
          haveProperty("sku.name", ENOUGH_VCORES)))
      .because("every Connect node's requests wait on this one server, and a burstable server runs out of CPU"
          + " credits under sustained load");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    return RULE.evaluate(context);
  }

  /** The vCores a compute name states, e.g. 4 for {@code Standard_D4ds_v4}. */
  static Optional<Long> vcores(String computeName) {
    Matcher matcher = COMPUTE_NAME.matcher(computeName.trim());
    return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }
}
