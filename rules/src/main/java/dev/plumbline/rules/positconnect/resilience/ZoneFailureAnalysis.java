package dev.plumbline.rules.positconnect.resilience;

import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import dev.plumbline.rules.positconnect.gateway.ConnectRoutes;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A what-if over availability zones: for each zone the deployment uses, which tiers keep running
 * when that zone is lost. It reports single-zone points of failure; the reference design itself
 * accepts one (a NetApp Files volume lives in one zone).
 */
@RuleDefinition(
    id = "PCHA-HA-02",
    name = "Connect.Resilience.ZoneLoss",
    summary = "For each availability zone in use, the gateway, the Connect nodes, the database and the shared storage each keep running when that zone is lost.",
    severity = Severity.INFO,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Networking: \"utilizing both public and private subnets across multiple availability zones. This setup ensures high availability and fault tolerance for all deployed resources.\"",
        "Reference architecture, Resiliency and availability: \"This implementation of Connect is resilient to within-AZ failures.\"",
        "https://learn.microsoft.com/azure/reliability/availability-zones-overview",
        "https://learn.microsoft.com/azure/application-gateway/application-gateway-autoscaling-zone-redundant",
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-high-availability",
        "https://learn.microsoft.com/azure/azure-netapp-files/use-availability-zones"
    })
public final class ZoneFailureAnalysis implements Rule {

  /** What becomes of one tier, or one resource, when a zone is lost. */
  enum Survival { SURVIVES, UNKNOWN, LOST }

  private static final List<String> TIERS = List.of("gateway", "nodes", "database", "storage");

  /**
   * Where one resource of a tier runs.
   *
   * @param name the resource, for messages
   * @param zones the zones it runs in (a zone-redundant resource lists several)
   * @param anyZone whether it survives the loss of any single zone whatever the zones say (a zone-redundant standby in a zone not stated)
   * @param doubt why its fate in its own zone is not known (its zones, or its standby, are not stated)
   */
  record Placement(String name, List<String> zones, boolean anyZone, Optional<String> doubt) {

    Survival survives(String zone) {
      if (anyZone || zones.stream().anyMatch(z -> !z.equals(zone))) {
        return Survival.SURVIVES;
      }
      return zones.isEmpty() || doubt.isPresent() ? Survival.UNKNOWN : Survival.LOST;
    }

    String describe() {
      String where = zones.isEmpty() ? "no zone stated"
          : zones.size() == 1 && !anyZone ? "in zone " + zones.get(0) + " only" : "zones " + String.join(", ", zones);
      return name + ", " + where + (anyZone ? " with a standby in another zone" : "") + doubt.map(d -> "; " + d).orElse("");
    }
  }

  /** One tier of the architecture and where its resources run. */
  record Tier(String name, List<Placement> placements) {

    Survival survives(String zone) {
      Survival best = Survival.LOST;
      for (Placement placement : placements) {
        Survival one = placement.survives(zone);
        best = one.compareTo(best) < 0 ? one : best;
      }
      return best;
    }

    String describe() {
      return String.join("; ", placements.stream().map(Placement::describe).toList());
    }
  }

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<Tier> tiers = tiers(context);
    if (tiers.isEmpty()) {
      return List.of(context.missing("the gateway, the nodes, the database and the storage",
          "None of the tiers is in scope, so no zone what-if can be drawn."));
    }
    TreeSet<String> zones = new TreeSet<>(Comparator.comparing((String z) -> z.length()).thenComparing(z -> z));
    tiers.forEach(tier -> tier.placements().forEach(placement -> zones.addAll(placement.zones())));
    if (zones.isEmpty()) {
      return List.of(context.unknown(Subject.scope(), "No tier is pinned to an availability zone, so which tiers"
          + " survive the loss of a zone cannot be told.", tiers.stream()
          .map(tier -> new Evidence(tier.name(), "pinned to zones", tier.describe())).toArray(Evidence[]::new)));
    }
    List<Finding> findings = new ArrayList<>();
    for (String zone : zones) {
      findings.add(whatIf(context, zone, tiers));
    }
    return findings;
  }

  private static Finding whatIf(RuleContext context, String zone, List<Tier> tiers) {
    Subject subject = new Subject("zone-" + zone, "availability zone " + zone, "", Provenance.none());
    List<Evidence> evidence = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> surviving = new ArrayList<>();
    for (Tier tier : tiers) {
      Survival survival = tier.survives(zone);
      evidence.add(new Evidence(tier.name(), "survives the loss of zone " + zone,
          survival.name().toLowerCase(Locale.ROOT) + ": " + tier.describe()));
      switch (survival) {
        case LOST -> lost.add("the " + tier.name() + " (" + tier.describe() + ")");
        case UNKNOWN -> unknown.add("the " + tier.name() + " (" + tier.describe() + ")");
        case SURVIVES -> surviving.add(tier.name());
      }
    }
    for (String missing : absent(tiers)) {
      evidence.add(new Evidence(missing, "survives the loss of zone " + zone, "not in scope, so not part of the what-if"));
    }
    Evidence[] entries = evidence.toArray(Evidence[]::new);
    if (!lost.isEmpty()) {
      return context.fail(subject, "Losing availability zone " + zone + " takes down " + String.join(" and ", lost)
          + ": a single-zone point of failure" + (surviving.isEmpty() ? "" : ", while " + list(surviving) + " keep running")
          + ".", entries);
    }
    if (!unknown.isEmpty()) {
      return context.unknown(subject, "Whether " + String.join(" and ", unknown) + " survive the loss of availability zone "
          + zone + " cannot be told.", entries);
    }
    return context.pass(subject, "Losing availability zone " + zone + " leaves every tier running: " + list(surviving) + ".",
        entries);
  }

  /** {@code the gateway, the nodes and the database}. */
  private static String list(List<String> tiers) {
    List<String> named = tiers.stream().map(tier -> "the " + tier).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
  }

  private static List<Tier> tiers(RuleContext context) {
    ConnectNodes nodes = ConnectNodes.in(context);
    List<Tier> tiers = new ArrayList<>();

    List<ApplicationGateway> gateways = ApplicationGateway.all(context.topology());
    // Gateways that route to the nodes are the ingress tier; with none traced, every gateway may be.
    List<ApplicationGateway> ingress = gateways.stream().filter(g -> ConnectRoutes.of(g, nodes).reachesNodes()).toList();
    List<Placement> gatewayPlacements = (ingress.isEmpty() ? gateways : ingress).stream()
        .map(g -> new Placement("Application Gateway " + g.name(), g.zones(), false,
            g.zones().isEmpty() ? Optional.of("regional, so Azure does not say which zones hold its instances") : Optional.empty()))
        .toList();
    addTier(tiers, "gateway", gatewayPlacements);

    List<Placement> nodePlacements = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      List<String> zones = node.vm().zones();
      nodePlacements.add(new Placement("VM " + node.vm().name(), zones, false,
          zones.isEmpty() ? Optional.of("not pinned to a zone") : Optional.empty()));
    }
    addTier(tiers, "nodes", nodePlacements);

    addTier(tiers, "database", PostgresFlexibleServer.all(context.topology()).stream().map(ZoneFailureAnalysis::database).toList());

    List<Placement> volumes = new ArrayList<>();
    for (NetAppVolume volume : NetAppVolume.all(context.topology())) {
      List<String> zones = volume.zones();
      volumes.add(new Placement("NetApp volume " + volume.name(), zones, false,
          zones.isEmpty() ? Optional.of("not pinned to a zone") : Optional.empty()));
    }
    addTier(tiers, "storage", volumes);
    return tiers;
  }

  /** A flexible server runs in its primary zone, plus its standby's zone when high availability is zone-redundant. */
  private static Placement database(PostgresFlexibleServer server) {
    String name = "PostgreSQL server " + server.name();
    Optional<String> primary = server.text("properties.availabilityZone").filter(z -> !z.isBlank());
    Optional<String> mode = server.text("properties.highAvailability.mode");
    Optional<String> standby = server.text("properties.highAvailability.standbyAvailabilityZone").filter(z -> !z.isBlank());
    List<String> zones = new ArrayList<>();
    primary.ifPresent(zones::add);
    if (mode.isEmpty()) {
      return new Placement(name, zones, false, Optional.of("high availability is not stated"));
    }
    switch (mode.get().toLowerCase(Locale.ROOT)) {
      case "zoneredundant":
        // Azure puts a zone-redundant standby in another zone than the primary, stated or not.
        standby.filter(z -> !zones.contains(z)).ifPresent(zones::add);
        return new Placement(name + " with zone-redundant high availability", zones, standby.isEmpty(), Optional.empty());
      case "samezone", "disabled":
        return new Placement(name, zones, false, primary.isEmpty() ? Optional.of("no availability zone stated") : Optional.empty());
      default:
        return new Placement(name, zones, false, Optional.of("high availability mode " + mode.get() + " is not recognised"));
    }
  }

  /** A tier with nothing in scope is left out of the what-if; the rules for that tier report it missing. */
  private static void addTier(List<Tier> tiers, String name, List<Placement> placements) {
    if (!placements.isEmpty()) {
      tiers.add(new Tier(name, placements));
    }
  }

  private static List<String> absent(List<Tier> tiers) {
    List<String> names = new ArrayList<>(TIERS);
    tiers.forEach(tier -> names.remove(tier.name()));
    return names;
  }
}
