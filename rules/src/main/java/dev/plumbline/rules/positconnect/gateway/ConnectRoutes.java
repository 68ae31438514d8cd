package dev.plumbline.rules.positconnect.gateway;

import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendHttpSettings;
import dev.plumbline.core.model.network.BackendPool;
import dev.plumbline.core.model.network.Route;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The routes of one Application Gateway that carry Connect traffic: those whose backend pool holds
 * a Connect node, or, when none does, every route that forwards to a pool (so that a pool nobody
 * could trace is judged rather than skipped).
 *
 * @param gateway the gateway
 * @param forwarding every route of the gateway that forwards to a backend pool, in rule order
 * @param toNodes the forwarding routes whose pool holds at least one Connect node
 */
public record ConnectRoutes(ApplicationGateway gateway, List<Route> forwarding, List<Route> toNodes) {

  public ConnectRoutes {
    forwarding = List.copyOf(forwarding);
    toNodes = List.copyOf(toNodes);
  }

  /** The routes of {@code gateway}, sorted by whether they reach one of {@code nodes}. */
  public static ConnectRoutes of(ApplicationGateway gateway, ConnectNodes nodes) {
    List<Route> forwarding = gateway.routes().stream().filter(route -> route.backendPool().isPresent()).toList();
    List<Route> toNodes = forwarding.stream()
        .filter(route -> route.backendPool().get().members().stream()
            .anyMatch(member -> member.virtualMachine().filter(nodes::contains).isPresent()))
        .toList();
    return new ConnectRoutes(gateway, forwarding, toNodes);
  }

  /** Whether any route reaches a traced Connect node. */
  public boolean reachesNodes() {
    return !toNodes.isEmpty();
  }

  /** The routes a rule judges: those to the nodes, or every forwarding route when none reaches a node. */
  public List<Route> judged() {
    return reachesNodes() ? toNodes : forwarding;
  }

  /** The distinct backend pools of every forwarding route, in rule order. */
  public List<BackendPool> pools() {
    Set<BackendPool> pools = new LinkedHashSet<>();
    forwarding.forEach(route -> pools.add(route.backendPool().get()));
    return List.copyOf(pools);
  }

  /** The distinct backend HTTP settings of the judged routes, in rule order. */
  public List<BackendHttpSettings> httpSettings() {
    Set<BackendHttpSettings> settings = new LinkedHashSet<>();
    judged().forEach(route -> route.httpSettings().ifPresent(settings::add));
    return List.copyOf(settings);
  }

  /** The judged routes whose backend HTTP settings are not in the topology. */
  public List<Route> routesWithoutSettings() {
    return judged().stream().filter(route -> route.httpSettings().isEmpty()).toList();
  }

  /**
   * Judges the backend HTTP settings every gateway uses for Connect traffic: one finding per
   * settings from {@code judge}, a FAIL for a gateway that forwards nowhere, and an UNKNOWN for a
   * route whose settings are not in the topology.
   *
   * @param concern what the settings are checked for, e.g. "affinity" ("so its affinity cannot be checked")
   * @param expected the evidence's expected value for the missing settings reference
   */
  public static List<Finding> judgeHttpSettings(RuleContext context, List<ApplicationGateway> gateways, String concern,
      String expected, BiFunction<ApplicationGateway, BackendHttpSettings, Finding> judge) {
    ConnectNodes nodes = ConnectNodes.in(context);
    List<Finding> findings = new ArrayList<>();
    for (ApplicationGateway gateway : gateways) {
      ConnectRoutes routes = of(gateway, nodes);
      if (routes.forwarding().isEmpty()) {
        findings.add(context.fail(gateway.resource(),
            "Application Gateway " + gateway.name() + " has no routing rule that forwards to a backend pool.",
            new Evidence("properties.requestRoutingRules", "a rule with a backend pool and HTTP settings", "none")));
        continue;
      }
      for (Route route : routes.routesWithoutSettings()) {
        findings.add(context.unknown(route.rule(),
            "Routing rule " + route.rule().name() + " forwards to pool " + route.backendPool().get().name()
                + " but its backend HTTP settings are not in the topology, so its " + concern + " cannot be checked.",
            Evidence.absent("properties.backendHttpSettings.id", expected)));
      }
      for (BackendHttpSettings settings : routes.httpSettings()) {
        findings.add(judge.apply(gateway, settings));
      }
    }
    return findings;
  }
}
