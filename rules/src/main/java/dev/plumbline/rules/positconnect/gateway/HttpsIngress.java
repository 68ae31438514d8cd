package dev.plumbline.rules.positconnect.gateway;

import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.HttpListener;
import dev.plumbline.core.model.network.RequestRoutingRule;
import dev.plumbline.core.model.network.Route;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Connect's logins, API keys and session cookies cross the public frontend, so users must reach it
 * over HTTPS and plain HTTP may only send them there.
 */
@RuleDefinition(
    id = "PCHA-AGW-05",
    name = "Connect.Gateway.HttpsIngress",
    summary = "The Application Gateway has an HTTPS listener on a public frontend, and every HTTP listener redirects to HTTPS rather than forwarding to the nodes.",
    severity = Severity.MEDIUM,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Load balancer: \"This architecture utilizes an Azure Application Gateway in order to provide public ingress and load balancing to the Connect instances.\"",
        "https://docs.posit.co/connect/admin/proxy/ (Server.Address is the proxied https:// URL; HTTP.NoWarning when TLS ends at the proxy)",
        "https://docs.posit.co/connect/api/ (\"If your Posit Connect server's URL does not begin with https, your API Key could be intercepted\")",
        "https://learn.microsoft.com/azure/application-gateway/redirect-overview",
        "https://learn.microsoft.com/azure/application-gateway/redirect-http-to-https-cli"
    },
    psrule = {"Azure.AppGw.UseHTTPS"})
public final class HttpsIngress implements Rule {

  private static final String HTTP = "http";

  private static final String HTTPS = "https";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<ApplicationGateway> gateways = ApplicationGateway.all(context.topology());
    if (gateways.isEmpty()) {
      return List.of(context.missing("an Application Gateway",
          "No Application Gateway is in scope, so no public HTTPS ingress leads to the Connect nodes."));
    }
    List<Finding> findings = new ArrayList<>();
    for (ApplicationGateway gateway : gateways) {
      findings.add(publicHttps(context, gateway));
      for (HttpListener listener : gateway.httpListeners()) {
        Optional<String> protocol = listener.protocol().map(p -> p.toLowerCase(Locale.ROOT));
        if (protocol.isPresent() && protocol.get().equals(HTTPS)) {
          continue;
        }
        findings.add(protocol.isPresent() && protocol.get().equals(HTTP)
            ? redirects(context, gateway, listener)
            : context.unknown(listener.resource(), "Listener " + gateway.name() + "/" + listener.name()
                + (protocol.isEmpty() ? " states no protocol" : " has an unrecognised protocol")
                + ", so it cannot be told whether it serves plain HTTP.",
                new Evidence("properties.protocol", "Https, or Http with a redirect to HTTPS", listener.protocol().orElse(null))));
      }
    }
    return findings;
  }

  /** The gateway's own finding: a public frontend with an HTTPS listener on it. */
  private static Finding publicHttps(RuleContext context, ApplicationGateway gateway) {
    String where = "Application Gateway " + gateway.name();
    List<Resource> publicFrontends = gateway.frontendIpConfigurations().stream()
        .filter(frontend -> frontend.reference("properties.publicIPAddress.id").isPresent()).toList();
    List<HttpListener> httpsPublic = gateway.httpListeners().stream()
        .filter(listener -> listener.protocol().filter(HTTPS::equalsIgnoreCase).isPresent() && listener.isPublic())
        .toList();
    Evidence frontends = new Evidence("properties.frontendIPConfigurations", "a frontend with a public IP address",
        publicFrontends.isEmpty() ? "none" : String.join(", ", publicFrontends.stream().map(Resource::name).toList()));
    Evidence listeners = new Evidence("properties.httpListeners", "an Https listener on a public frontend",
        httpsPublic.isEmpty() ? "none" : String.join(", ", httpsPublic.stream().map(HttpListener::name).toList()));
    if (!httpsPublic.isEmpty()) {
      return context.pass(gateway.resource(), where + " serves HTTPS on its public frontend through listener(s) "
          + listeners.actual() + ".", frontends, listeners);
    }
    if (publicFrontends.isEmpty()) {
      return context.fail(gateway.resource(), where + " has no frontend with a public IP address, so it gives Connect"
          + " no public HTTPS ingress.", frontends, listeners);
    }
    // A listener whose protocol or frontend cannot be read may be the HTTPS listener that is sought.
    if (gateway.httpListeners().stream().anyMatch(HttpsIngress::mayServePublicHttps)) {
      return context.unknown(gateway.resource(), where + " has no listener known to serve HTTPS on its public frontend,"
          + " but the protocol or frontend of some listener cannot be read.", frontends, listeners);
    }
    return context.fail(gateway.resource(), where + " has no HTTPS listener on its public frontend, so users reach"
        + " Connect over plain HTTP or not at all.", frontends, listeners);
  }

  /** Whether a listener not known to serve HTTPS publicly may still do so: its protocol or frontend cannot be read. */
  private static boolean mayServePublicHttps(HttpListener listener) {
    Optional<String> protocol = listener.protocol();
    if (protocol.filter(HTTP::equalsIgnoreCase).isPresent()) {
      return false;
    }
    boolean frontendKnown = listener.frontendIpConfiguration().isPresent();
    if (protocol.filter(HTTPS::equalsIgnoreCase).isPresent()) {
      return !frontendKnown;
    }
    return !frontendKnown || listener.isPublic();
  }

  /** An HTTP listener's finding: every routing rule on it redirects to HTTPS. */
  private static Finding redirects(RuleContext context, ApplicationGateway gateway, HttpListener listener) {
    Topology topology = context.topology();
    String where = "HTTP listener " + gateway.name() + "/" + listener.name();
    Evidence protocol = new Evidence("properties.protocol", "Https, or Http with a redirect to HTTPS", listener.protocol().orElse(null));
    List<RequestRoutingRule> rules = topology.referencing(listener.resource(), Relation.ROUTING_RULE_LISTENER).stream()
        .map(rule -> new RequestRoutingRule(rule, topology)).toList();
    if (rules.isEmpty()) {
      return context.fail(listener.resource(), where + " has no routing rule, so nothing redirects it to HTTPS.",
          protocol, new Evidence("routing rules", "a rule that redirects to HTTPS", "none"));
    }
    List<Check> checks = rules.stream().map(rule -> judge(topology, rule)).toList();
    List<Evidence> evidence = new ArrayList<>(List.of(protocol));
    checks.forEach(check -> evidence.add(check.evidence()));
    Evidence[] all = evidence.toArray(Evidence[]::new);
    List<String> failed = checks.stream().filter(c -> c.status() == Status.FAIL).map(Check::said).toList();
    if (!failed.isEmpty()) {
      return context.fail(listener.resource(), where + " is not redirected to HTTPS: " + String.join("; ", failed) + ".", all);
    }
    List<String> unknown = checks.stream().filter(c -> c.status() == Status.UNKNOWN).map(Check::said).toList();
    if (!unknown.isEmpty()) {
      return context.unknown(listener.resource(), where + " cannot be shown to redirect to HTTPS: "
          + String.join("; ", unknown) + ".", all);
    }
    return context.pass(listener.resource(), where + " only redirects to HTTPS: " + String.join("; ",
        checks.stream().map(Check::said).toList()) + ".", all);
  }

  private static Check judge(Topology topology, RequestRoutingRule rule) {
    String label = "routing rule " + rule.name();
    String expected = "a redirect to an Https listener or an https:// URL";
    List<Route> forwards = rule.routes();
    if (!forwards.isEmpty() || rule.text("properties.backendAddressPool.id").isPresent()) {
      String pool = forwards.stream().flatMap(route -> route.backendPool().stream()).map(p -> p.name()).findFirst()
          .orElse("a pool not in the topology");
      return new Check(Status.FAIL, "rule " + rule.name() + " forwards plain HTTP to backend pool " + pool,
          new Evidence(label, expected, "forwards to " + pool));
    }
    List<Resource> redirects = redirectsOf(topology, rule);
    if (redirects.isEmpty()) {
      String dangling = rule.text("properties.redirectConfiguration.id").orElse(null);
      return new Check(Status.UNKNOWN, dangling == null
              ? "rule " + rule.name() + " neither forwards nor names a redirect in the topology"
              : "rule " + rule.name() + " names a redirect configuration that is not in the topology",
          new Evidence(label, expected, dangling == null ? null : "redirect " + dangling));
    }
    List<Check> checks = redirects.stream().map(redirect -> target(topology, rule, redirect, label, expected)).toList();
    return checks.stream().filter(c -> c.status() == Status.FAIL).findFirst()
        .or(() -> checks.stream().filter(c -> c.status() == Status.UNKNOWN).findFirst())
        .orElse(checks.get(0));
  }

  /** The redirects a rule uses: its own, or those of its URL path map's default and path rules. */
  private static List<Resource> redirectsOf(Topology topology, RequestRoutingRule rule) {
    List<Resource> redirects = new ArrayList<>();
    rule.redirectConfiguration().ifPresent(redirects::add);
    for (Resource map : rule.related(Relation.ROUTING_RULE_URL_PATH_MAP)) {
      redirects.addAll(topology.related(map, Relation.PATH_MAP_DEFAULT_REDIRECT));
      for (Resource pathRule : topology.children(map, ResourceType.PATH_RULE)) {
        redirects.addAll(topology.related(pathRule, Relation.PATH_RULE_REDIRECT));
      }
    }
    return redirects.stream().distinct().toList();
  }

  private static Check target(Topology topology, RequestRoutingRule rule, Resource redirect, String label, String expected) {
    String via = "rule " + rule.name() + " redirects through " + redirect.name();
    Optional<Resource> target = topology.relatedOne(redirect, Relation.REDIRECT_TARGET_LISTENER);
    if (target.isPresent()) {
      HttpListener listener = new HttpListener(target.get(), topology);
      Optional<String> protocol = listener.protocol();
      Evidence evidence = new Evidence(label, expected, "redirect " + redirect.name() + " to listener " + listener.name()
          + " (" + protocol.orElse("protocol not stated") + ")");
      if (protocol.filter(HTTPS::equalsIgnoreCase).isPresent()) {
        return new Check(Status.PASS, via + " to HTTPS listener " + listener.name(), evidence);
      }
      if (protocol.filter(HTTP::equalsIgnoreCase).isPresent()) {
        return new Check(Status.FAIL, via + " to listener " + listener.name() + ", which is plain HTTP too", evidence);
      }
      return new Check(Status.UNKNOWN, via + " to listener " + listener.name() + ", whose protocol cannot be read", evidence);
    }
    Optional<String> danglingListener = redirect.text("properties.targetListener.id");
    if (danglingListener.isPresent()) {
      return new Check(Status.UNKNOWN, via + " to a listener that is not in the topology",
          new Evidence(label, expected, "redirect " + redirect.name() + " to " + danglingListener.get()));
    }
    Optional<String> url = redirect.text("properties.targetUrl");
    if (url.isEmpty()) {
      return new Check(Status.UNKNOWN, via + ", which names neither a target listener nor a target URL",
          new Evidence(label, expected, "redirect " + redirect.name() + " without a target"));
    }
    Evidence evidence = new Evidence(label, expected, "redirect " + redirect.name() + " to " + url.get());
    String scheme = url.get().trim().toLowerCase(Locale.ROOT);
    if (scheme.startsWith("https://")) {
      return new Check(Status.PASS, via + " to " + url.get(), evidence);
    }
    if (scheme.startsWith("http://")) {
      return new Check(Status.FAIL, via + " to " + url.get() + ", which is plain HTTP", evidence);
    }
    return new Check(Status.UNKNOWN, via + " to " + url.get() + ", whose scheme cannot be read", evidence);
  }

  /** The outcome for one routing rule or redirect, in words. */
  private record Check(Status status, String said, Evidence evidence) {}
}
