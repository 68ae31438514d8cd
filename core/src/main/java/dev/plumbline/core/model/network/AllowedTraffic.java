package dev.plumbline.core.model.network;

/**
 * Traffic that passes both levels of an inbound path, with what let it through at each.
 *
 * @param traffic the traffic
 * @param subnet the decision at the subnet level
 * @param networkInterface the decision at the NIC level
 */
public record AllowedTraffic(TrafficSet traffic, RuleDecision subnet, RuleDecision networkInterface) {

  /** {@code TCP 22 allowed by nsg-connect/AllowSsh (...) and no NSG on NIC nic-1}. */
  public String describe() {
    return traffic.describePorts() + " allowed by " + subnet.describe() + " and " + networkInterface.describe();
  }
}
