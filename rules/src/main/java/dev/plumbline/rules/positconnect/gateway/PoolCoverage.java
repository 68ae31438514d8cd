package dev.plumbline.rules.positconnect.gateway;

import dev.plumbline.core.model.BackendMember;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendPool;
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
import java.util.Comparator;
import java.util.List;

/** A Connect node missing from the gateway's pool takes no traffic and cannot take over when another node fails. */
@RuleDefinition(
    id = "PCHA-AGW-01",
    name = "Connect.Gateway.PoolCoverage",
    summary = "An Application Gateway routing rule forwards to a backend pool that holds every Connect node.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Architectural overview: \"Azure Application Gateway to route requests to the Connect instances.\"",
        "Reference architecture, Networking: \"ingress to the virtual machines is managed through an Application Gateway\"",
        "https://docs.posit.co/connect/admin/load-balancing/ (the load balancer routes traffic to the Connect nodes)",
        "https://learn.microsoft.com/azure/application-gateway/application-gateway-components#backend-pools"
    })
public final class PoolCoverage implements Rule {

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<ApplicationGateway> gateways = ApplicationGateway.all(context.topology());
    if (gateways.isEmpty()) {
      return List.of(context.missing("an Application Gateway",
          "No Application Gateway is in scope, so nothing routes requests to the Connect nodes."));
    }
    ConnectNodes nodes = ConnectNodes.in(context);
    List<ConnectRoutes> all = gateways.stream().map(gateway -> ConnectRoutes.of(gateway, nodes)).toList();
    // A gateway in scope that reaches no node at all is someone else's gateway, unless none reaches one.
    List<ConnectRoutes> judged = all.stream().anyMatch(ConnectRoutes::reachesNodes)
        ? all.stream().filter(ConnectRoutes::reachesNodes).toList()
        : all;
    List<Finding> findings = new ArrayList<>();
    for (ConnectRoutes routes : judged) {
      findings.add(judge(context, routes, nodes));
    }
    return findings;
  }

  private static Finding judge(RuleContext context, ConnectRoutes routes, ConnectNodes nodes) {
    ApplicationGateway gateway = routes.gateway();
    if (routes.forwarding().isEmpty()) {
      return context.fail(gateway.resource(),
          "Application Gateway " + gateway.name() + " has no routing rule that forwards to a backend pool, so it reaches no Connect node.",
          new Evidence("properties.requestRoutingRules", "a rule that forwards to a backend pool", "none"));
    }
    if (nodes.nodes().isEmpty()) {
      return withoutNodes(context, routes);
    }
    // Every pool the gateway forwards to is weighed, since one that holds no traced node may hold untraced ones.
    List<Coverage> coverages = routes.pools().stream().map(pool -> Coverage.of(pool, nodes)).toList();
    // Judge by the pool that comes closest; the order of the rules breaks ties.
    Coverage best = coverages.stream().min(Comparator.comparingInt(Coverage::rank)).orElseThrow();
    String where = "Backend pool " + gateway.name() + "/" + best.pool().name();
    Evidence members = new Evidence("members", "every Connect node: " + nodes.names(), best.heldNames());
    if (best.missing().isEmpty()) {
      return context.pass(best.pool().resource(), where + " holds every Connect node (" + nodes.names() + ").", members);
    }
    String others = coverages.size() == 1 ? "" : "; no other pool of the gateway does better ("
        + String.join("; ", coverages.stream().filter(c -> c != best)
            .map(c -> c.pool().name() + " lacks " + names(c.missing())).toList()) + ")";
    if (!best.untraced().isEmpty()) {
      return context.unknown(best.pool().resource(), where + " lacks " + names(best.missing()) + " as far as it could be"
              + " traced, but " + best.untraced().size() + " member(s) could not be traced to a VM and may be the missing"
              + " node(s)" + others + ".",
          members, new Evidence("untraced members", "none",
              String.join(", ", best.untraced().stream().map(BackendMember::value).toList())));
    }
    return context.fail(best.pool().resource(), where + " lacks Connect node(s) " + String.join(", ",
        best.missing().stream().map(node -> node.vm().name() + " (" + String.join("; ", node.foundBy()) + ")").toList())
        + ", so the gateway never sends them a request" + others + ".", members);
  }

  /** No node was found at all: a pool member nobody could trace may be one, otherwise there is nothing to route to. */
  private static Finding withoutNodes(RuleContext context, ConnectRoutes routes) {
    ApplicationGateway gateway = routes.gateway();
    List<BackendMember> untraced = routes.pools().stream()
        .flatMap(pool -> pool.members().stream()).filter(member -> !member.isResolved()).toList();
    Evidence nodesFound = new Evidence("Connect nodes", "at least one", "none");
    if (!untraced.isEmpty()) {
      return context.unknown(gateway.resource(), "Application Gateway " + gateway.name() + " forwards to "
              + untraced.size() + " pool member(s) that could not be traced to a VM, and no other Connect node was found,"
              + " so it cannot be told whether it reaches every node.",
          nodesFound, new Evidence("untraced members", "none",
              String.join(", ", untraced.stream().map(BackendMember::value).toList())));
    }
    return context.fail(gateway.resource(), "Application Gateway " + gateway.name() + " forwards to no Connect node:"
        + " no pool member is a VM and no VM carries the Connect node tag.", nodesFound);
  }

  private static String names(List<ConnectNode> nodes) {
    return String.join(", ", nodes.stream().map(node -> node.vm().name()).toList());
  }

  /** What one backend pool holds of the Connect nodes. */
  private record Coverage(BackendPool pool, List<ConnectNode> held, List<ConnectNode> missing, List<BackendMember> untraced) {

    static Coverage of(BackendPool pool, ConnectNodes nodes) {
      List<Resource> members = pool.members().stream()
          .flatMap(member -> member.virtualMachine().stream()).toList();
      List<ConnectNode> held = nodes.nodes().stream().filter(node -> members.contains(node.vm().resource())).toList();
      List<ConnectNode> missing = nodes.nodes().stream().filter(node -> !held.contains(node)).toList();
      List<BackendMember> untraced = pool.members().stream().filter(member -> !member.isResolved()).toList();
      return new Coverage(pool, held, missing, untraced);
    }

    /** Lower is better: complete first, then a shortfall untraced members may explain, then by nodes missing. */
    int rank() {
      if (missing.isEmpty()) {
        return 0;
      }
      return (untraced.isEmpty() ? 2 : 1) * 10_000 + missing.size();
    }

    String heldNames() {
      return held.isEmpty() ? "none" : names(held);
    }
  }
}
