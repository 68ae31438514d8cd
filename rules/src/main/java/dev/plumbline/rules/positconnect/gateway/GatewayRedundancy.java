package dev.plumbline.rules.positconnect.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.util.ArrayList;
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

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<ApplicationGateway> gateways = ApplicationGateway.all(context.topology());
    if (gateways.isEmpty()) {
      return List.of(context.missing("an Application Gateway",
          "No Application Gateway is in scope, so nothing zone-redundant stands in front of the Connect nodes."));
    }
    long minZones = context.integer("minZones");
    long minInstances = context.integer("minInstances");
    List<Finding> findings = new ArrayList<>();
    for (ApplicationGateway gateway : gateways) {
      List<Check> checks = List.of(sku(gateway), zones(gateway, minZones), instances(gateway, minInstances));
      Evidence[] evidence = checks.stream().map(Check::evidence).toArray(Evidence[]::new);
      String where = "Application Gateway " + gateway.name();
      List<String> failed = checks.stream().filter(c -> c.status() == Status.FAIL).map(Check::said).toList();
      List<String> unknown = checks.stream().filter(c -> c.status() == Status.UNKNOWN).map(Check::said).toList();
      if (!failed.isEmpty()) {
        findings.add(context.fail(gateway.resource(), where + " " + String.join(" and ", failed)
            + ", short of a v2 gateway across " + minZones + " zones with " + minInstances
            + " instances, so one failure can take all ingress to Connect down.", evidence));
      } else if (!unknown.isEmpty()) {
        findings.add(context.unknown(gateway.resource(), where + " " + String.join(" and ", unknown)
            + ", so its redundancy cannot be verified.", evidence));
      } else {
        findings.add(context.pass(gateway.resource(), where + " is " + checks.get(0).said() + ", "
            + checks.get(1).said() + " and " + checks.get(2).said() + ".", evidence));
      }
    }
    return findings;
  }

  private static Check sku(ApplicationGateway gateway) {
    Optional<String> tier = gateway.text("properties.sku.tier");
    Optional<String> name = gateway.skuName();
    // The tier names the generation most directly; the name stands in when the tier is absent.
    String path = tier.isPresent() ? "properties.sku.tier" : "properties.sku.name";
    Optional<String> value = tier.or(() -> name);
    Evidence evidence = new Evidence(path, "Standard_v2 or WAF_v2", value.orElse(null));
    if (value.isEmpty()) {
      return new Check(Status.UNKNOWN, "states no SKU tier or name", evidence);
    }
    Set<String> stated = new LinkedHashSet<>();
    tier.ifPresent(t -> stated.add(t.toLowerCase(Locale.ROOT)));
    name.ifPresent(n -> stated.add(n.toLowerCase(Locale.ROOT)));
    if (stated.stream().anyMatch(NOT_V2::contains)) {
      return new Check(Status.FAIL, "runs SKU " + value.get() + " rather than Standard_v2 or WAF_v2", evidence);
    }
    if (V2.containsAll(stated)) {
      return new Check(Status.PASS, "a " + value.get() + " gateway", evidence);
    }
    return new Check(Status.UNKNOWN, "runs SKU " + value.get() + ", which is not recognised", evidence);
  }

  private static Check zones(ApplicationGateway gateway, long minZones) {
    JsonNode listed = gateway.get("zones");
    Set<String> zones = new LinkedHashSet<>(gateway.zones());
    Evidence evidence = new Evidence("zones", ">= " + minZones + " zones",
        listed.isArray() ? "[" + String.join(", ", zones) + "]" : null);
    if (!listed.isArray()) {
      return new Check(Status.UNKNOWN, "states no availability zones", evidence);
    }
    return zones.size() >= minZones
        ? new Check(Status.PASS, "spans zones " + String.join(", ", zones), evidence)
        : new Check(Status.FAIL, zones.isEmpty() ? "is pinned to no availability zone"
            : "spans only zone(s) " + String.join(", ", zones), evidence);
  }

  private static Check instances(ApplicationGateway gateway, long minInstances) {
    // With autoscale, minCapacity is the floor; sku.capacity only counts for a fixed-size gateway.
    Optional<Long> autoscale = gateway.minCapacity();
    Optional<Long> fixed = gateway.capacity();
    String path = autoscale.isPresent() || fixed.isEmpty() ? "properties.autoscaleConfiguration.minCapacity" : "properties.sku.capacity";
    Optional<Long> count = autoscale.or(() -> fixed);
    Evidence evidence = new Evidence(path, ">= " + minInstances, count.map(String::valueOf).orElse(null));
    if (count.isEmpty()) {
      return new Check(Status.UNKNOWN, "states neither an autoscale minimum nor a fixed capacity", evidence);
    }
    return count.get() >= minInstances
        ? new Check(Status.PASS, "keeps at least " + count.get() + " instances", evidence)
        : new Check(Status.FAIL, "may run on " + count.get() + " instance(s)", evidence);
  }

  /** The outcome of one property of the gateway, in words that complete "Application Gateway X ...". */
  private record Check(Status status, String said, Evidence evidence) {}
}
