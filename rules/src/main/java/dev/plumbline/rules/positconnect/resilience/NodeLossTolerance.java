package dev.plumbline.rules.positconnect.resilience;

import dev.plumbline.core.model.BackendMember;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendHttpSettings;
import dev.plumbline.core.model.network.BackendPool;
import dev.plumbline.core.model.network.Route;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference promises that losing either node does not take the service down. That holds only
 * if another node is in a gateway pool whose health probe takes the failed one out of rotation.
 */
@RuleDefinition(
    id = "PCHA-HA-01",
    name = "Connect.Resilience.NodeLoss",
    summary = "Whichever Connect node fails, at least one other node stays in an Application Gateway backend pool whose HTTP settings use a custom health probe.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Resiliency and availability: \"With two nodes of Connect, a failure in either node results in disruption to user sessions on the failed node, but does not result in overall service downtime.\"",
        "Reference architecture, Load balancer: \"You must configure health checks to ensure that the Application Gateway routes traffic only to healthy nodes.\"",
        "https://learn.microsoft.com/azure/application-gateway/application-gateway-probe-overview",
        "https://docs.posit.co/connect/admin/load-balancing/"
    })
public final class NodeLossTolerance implements Rule {

  /** Whether a node is served behind a custom probe. */
  private enum Probing { PROBED, UNKNOWN, UNPROBED }

  /** How one node is served: the best of its routes, with a clause for each. */
  private record Service(Probing probing, List<String> routes) {}

  @Override
  public List<Finding> evaluate(RuleContext context) {
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("a Posit Connect node",
          "No Connect node was found, so no node can take over when one fails."));
    }
    Map<Resource, Service> services = new LinkedHashMap<>();
    boolean untracedBehindProbe = false;
    for (ConnectNode node : nodes.nodes()) {
      services.put(node.vm().resource(), new Service(Probing.UNPROBED, new ArrayList<>()));
    }
    for (ApplicationGateway gateway : ApplicationGateway.all(context.topology())) {
      for (Route route : gateway.routes()) {
        if (route.backendPool().isEmpty()) {
          continue;
        }
        BackendPool pool = route.backendPool().get();
        Probing probing = probing(route);
        String clause = describe(gateway, pool, route, probing);
        for (BackendMember member : pool.members()) {
          if (member.virtualMachine().isEmpty()) {
            untracedBehindProbe |= probing == Probing.PROBED;
            continue;
          }
          Service service = services.get(member.virtualMachine().get());
          if (service != null) {
            if (!service.routes().contains(clause)) {
              service.routes().add(clause);
            }
            if (probing.compareTo(service.probing()) < 0) {
              services.put(member.virtualMachine().get(), new Service(probing, service.routes()));
            }
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      findings.add(judge(context, node, nodes, services, untracedBehindProbe));
    }
    return findings;
  }

  private static Finding judge(RuleContext context, ConnectNode node, ConnectNodes nodes, Map<Resource, Service> services,
      boolean untracedBehindProbe) {
    String name = node.vm().name();
    List<ConnectNode> others = nodes.nodes().stream().filter(other -> !other.equals(node)).toList();
    if (others.isEmpty()) {
      return context.fail(node.vm().resource(), "If Connect node " + name + " fails, no other Connect node is left to serve.",
          new Evidence("other Connect nodes", ">= 1 in a probed gateway pool", "none"));
    }
    List<Evidence> evidence = new ArrayList<>();
    Set<String> probed = new LinkedHashSet<>();
    Set<String> doubtful = new LinkedHashSet<>();
    for (ConnectNode other : others) {
      Service service = services.get(other.vm().resource());
      String how = service.routes().isEmpty() ? "in no gateway pool" : String.join("; ", service.routes());
      evidence.add(new Evidence("other node " + other.vm().name(), "in a gateway pool with a custom health probe", how));
      if (service.probing() == Probing.PROBED) {
        probed.add(other.vm().name());
      } else if (service.probing() == Probing.UNKNOWN) {
        doubtful.add(other.vm().name());
      }
    }
    Evidence[] entries = evidence.toArray(Evidence[]::new);
    if (!probed.isEmpty()) {
      return context.pass(node.vm().resource(), "If Connect node " + name + " fails, " + String.join(", ", probed)
          + (probed.size() == 1 ? " still serves" : " still serve") + " behind a gateway pool whose custom health probe takes the"
          + " failed node out of rotation.", entries);
    }
    if (!doubtful.isEmpty() || untracedBehindProbe) {
      String why = !doubtful.isEmpty()
          ? "whether the pool of " + String.join(", ", doubtful) + " is probed cannot be told"
          : "a probed pool holds members that could not be traced to a VM";
      return context.unknown(node.vm().resource(), "If Connect node " + name + " fails, it cannot be shown that another"
          + " node is left behind a health probe: " + why + ".", entries);
    }
    return context.fail(node.vm().resource(), "If Connect node " + name + " fails, no other Connect node sits in a gateway"
        + " pool with a custom health probe, so the gateway may keep sending users to the failed node.", entries);
  }

  private static Probing probing(Route route) {
    Optional<BackendHttpSettings> settings = route.httpSettings();
    if (settings.isEmpty()) {
      return Probing.UNKNOWN;
    }
    if (settings.get().probe().isPresent()) {
      return Probing.PROBED;
    }
    return settings.get().text("properties.probe.id").isPresent() ? Probing.UNKNOWN : Probing.UNPROBED;
  }

  private static String describe(ApplicationGateway gateway, BackendPool pool, Route route, Probing probing) {
    String where = "pool " + gateway.name() + "/" + pool.name();
    if (route.httpSettings().isEmpty()) {
      return where + " via routing rule " + route.rule().name() + ", whose HTTP settings are not in the topology";
    }
    BackendHttpSettings settings = route.httpSettings().get();
    return switch (probing) {
      case PROBED -> where + " via settings " + settings.name() + " with probe " + settings.probe().get().name();
      case UNKNOWN -> where + " via settings " + settings.name() + ", whose probe is not in the topology";
      case UNPROBED -> where + " via settings " + settings.name() + " with no custom probe";
    };
  }
}
