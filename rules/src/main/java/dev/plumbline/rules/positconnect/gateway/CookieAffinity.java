package dev.plumbline.rules.positconnect.gateway;

import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendHttpSettings;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.util.List;

/** Connect keeps session state per node, so the gateway must pin each user to one node. */
@RuleDefinition(
    id = "PCHA-AGW-02",
    name = "Connect.Gateway.CookieAffinity",
    summary = "Cookie-based affinity is enabled on every backend HTTP setting the Application Gateway uses to route to the Connect nodes.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Load balancer: \"The Application Gateway must be configured with cookie-based affinity\"",
        "https://docs.posit.co/connect/admin/load-balancing/ (HA checklist: sticky sessions)",
        "https://learn.microsoft.com/azure/application-gateway/configuration-http-settings#cookie-based-affinity"
    })
public final class CookieAffinity implements Rule {

  private static final String PATH = "properties.cookieBasedAffinity";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<ApplicationGateway> gateways = ApplicationGateway.all(context.topology());
    if (gateways.isEmpty()) {
      return List.of(context.missing("an Application Gateway",
          "No Application Gateway is in scope, so nothing routes to the Connect nodes with cookie-based affinity."));
    }
    return ConnectRoutes.judgeHttpSettings(context, gateways, "affinity", "backend HTTP settings with cookie-based affinity",
        (gateway, settings) -> check(context, gateway, settings));
  }

  private static Finding check(RuleContext context, ApplicationGateway gateway, BackendHttpSettings settings) {
    String where = "Backend HTTP settings " + gateway.name() + "/" + settings.name();
    return settings.cookieBasedAffinity()
        .map(value -> {
          if (value.equalsIgnoreCase("Enabled")) {
            return context.pass(settings.resource(), where + " pin each user to one Connect node with an affinity cookie.",
                new Evidence(PATH, "Enabled", value));
          }
          if (value.equalsIgnoreCase("Disabled")) {
            return context.fail(settings.resource(), where + " have cookie-based affinity disabled, so a user's requests"
                + " can reach a node that does not hold their session.", new Evidence(PATH, "Enabled", value));
          }
          return context.unknown(settings.resource(), where + " have an unrecognised cookie-based affinity value.",
              new Evidence(PATH, "Enabled", value));
        })
        .orElseGet(() -> context.unknown(settings.resource(),
            where + " do not state cookie-based affinity, so it cannot be told whether sessions stick.",
            Evidence.absent(PATH, "Enabled")));
  }
}
