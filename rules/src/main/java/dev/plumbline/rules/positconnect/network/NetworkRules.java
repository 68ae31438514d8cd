package dev.plumbline.rules.positconnect.network;

import dev.plumbline.core.rule.Rule;
import java.util.List;

/** The pack's network rules, in catalog order. */
public final class NetworkRules {

  public static final List<Rule> ALL = List.of(
      new TierSeparation(),
      new GatewayOnlyIngress(),
      new PrivateSubnetPublicIps());

  private NetworkRules() {}
}
