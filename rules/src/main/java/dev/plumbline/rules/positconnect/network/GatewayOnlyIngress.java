package dev.plumbline.rules.positconnect.network;

import dev.plumbline.core.model.BackendMember;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.AddressSet;
import dev.plumbline.core.model.network.AllowedTraffic;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.DecidedTraffic;
import dev.plumbline.core.model.network.EffectiveSecurityRules;
import dev.plumbline.core.model.network.InboundAccess;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.Ipv4Range;
import dev.plumbline.core.model.network.NetworkInterface;
import dev.plumbline.core.model.network.PortRange;
import dev.plumbline.core.model.network.Route;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.network.TrafficSet;
import dev.plumbline.core.model.network.TransportProtocol;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.gateway.ConnectRoutes;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node that answers the internet directly bypasses the gateway's TLS, affinity and health checks;
 * a node the gateway cannot reach on Connect's port drops out of the pool. Both are read from the
 * effective NSG rules on each node's inbound path.
 */
@RuleDefinition(
    id = "PCHA-NET-02",
    name = "Connect.Network.GatewayOnlyIngress",
    summary = "The effective NSG rules on every Connect node's subnet and NIC admit nothing from the internet and admit the Connect port from the Application Gateway's subnet.",
    severity = Severity.HIGH,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Networking: \"The database instance, NetApp Files, and the virtual machine instances are located within the private subnets and ingress to the virtual machines is managed through an Application Gateway.\"",
        "https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works",
        "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules",
        "https://learn.microsoft.com/azure/virtual-network/service-tags-overview",
        "https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups"
    })
public final class GatewayOnlyIngress implements Rule {

  /** How many source ranges a message lists before it stops. */
  private static final int SHOWN_RANGES = 4;

  @Override
  public List<Finding> evaluate(RuleContext context) {
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("a Posit Connect node",
          "No Connect node was found, so there is no node whose ingress could be checked."));
    }
    Topology topology = context.topology();
    List<ApplicationGateway> gateways = ApplicationGateway.all(topology);
    GatewaySubnets placements = GatewaySubnets.in(topology);
    List<Finding> findings = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      findings.add(judge(context, node, GatewayPath.to(node, nodes, gateways, placements)));
    }
    return findings;
  }

  private static Finding judge(RuleContext context, ConnectNode node, GatewayPath gateway) {
    Resource vm = node.vm().resource();
    String what = "Connect node " + node.vm().name();
    List<IpConfiguration> all = new ArrayList<>();
    for (NetworkInterface nic : node.vm().networkInterfaces()) {
      all.addAll(nic.ipConfigurations());
    }
    if (all.isEmpty()) {
      return context.unknown(vm, what + " has no NIC IP configuration in the topology, so its NSGs cannot be evaluated.",
          Evidence.absent("properties.networkProfile.networkInterfaces", "a NIC whose NSGs admit only the gateway"));
    }
    List<String> failures = new ArrayList<>();
    List<String> doubts = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    // Each path is read once and asked both questions: what the internet gets in, and whether the gateway does.
    Map<IpConfiguration, EffectiveSecurityRules> paths = new HashMap<>();

    for (IpConfiguration configuration : all) {
      EffectiveSecurityRules rules = paths.computeIfAbsent(configuration, EffectiveSecurityRules::inbound);
      String where = rules.target().name();
      AddressSet internet = rules.target().publicAddresses();
      InboundAccess access = rules.evaluate(TrafficSet.from(internet));
      String path = where + " inbound from the internet";
      if (rules.subnet().isOpen() && rules.networkInterface().isOpen()) {
        failures.add(where + " has no NSG on its subnet or its NIC, so everything is allowed from the internet");
        evidence.add(new Evidence(path, "denied", "allowed: " + rules.subnet().describe() + " and " + rules.networkInterface().describe()));
      } else if (access.surelyAllowsSome()) {
        for (AllowedTraffic allowed : access.surelyAllowed()) {
          failures.add(where + " admits " + traffic(allowed, internet));
          evidence.add(new Evidence(path, "denied", traffic(allowed, internet)));
        }
      } else if (!access.allowsNothing()) {
        for (AllowedTraffic allowed : access.possiblyAllowed()) {
          doubts.add(where + " may admit " + traffic(allowed, internet));
          evidence.add(new Evidence(path, "denied", "possibly " + traffic(allowed, internet)));
        }
        doubts.addAll(access.doubts());
      } else {
        evidence.add(new Evidence(path, "denied", "denied by " + decisions(access.denied())));
      }
    }

    if (gateway.gatewayMissing()) {
      failures.add("no Application Gateway is in scope, so no ingress reaches it through one");
    } else if (!gateway.doubts().isEmpty()) {
      doubts.addAll(gateway.doubts());
    } else {
      TrafficSet query = TrafficSet.of(gateway.sources(), gateway.ports(), List.of(TransportProtocol.TCP));
      String ports = query.describePorts();
      for (IpConfiguration configuration : gateway.members().isEmpty() ? all : gateway.members()) {
        EffectiveSecurityRules rules = paths.computeIfAbsent(configuration, EffectiveSecurityRules::inbound);
        String where = rules.target().name();
        String evidencePath = where + " inbound " + ports + " from " + gateway.describeSubnets();
        InboundAccess access = rules.evaluate(query);
        if (access.surelyAllowsAll()) {
          evidence.add(new Evidence(evidencePath, "allowed", "allowed by " + allowers(access.surelyAllowed())));
        } else if (!access.mayAllowAll()) {
          String deniedBy = decisions(access.deniedWithin(query.minus(access.possibly())));
          failures.add(where + " does not admit " + ports + " from " + gateway.describeSubnets() + " (denied by " + deniedBy + ")");
          evidence.add(new Evidence(evidencePath, "allowed", "denied by " + deniedBy));
        } else {
          doubts.add(where + " may not admit " + ports + " from " + gateway.describeSubnets());
          doubts.addAll(access.doubts());
          evidence.add(new Evidence(evidencePath, "allowed", "not surely allowed"));
        }
      }
    }

    Evidence[] entries = evidence.toArray(Evidence[]::new);
    if (!failures.isEmpty()) {
      return context.fail(vm, what + " is not reachable only through the gateway: " + String.join("; ", failures) + ".", entries);
    }
    if (!doubts.isEmpty()) {
      return context.unknown(vm, what + " cannot be shown to be reachable only through the gateway: "
          + String.join("; ", new LinkedHashSet<>(doubts)) + ".", entries);
    }
    return context.pass(vm, what + " admits nothing from the internet and admits " + gateway.describePorts() + " from "
        + gateway.describeSubnets() + ".", entries);
  }

  /** {@code TCP 22 from any public address, allowed by A and B}. */
  private static String traffic(AllowedTraffic allowed, AddressSet internet) {
    AddressSet sources = allowed.traffic().sources();
    String from;
    if (sources.containsAll(internet)) {
      from = "any public address";
    } else if (sources.ranges().size() > SHOWN_RANGES) {
      from = String.join(", ", sources.ranges().subList(0, SHOWN_RANGES).stream().map(Ipv4Range::toString).toList())
          + " and " + (sources.ranges().size() - SHOWN_RANGES) + " more public ranges";
    } else {
      from = sources.toString();
    }
    return allowed.traffic().describePorts() + " from " + from + ", allowed by " + allowed.subnet().describe()
        + " and " + allowed.networkInterface().describe();
  }

  private static String allowers(List<AllowedTraffic> allowed) {
    Set<String> names = new LinkedHashSet<>();
    allowed.forEach(a -> names.add(a.subnet().describe() + " and " + a.networkInterface().describe()));
    return String.join("; ", names);
  }

  private static String decisions(List<DecidedTraffic> decided) {
    Set<String> names = new LinkedHashSet<>();
    decided.forEach(d -> names.add(d.decision().describe()));
    return names.isEmpty() ? "no rule" : String.join(", ", names);
  }

  /**
   * How the gateway reaches one node: the node's IP configurations in the gateway's pools, the
   * Connect port of the HTTP settings used with those pools, and the gateway subnets traffic comes from.
   */
  private record GatewayPath(List<IpConfiguration> members, List<PortRange> ports, List<Subnet> subnets,
      AddressSet sources, List<String> doubts, boolean gatewayMissing) {

    static GatewayPath to(ConnectNode node, ConnectNodes nodes, List<ApplicationGateway> gateways, GatewaySubnets placements) {
      if (gateways.isEmpty()) {
        return new GatewayPath(List.of(), List.of(), List.of(), AddressSet.EMPTY, List.of(), true);
      }
      Set<IpConfiguration> members = new LinkedHashSet<>();
      List<Route> routes = new ArrayList<>();
      Set<ApplicationGateway> reaching = new LinkedHashSet<>();
      for (ApplicationGateway gateway : gateways) {
        for (Route route : gateway.routes()) {
          for (BackendMember member : route.backendPool().map(pool -> pool.members()).orElse(List.of())) {
            if (member.virtualMachine().filter(node.vm().resource()::equals).isPresent()) {
              member.ipConfiguration().ifPresent(c -> members.add(new IpConfiguration(c, node.vm().topology())));
              routes.add(route);
              reaching.add(gateway);
            }
          }
        }
      }
      if (reaching.isEmpty()) {
        // A node outside every pool (tagged only) must still be open to the gateway on the port the others use.
        for (ApplicationGateway gateway : gateways) {
          List<Route> judged = ConnectRoutes.of(gateway, nodes).judged();
          if (!judged.isEmpty()) {
            routes.addAll(judged);
            reaching.add(gateway);
          }
        }
      }
      List<String> doubts = new ArrayList<>();
      Set<PortRange> ports = new LinkedHashSet<>();
      for (Route route : routes) {
        route.httpSettings().flatMap(settings -> settings.port()).ifPresent(port -> {
          if (port >= 0 && port <= PortRange.MAX_PORT) {
            ports.add(PortRange.single(port.intValue()));
          }
        });
      }
      if (ports.isEmpty()) {
        doubts.add("no backend HTTP settings that route to it state a port, so the Connect port is not known");
      }
      List<Subnet> subnets = new ArrayList<>();
      List<Ipv4Range> sources = new ArrayList<>();
      for (ApplicationGateway gateway : reaching.isEmpty() ? gateways : reaching) {
        List<GatewaySubnets.Placement> placed = placements.of(gateway);
        if (placed.isEmpty()) {
          doubts.add("Application Gateway " + gateway.name() + " states no gateway IP configuration, so its subnet is not known");
        }
        for (GatewaySubnets.Placement placement : placed) {
          if (placement.subnet().isEmpty()) {
            doubts.add("the subnet of Application Gateway " + gateway.name() + " is not in the topology");
            continue;
          }
          Subnet subnet = placement.subnet().get();
          List<Ipv4Range> prefixes = new ArrayList<>();
          subnet.addressPrefixes().forEach(prefix -> Ipv4Range.parse(prefix).ifPresent(prefixes::add));
          if (prefixes.isEmpty()) {
            doubts.add("gateway subnet " + subnet.name() + " states no IPv4 address prefix");
          }
          if (!subnets.contains(subnet)) {
            subnets.add(subnet);
            sources.addAll(prefixes);
          }
        }
      }
      return new GatewayPath(List.copyOf(members), PortRange.merge(ports), subnets, AddressSet.of(sources), doubts, false);
    }

    String describeSubnets() {
      Set<String> names = new TreeSet<>();
      subnets.forEach(subnet -> names.add(subnet.name()));
      return "gateway subnet " + String.join(", ", names) + " (" + sources + ")";
    }

    String describePorts() {
      return TrafficSet.of(AddressSet.ALL, ports, List.of(TransportProtocol.TCP)).describePorts();
    }
  }
}
