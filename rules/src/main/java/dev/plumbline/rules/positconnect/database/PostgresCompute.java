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

  private static final String TIER = "sku.tier";
  private static final String NAME = "sku.name";

  /** ARM compute names such as {@code Standard_D4ds_v4}, {@code Standard_E8ds_v5}, {@code Standard_B2s}: the vCores follow the series letter. */
  private static final Pattern COMPUTE_NAME = Pattern.compile("(?i)^(?:standard_)?[a-z]{1,3}(\\d+)[a-z]*(?:_v\\d+)?$");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minimum = context.integer("minVcores");
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(context.topology());
    if (servers.isEmpty()) {
      return List.of(context.missing("a PostgreSQL flexible server",
          "No Azure Database for PostgreSQL flexible server is in scope, so there is no database compute to check."));
    }
    return servers.stream().map(server -> check(context, server, minimum)).toList();
  }

  private static Finding check(RuleContext context, PostgresFlexibleServer server, long minimum) {
    String what = "PostgreSQL server " + server.name();
    String expectedTier = "GeneralPurpose or MemoryOptimized";
    String expectedName = "a compute size with >= " + minimum + " vCores";
    Optional<String> tier = server.text(TIER);
    Optional<String> name = server.text(NAME);
    Evidence tierEvidence = new Evidence(TIER, expectedTier, tier.orElse(null));
    Evidence nameEvidence = new Evidence(NAME, expectedName, name.orElse(null));
    if (tier.isEmpty()) {
      return context.unknown(server.resource(), what + " does not state its compute tier, so its compute cannot be judged.",
          tierEvidence, nameEvidence);
    }
    if (tier.get().equalsIgnoreCase("Burstable")) {
      return context.fail(server.resource(), what + " runs on the Burstable tier, which is not meant for sustained"
          + " production load.", tierEvidence, nameEvidence);
    }
    if (!tier.get().equalsIgnoreCase("GeneralPurpose") && !tier.get().equalsIgnoreCase("MemoryOptimized")) {
      return context.unknown(server.resource(), what + " names an unrecognised compute tier.", tierEvidence, nameEvidence);
    }
    Optional<Long> vcores = name.flatMap(PostgresCompute::vcores);
    if (vcores.isEmpty()) {
      return context.unknown(server.resource(), what + (name.isEmpty() ? " does not state its compute size"
          : " has a compute size whose vCores cannot be read") + ", so it cannot be told whether it has "
          + minimum + " vCores.", tierEvidence, nameEvidence);
    }
    if (vcores.get() < minimum) {
      return context.fail(server.resource(), what + " has " + vcores.get() + " vCores (" + name.get() + "), fewer than the "
          + minimum + " required.", tierEvidence, nameEvidence);
    }
    return context.pass(server.resource(), what + " runs " + name.get() + " (" + vcores.get() + " vCores) on the "
        + tier.get() + " tier.", tierEvidence, nameEvidence);
  }

  /** The vCores a compute name states, e.g. 4 for {@code Standard_D4ds_v4}. */
  static Optional<Long> vcores(String computeName) {
    Matcher matcher = COMPUTE_NAME.matcher(computeName.trim());
    return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }
}
