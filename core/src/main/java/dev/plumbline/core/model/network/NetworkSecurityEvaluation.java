package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates one NSG for inbound traffic the way Azure does: custom and default rules by priority,
 * the first rule that matches the five-tuple decides, and a level with no NSG allows everything.
 *
 * <p>Where a rule cannot be read for certain (an unknown service tag, a missing priority, an
 * unrecognised protocol, a destination that depends on an unknown private IP), the evaluation does
 * not guess: it gives the traffic that is allowed however the doubt is settled ({@code
 * surelyAllowed}) and the traffic that is allowed in at least one reading ({@code possiblyAllowed}).
 * Where everything can be read, the two are the same.
 */
public final class NetworkSecurityEvaluation {

  /** A service tag as Azure spells them: {@code Storage}, {@code AzureCloud.WestEurope}, {@code Sql.EastUS}. */
  private static final Pattern SERVICE_TAG = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

  private static final Ipv4Range AZURE_PLATFORM = Ipv4Range.cidr("168.63.129.16/32");

  private static final RuleSpec IMPLIED_DENY_ALL = new RuleSpec("DenyAllInBound", Optional.of(65500L),
      Optional.of("Inbound"), Optional.of("Deny"), Optional.of("*"), List.of("*"), List.of(), List.of("*"), List.of(),
      List.of("*"), List.of("*"), true);

  /** The inbound default rules of every NSG, used when a snapshot leaves {@code defaultSecurityRules} out. */
  private static final List<RuleSpec> INBOUND_DEFAULTS = List.of(
      new RuleSpec("AllowVNetInBound", Optional.of(65000L), Optional.of("Inbound"), Optional.of("Allow"),
          Optional.of("*"), List.of("VirtualNetwork"), List.of(), List.of("VirtualNetwork"), List.of(), List.of("*"),
          List.of("*"), true),
      new RuleSpec("AllowAzureLoadBalancerInBound", Optional.of(65001L), Optional.of("Inbound"), Optional.of("Allow"),
          Optional.of("*"), List.of("AzureLoadBalancer"), List.of(), List.of("*"), List.of(), List.of("*"),
          List.of("*"), true),
      IMPLIED_DENY_ALL);

  private NetworkSecurityEvaluation() {}

  /**
   * What one level lets in of {@code query}.
   *
   * @param surelyAllowed traffic allowed however the doubts are settled, by the rule that allows it
   * @param possiblyAllowed traffic allowed in at least one reading (it includes {@code surelyAllowed})
   * @param denied traffic a deny rule matches for certain, by that rule
   * @param doubts what kept some traffic from being decided for certain, one sentence fragment each
   */
  public record Outcome(SecurityGroupAttachment attachment, List<DecidedTraffic> surelyAllowed,
      List<DecidedTraffic> possiblyAllowed, List<DecidedTraffic> denied, List<String> doubts) {

    public Outcome {
      surelyAllowed = List.copyOf(surelyAllowed);
      possiblyAllowed = List.copyOf(possiblyAllowed);
      denied = List.copyOf(denied);
      doubts = List.copyOf(doubts);
    }
  }

  /** Evaluates the inbound rules of one level for traffic to {@code target}. */
  public static Outcome inbound(SecurityGroupAttachment attachment, InboundTarget target, TrafficSet query) {
    RuleDecision levelDecision = RuleDecision.ofLevel(attachment);
    if (query.isEmpty()) {
      return new Outcome(attachment, List.of(), List.of(), List.of(), List.of());
    }
    if (attachment.isOpen()) {
      List<DecidedTraffic> all = List.of(new DecidedTraffic(query, levelDecision));
      return new Outcome(attachment, all, all, List.of(), List.of());
    }
    if (attachment.group().isEmpty()) {
      return new Outcome(attachment, List.of(), List.of(new DecidedTraffic(query, levelDecision)), List.of(),
          List.of(attachment.describe()));
    }
    List<Candidate> candidates = candidates(attachment, target, query);
    return evaluate(attachment, candidates, query);
  }

  private static Outcome evaluate(SecurityGroupAttachment attachment, List<Candidate> candidates, TrafficSet query) {
    List<DecidedTraffic> possibly = new ArrayList<>();
    List<DecidedTraffic> denied = new ArrayList<>();
    Set<String> doubts = new LinkedHashSet<>();
    List<Candidate> ordered = candidates.stream().filter(c -> c.spec.priority.isPresent()).toList();
    List<Candidate> unordered = candidates.stream().filter(c -> c.spec.priority.isEmpty()).toList();

    // Upper bound: a doubtful allow lets its traffic in, a doubtful deny holds back only what it surely matches.
    for (Candidate rule : unordered) {
      TrafficSet matched = query.intersect(rule.possible);
      if (!matched.isEmpty()) {
        doubts.add(rule.decision.describe() + " has no priority, so its place in the order is not known");
        if (rule.access != Access.DENY) {
          possibly.add(new DecidedTraffic(matched, rule.decision));
        }
      }
    }
    TrafficSet remaining = query;
    for (Candidate rule : ordered) {
      if (remaining.isEmpty()) {
        break;
      }
      if (!rule.doubts.isEmpty() && (!remaining.intersect(rule.possible.minus(rule.definite)).isEmpty()
          || rule.access == Access.UNKNOWN && !remaining.intersect(rule.possible).isEmpty())) {
        rule.doubts.forEach(doubt -> doubts.add(rule.decision.describe() + ": " + doubt));
      }
      if (rule.access == Access.DENY) {
        TrafficSet matched = remaining.intersect(rule.definite);
        if (!matched.isEmpty()) {
          denied.add(new DecidedTraffic(matched, rule.decision));
        }
      } else {
        TrafficSet matched = remaining.intersect(rule.possible);
        if (!matched.isEmpty()) {
          possibly.add(new DecidedTraffic(matched, rule.decision));
        }
      }
      if (rule.access != Access.UNKNOWN) {
        remaining = remaining.minus(rule.definite);
      }
    }
    if (!remaining.isEmpty()) {
      // Azure's DenyAllInBound is always there, even when a snapshot does not list it.
      denied.add(new DecidedTraffic(remaining, IMPLIED_DENY_ALL.decision(attachment)));
    }

    // Lower bound: only a sure allow lets traffic in, and any rule that may deny holds it back.
    List<DecidedTraffic> surely = new ArrayList<>();
    remaining = query;
    for (Candidate rule : unordered) {
      if (rule.access != Access.ALLOW) {
        remaining = remaining.minus(rule.possible);
      }
    }
    for (Candidate rule : ordered) {
      if (remaining.isEmpty()) {
        break;
      }
      if (rule.access == Access.ALLOW) {
        TrafficSet matched = remaining.intersect(rule.definite);
        if (!matched.isEmpty()) {
          surely.add(new DecidedTraffic(matched, rule.decision));
        }
        remaining = remaining.minus(rule.definite);
      } else {
        remaining = remaining.minus(rule.possible);
      }
    }
    return new Outcome(attachment, surely, possibly, denied, List.copyOf(doubts));
  }

  private static List<Candidate> candidates(SecurityGroupAttachment attachment, InboundTarget target, TrafficSet query) {
    List<Candidate> candidates = new ArrayList<>();
    AddressSet senders = query.sources();
    for (TargetedRule rule : targetedRules(attachment.group().orElseThrow(), target)) {
      candidates.add(candidate(rule, attachment, senders));
    }
    return candidates;
  }

  /**
   * The rules of an NSG read against one target, kept with the topology: a target is asked about
   * more than once (what the internet gets in, whether the gateway does), and reading a rule's
   * addresses against it does not depend on the question.
   */
  private static List<TargetedRule> targetedRules(NetworkSecurityGroup group, InboundTarget target) {
    return group.topology().derived(new TargetedRulesOf(group.resource(), target), TargetedRules.class, () -> {
      List<TargetedRule> rules = new ArrayList<>();
      for (ReadRule rule : inboundRules(group)) {
        rules.add(TargetedRule.of(rule, target));
      }
      return new TargetedRules(List.copyOf(rules));
    }).rules();
  }

  /** The key under which a topology keeps an NSG's rules read against one target. */
  private record TargetedRulesOf(Resource group, InboundTarget target) {}

  /** An NSG's rules read against one target, as a topology keeps them. */
  private record TargetedRules(List<TargetedRule> rules) {}

  /**
   * The rules of an NSG that may apply to inbound traffic, with what does not depend on the target
   * read once per topology, in evaluation order.
   */
  private static List<ReadRule> inboundRules(NetworkSecurityGroup group) {
    return group.topology().derived(new InboundRulesOf(group.resource()), InboundRules.class, () -> {
      List<RuleSpec> specs = new ArrayList<>();
      boolean anyDefault = false;
      for (SecurityRule rule : group.rulesInEvaluationOrder()) {
        boolean isDefault = rule.resource().is(ResourceType.DEFAULT_SECURITY_RULE);
        anyDefault |= isDefault;
        specs.add(RuleSpec.of(rule, isDefault));
      }
      if (!anyDefault) {
        specs.addAll(INBOUND_DEFAULTS);
      }
      List<ReadRule> rules = new ArrayList<>();
      for (RuleSpec spec : specs) {
        ReadRule.of(spec).ifPresent(rules::add);
      }
      // Stable sort: the topology already orders by priority; added defaults must fall in their place.
      rules.sort((a, b) -> Long.compare(a.spec.priority.orElse(Long.MAX_VALUE), b.spec.priority.orElse(Long.MAX_VALUE)));
      return new InboundRules(List.copyOf(rules));
    }).rules();
  }

  /** The key under which a topology keeps an NSG's read rules. */
  private record InboundRulesOf(Resource group) {}

  /** An NSG's read rules, as a topology keeps them. */
  private record InboundRules(List<ReadRule> rules) {}

  /** How a rule decides, once its fields are read. */
  private enum Access { ALLOW, DENY, UNKNOWN }

  /** Whether a rule's destination covers the target. */
  private enum Match { NO, MAYBE, YES }

  /** A rule's addresses: those it surely covers and those it may cover. */
  private record Addresses(AddressSet surely, AddressSet possibly) {}

  /**
   * One rule read against the target: the traffic it surely matches, the traffic it may match
   * (empty when it can match none of the query), and why the two differ.
   */
  private record Candidate(RuleSpec spec, RuleDecision decision, Access access, TrafficSet definite,
      TrafficSet possible, List<String> doubts) {}

  /** The fields of a rule, from the topology or from Azure's default rules. */
  private record RuleSpec(String name, Optional<Long> priority, Optional<String> direction, Optional<String> access,
      Optional<String> protocol, List<String> sources, List<String> sourceGroups, List<String> destinations,
      List<String> destinationGroups, List<String> destinationPorts, List<String> sourcePorts, boolean defaultRule) {

    static RuleSpec of(SecurityRule rule, boolean defaultRule) {
      return new RuleSpec(rule.name(), rule.priority(), rule.direction(), rule.access(), rule.protocol(),
          rule.sourceAddressPrefixes(), groups(rule, "properties.sourceApplicationSecurityGroups"),
          rule.destinationAddressPrefixes(), groups(rule, "properties.destinationApplicationSecurityGroups"),
          rule.destinationPortRanges(), rule.sourcePortRanges(), defaultRule);
    }

    RuleDecision decision(SecurityGroupAttachment attachment) {
      List<String> written = new ArrayList<>(sources);
      written.addAll(sourceGroups);
      return new RuleDecision(attachment, Optional.of(name), priority, defaultRule, written);
    }

    private static List<String> groups(SecurityRule rule, String path) {
      List<String> ids = new ArrayList<>();
      rule.get(path).forEach(group -> {
        String id = group.path("id").asText("");
        if (!id.isBlank()) {
          ids.add(id);
        }
      });
      return ids;
    }
  }

  /**
   * What of a rule does not depend on the target: whether it is inbound, how it decides, its
   * protocols and ports, and the doubts these leave, in the order messages give them.
   *
   * @param fieldDoubts doubts about direction, access and protocol, which come before those about sources
   * @param portDoubts doubts about the destination and source ports, which come after
   */
  private record ReadRule(RuleSpec spec, boolean inbound, Access access, Set<TransportProtocol> surelyProtocols,
      Set<TransportProtocol> possiblyProtocols, List<PortRange> surelyPorts, List<PortRange> possiblyPorts,
      boolean allSourcePorts, boolean exact, List<String> fieldDoubts, List<String> portDoubts) {

    /** The rule read; empty for an outbound rule, which inbound traffic never meets. */
    static Optional<ReadRule> of(RuleSpec spec) {
      List<String> fieldDoubts = new ArrayList<>();
      String direction = spec.direction.map(d -> d.trim().toLowerCase(Locale.ROOT)).orElse("");
      if (direction.equals("outbound")) {
        return Optional.empty();
      }
      boolean inbound = direction.equals("inbound");
      if (!inbound) {
        fieldDoubts.add(spec.direction.map(d -> "unrecognised direction '" + d + "'").orElse("no direction"));
      }

      String accessText = spec.access.map(a -> a.trim().toLowerCase(Locale.ROOT)).orElse("");
      Access access = switch (accessText) {
        case "allow" -> Access.ALLOW;
        case "deny" -> Access.DENY;
        default -> Access.UNKNOWN;
      };
      if (access == Access.UNKNOWN) {
        fieldDoubts.add(spec.access.map(a -> "unrecognised access '" + a + "'").orElse("no access"));
      }

      Optional<Set<TransportProtocol>> protocols = spec.protocol.flatMap(TransportProtocol::parse);
      if (protocols.isEmpty()) {
        fieldDoubts.add(spec.protocol.map(p -> "unrecognised protocol '" + p + "'").orElse("no protocol"));
      }

      List<String> portDoubts = new ArrayList<>();
      Optional<List<PortRange>> ports = PortRange.parseAll(spec.destinationPorts);
      if (ports.isEmpty()) {
        portDoubts.add("unreadable destination ports " + spec.destinationPorts);
      }
      // The traffic in question has every source port, so a rule limited to some matches only part of it.
      Optional<List<PortRange>> sourcePorts = PortRange.parseAll(spec.sourcePorts);
      boolean allSourcePorts = sourcePorts.filter(p -> p.equals(List.of(PortRange.ALL))).isPresent();
      if (!allSourcePorts) {
        portDoubts.add(sourcePorts.isPresent() ? "limited to source ports " + spec.sourcePorts : "unreadable source ports " + spec.sourcePorts);
      }
      return Optional.of(new ReadRule(spec, inbound, access, protocols.orElse(Set.of()),
          protocols.orElse(Set.of(TransportProtocol.values())), ports.orElse(List.of()), ports.orElse(List.of(PortRange.ALL)),
          allSourcePorts, protocols.isPresent() && ports.isPresent(), List.copyOf(fieldDoubts), List.copyOf(portDoubts)));
    }
  }

  /**
   * One rule read against a target, whatever is asked: the traffic it may and surely matches when
   * the query's senders meet its sources, and why the two differ.
   */
  private record TargetedRule(ReadRule rule, Addresses sources, TrafficSet possible, TrafficSet definite,
      List<String> doubts) {

    static TargetedRule of(ReadRule rule, InboundTarget target) {
      RuleSpec spec = rule.spec;
      List<String> doubts = new ArrayList<>(rule.fieldDoubts);
      Addresses sources = NetworkSecurityEvaluation.sources(spec, target, doubts);
      doubts.addAll(rule.portDoubts);
      Match destination = NetworkSecurityEvaluation.destination(spec, target, doubts);
      TrafficSet possible = destination == Match.NO
          ? TrafficSet.EMPTY
          : TrafficSet.of(sources.possibly, rule.possiblyPorts, rule.possiblyProtocols);
      TrafficSet definite;
      if (!rule.inbound || !rule.allSourcePorts || destination != Match.YES || possible.isEmpty()) {
        // What a rule surely matches lies within what it may match.
        definite = TrafficSet.EMPTY;
      } else if (rule.exact && sources.surely.equals(sources.possibly)) {
        // Nothing about the rule is in doubt, so what it surely matches is what it may match.
        definite = possible;
      } else {
        definite = TrafficSet.of(sources.surely, rule.surelyPorts, rule.surelyProtocols);
      }
      return new TargetedRule(rule, sources, possible, definite, List.copyOf(doubts));
    }
  }

  /** @param senders the source addresses of the traffic asked about */
  private static Candidate candidate(TargetedRule targeted, SecurityGroupAttachment attachment, AddressSet senders) {
    RuleSpec spec = targeted.rule.spec;
    // A rule whose sources miss every sender of the query matches none of it, whatever its ports.
    // The rule's traffic is not cut down to the query: evaluation only ever meets it within the query.
    boolean meets = targeted.sources.possibly.overlaps(senders);
    return new Candidate(spec, spec.decision(attachment), targeted.rule.access,
        meets ? targeted.definite : TrafficSet.EMPTY, meets ? targeted.possible : TrafficSet.EMPTY, targeted.doubts);
  }

  private static Addresses sources(RuleSpec spec, InboundTarget target, List<String> doubts) {
    AddressSet surely = AddressSet.EMPTY;
    AddressSet possibly = AddressSet.EMPTY;
    if (spec.sources.isEmpty() && spec.sourceGroups.isEmpty()) {
      doubts.add("no source");
      return new Addresses(AddressSet.EMPTY, AddressSet.ALL);
    }
    for (String prefix : spec.sources) {
      Addresses one = source(prefix, target, doubts);
      surely = surely.union(one.surely);
      possibly = possibly.union(one.possibly);
    }
    if (!spec.sourceGroups.isEmpty()) {
      // Members of an application security group are NICs in the same VNet as the target.
      doubts.add("source application security groups, whose members are not resolved");
      possibly = possibly.union(target.virtualNetworkSpace().orElse(AddressSet.ALL));
    }
    return new Addresses(surely, possibly.union(surely));
  }

  private static Addresses source(String prefix, InboundTarget target, List<String> doubts) {
    String value = prefix.trim();
    String key = value.toLowerCase(Locale.ROOT);
    switch (key) {
      case "*", "any", "0.0.0.0/0":
        return new Addresses(AddressSet.ALL, AddressSet.ALL);
      case "internet":
        return new Addresses(target.publicAddresses(), outsideNetwork(target));
      case "virtualnetwork", "virtual_network":
        if (target.virtualNetworkSpace().isEmpty()) {
          doubts.add("source VirtualNetwork, but the target's VNet is not known");
          return new Addresses(target.connectedSpace(), AddressSet.ALL);
        }
        AddressSet network = target.virtualNetworkSpace().get().union(target.connectedSpace());
        // On-premises ranges behind a VPN or ExpressRoute gateway are in the tag too; they are private ranges.
        return new Addresses(network, network.union(AddressSet.PRIVATE));
      case "azureloadbalancer", "azure_loadbalancer":
        return new Addresses(AddressSet.of(AZURE_PLATFORM), AddressSet.of(AZURE_PLATFORM));
      default:
        break;
    }
    Optional<Ipv4Range> range = Ipv4Range.parse(value);
    if (range.isPresent()) {
      return new Addresses(AddressSet.of(range.get()), AddressSet.of(range.get()));
    }
    if (value.contains(":")) {
      if (key.equals("::/0")) {
        doubts.add("source ::/0, an IPv6 prefix that stands for every sender");
        return new Addresses(AddressSet.EMPTY, AddressSet.ALL);
      }
      return new Addresses(AddressSet.EMPTY, AddressSet.EMPTY);
    }
    if (SERVICE_TAG.matcher(value).matches()) {
      // GatewayManager and the other service tags are Azure's public ranges, never addresses in the VNet.
      doubts.add("source service tag " + value + ", whose address ranges are not known here");
      return new Addresses(AddressSet.EMPTY, outsideNetwork(target));
    }
    doubts.add("unreadable source '" + value + "'");
    return new Addresses(AddressSet.EMPTY, AddressSet.ALL);
  }

  private static AddressSet outsideNetwork(InboundTarget target) {
    return target.virtualNetworkSpace().map(AddressSet.ALL::minus).orElse(AddressSet.ALL);
  }

  private static Match destination(RuleSpec spec, InboundTarget target, List<String> doubts) {
    if (spec.destinations.isEmpty() && spec.destinationGroups.isEmpty()) {
      doubts.add("no destination");
      return Match.MAYBE;
    }
    Match best = Match.NO;
    for (String prefix : spec.destinations) {
      Match match = destination(prefix, target, doubts);
      best = match.compareTo(best) > 0 ? match : best;
    }
    for (String group : spec.destinationGroups) {
      Optional<ResourceId> id = ResourceId.tryParse(group);
      Match match = id.isEmpty() ? Match.MAYBE : target.applicationSecurityGroups().contains(id.get()) ? Match.YES : Match.NO;
      if (match == Match.MAYBE) {
        doubts.add("unreadable destination application security group '" + group + "'");
      }
      best = match.compareTo(best) > 0 ? match : best;
    }
    return best;
  }

  private static Match destination(String prefix, InboundTarget target, List<String> doubts) {
    String value = prefix.trim();
    String key = value.toLowerCase(Locale.ROOT);
    switch (key) {
      case "*", "any", "0.0.0.0/0", "virtualnetwork", "virtual_network":
        // The target is a private address of a VNet subnet, so it is always in the VirtualNetwork tag.
        return Match.YES;
      case "internet", "azureloadbalancer", "azure_loadbalancer":
        return Match.NO;
      default:
        break;
    }
    Optional<Ipv4Range> range = Ipv4Range.parse(value);
    if (range.isPresent()) {
      if (target.address().isPresent()) {
        return range.get().contains(target.address().get()) ? Match.YES : Match.NO;
      }
      if (target.subnetSpace().isPresent() && !target.subnetSpace().get().isEmpty()) {
        AddressSet subnet = target.subnetSpace().get();
        AddressSet block = AddressSet.of(range.get());
        if (block.containsAll(subnet)) {
          return Match.YES;
        }
        if (!block.overlaps(subnet)) {
          return Match.NO;
        }
      }
      doubts.add("destination " + value + ", but the private IP of " + target.name() + " is not known");
      return Match.MAYBE;
    }
    if (value.contains(":") || SERVICE_TAG.matcher(value).matches()) {
      // An IPv6 prefix or another service's tag never holds the target's private IPv4 address.
      return Match.NO;
    }
    doubts.add("unreadable destination '" + value + "'");
    return Match.MAYBE;
  }
}
