package dev.plumbline.rules.positconnect.gateway;

import dev.plumbline.core.rule.Rule;
import java.util.List;

/** The pack's Application Gateway rules, in catalog order. */
public final class GatewayRules {

  public static final List<Rule> ALL = List.of(
      new PoolCoverage(),
      new CookieAffinity(),
      new HealthProbe(),
      new GatewayRedundancy(),
      new HttpsIngress());

  private GatewayRules() {}
}
