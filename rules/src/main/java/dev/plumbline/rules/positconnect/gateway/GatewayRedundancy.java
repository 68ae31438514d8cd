package dev.plumbline.rules.positconnect.gateway;

import static dev.plumbline.core.rule.dsl.ResourceRules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.dsl.ConditionResult;
import dev.plumbline.core.rule.dsl.ResourceCondition;
import dev.plumbline.core.rule.dsl.ResourceRule;
import dev.plumbline.core.rule.dsl.Setting;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every request to Connect passes the gateway, so the gateway must survive losing an instance or a
 * zone as well as the nodes behind it do.
 */
@RuleDefinition(
    id = "PCHA-AGW-04",
    name = "Connect.Gateway.Redundancy",
    summary = "The Application Gateway is a v2 SKU (Standard_v2 or WAF_v2) that spans at least two availability zones and keeps at least two instances.",
    severity = Severity.MEDIUM,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Networking: \"utilizing both public and private subnets across multiple availability zones. This setup ensures high availability and fault tolerance for all deployed resources.\"",
        "Reference architecture: \"This architecture is designed to provide high availability and fault tolerance for Connect\"",
        "https://learn.microsoft.com/azure/application-gateway/application-gateway-autoscaling-zone-redundant",
        "https://learn.microsoft.com/azure/application-gateway/overview-v2",
        "https://learn.microsoft.com/azure/application-gateway/migrate-v1-v2"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minZones", type = ParameterType.INTEGER, defaultValue = "2",
            description = "The fewest availability zones the gateway must span."),
        @RuleDefinition.Parameter(name = "minInstances", type = ParameterType.INTEGER, defaultValue = "2",
            description = "The fewest instances the gateway must keep: autoscale minCapacity, or the fixed sku.capacity.")
    },
    psrule = {"Azure.AppGw.MigrateV2", "Azure.AppGw.AvailabilityZone", "Azure.AppGw.MinInstance"})
public final class GatewayRedundancy implements Rule {

  private static final Set<String> V2 = Set.of("standard_v2", "waf_v2");

  /** v1 names and tiers, and the Basic SKU: known, and not what the reference architecture needs. */
  private static final Set<String> NOT_V2 = Set.of(
      "standard", "waf", "basic", "standard_small", "standard_medium", "standard_large", "waf_medium", "waf_large");

  private static final Setting<Long> MIN_ZONES = Setting.integer("minZones");

  private static final Setting<Long> MIN_INSTANCES = Setting.integer("minInstances");

  private static final ResourceRule RULE = resources().ofType(ResourceType.APPLICATION_GATEWAY)
      .should(ResourceCondition.of("run a v2 SKU (Standard_v2 or WAF_v2)", GatewayRedundancy::sku))
      .andShould(ResourceCondition.of(
          context -> "span at least " + MIN_ZONES.describe(context, String::valueOf) + " availability zones",
          GatewayRedundancy::zones))
      .andShould(ResourceCondition.of(
          context -> "keep at least " + MIN_INSTANCES.describe(context, String::valueOf) + " instances",
          GatewayRedundancy::instances))
      .because("every request to Connect passes the gateway, so one failure of it can take all ingress to Connect down");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    return RULE.evaluate(context);
  }

  private static ConditionResult sku(Resource resource, RuleContext context) {
    ApplicationGateway gateway = new ApplicationGateway(resource, context.topology());
    Optional<String> tier = gateway.text("properties.sku.tier");
    Optional<String> name = gateway.skuName();
    // The tier names the generation most directly; the name stands in when the tier is absent.
    String path = tier.isPresent() ? "properties.sku.tier" : "properties.sku.name";
    Optional<String> value = tier.or(() -> name);
    Evidence evidence = new Evidence(path, "Standard_v2 or WAF_v2", value.orElse(null));
    if (value.isEmpty()) {
      return ConditionResult.undecided("states no SKU tier or name", evidence);
    }
    Set<String> stated = new LinkedHashSet<>();
    tier.ifPresent(t -> stated.add(t.toLowerCase(Locale.ROOT)));
    name.ifPresent(n -> stated.add(n.toLowerCase(Locale.ROOT)));
    if (stated.stream().anyMatch(NOT_V2::contains)) {
      return ConditionResult.violated("runs SKU " + value.get() + " rather than Standard_v2 or WAF_v2", evidence);
    }
    if (V2.containsAll(stated)) {
      return ConditionResult.holds("is a " + value.get() + " gateway", evidence);
    }
    return ConditionResult.undecided("runs SKU " + value.get() + ", which is not recognised", evidence);
  }

  private static ConditionResult zones(Resource resource, RuleContext context) {
    long minZones = MIN_ZONES.resolve(context);
    JsonNode listed = resource.get("zones");
    Set<String> zones = new LinkedHashSet<>(resource.zones());
    Evidence evidence = new Evidence("zones", ">= " + minZones + " zones",
        listed.isArray() ? "[" + String.join(", ", zones) + "]" : null);
    if (!listed.isArray()) {
      return ConditionResult.undecided("states no availability zones", evidence);
    }
    return zones.size() >= minZones
        ? ConditionResult.holds("spans zones " + String.join(", ", zones), evidence)
        : ConditionResult.violated(zones.isEmpty() ? "is pinned to no availability zone"
            : "spans only zone(s) " + String.join(", ", zones) + ", fewer than " + minZones, evidence);
  }

  private static ConditionResult instances(Resource resource, RuleContext context) {
    long minInstances = MIN_INSTANCES.resolve(context);
    ApplicationGateway gateway = new ApplicationGateway(resource, context.topology());
    // With autoscale, minCapacity is the floor; sku.capacity only counts for a fixed-size gateway.
    Optional<Long> autoscale = gateway.minCapacity();
    Optional<Long> fixed = gateway.capacity();
    String path = autoscale.isPresent() || fixed.isEmpty() ? "properties.autoscaleConfiguration.minCapacity" : "properties.sku.capacity";
    Optional<Long> count = autoscale.or(() -> fixed);
    Evidence evidence = new Evidence(path, ">= " + minInstances, count.map(String::valueOf).orElse(null));
    if (count.isEmpty()) {
      return ConditionResult.undecided("states neither an autoscale minimum nor a fixed capacity", evidence);
    }
    return count.get() >= minInstances
        ? ConditionResult.holds("keeps at least " + count.get() + " instances", evidence)
        : ConditionResult.violated("may run on " + count.get() + " instance(s), fewer than " + minInstances, evidence);
  }
}
