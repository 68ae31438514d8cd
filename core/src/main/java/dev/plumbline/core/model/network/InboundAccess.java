package dev.plumbline.core.model.network;

import java.util.List;

/**
 * What the NSGs on a NIC IP configuration's path let in of some queried traffic, with the rules at
 * both levels that decided it.
 *
 * @param target the receiving IP configuration
 * @param query the traffic asked about
 * @param surelyAllowed traffic both levels allow however any doubt is settled
 * @param possiblyAllowed traffic both levels allow in at least one reading (it includes {@code surelyAllowed})
 * @param denied traffic a deny rule at either level stops for certain
 * @param doubts what kept some traffic from being decided for certain; empty when the answer is exact
 */
public record InboundAccess(InboundTarget target, TrafficSet query, List<AllowedTraffic> surelyAllowed,
    List<AllowedTraffic> possiblyAllowed, List<DecidedTraffic> denied, List<String> doubts) {

  public InboundAccess {
    surelyAllowed = List.copyOf(surelyAllowed);
    possiblyAllowed = List.copyOf(possiblyAllowed);
    denied = List.copyOf(denied);
    doubts = List.copyOf(doubts);
  }

  /** The traffic allowed however the doubts are settled. */
  public TrafficSet surely() {
    return union(surelyAllowed);
  }

  /** The traffic allowed in at least one reading. */
  public TrafficSet possibly() {
    return union(possiblyAllowed);
  }

  /** Whether every bit of the query is allowed for certain. */
  public boolean surelyAllowsAll() {
    return surely().containsAll(query);
  }

  /** Whether every bit of the query may be allowed; false means some of it is denied for certain. */
  public boolean mayAllowAll() {
    return possibly().containsAll(query);
  }

  /** Whether none of the query can get through. */
  public boolean allowsNothing() {
    return possiblyAllowed.isEmpty();
  }

  /** Whether some of the query gets through for certain. */
  public boolean surelyAllowsSome() {
    return !surelyAllowed.isEmpty();
  }

  /** The deny decisions that stop part of {@code traffic}. */
  public List<DecidedTraffic> deniedWithin(TrafficSet traffic) {
    return denied.stream()
        .map(decided -> new DecidedTraffic(decided.traffic().intersect(traffic), decided.decision()))
        .filter(decided -> !decided.traffic().isEmpty())
        .toList();
  }

  private static TrafficSet union(List<AllowedTraffic> allowed) {
    TrafficSet all = TrafficSet.EMPTY;
    for (AllowedTraffic traffic : allowed) {
      all = all.union(traffic.traffic());
    }
    return all;
  }
}
