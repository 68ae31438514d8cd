package dev.plumbline.rules.positconnect.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.network.ApplicationGateway;
import dev.plumbline.core.model.network.BackendHttpSettings;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway must stop sending users to a node whose Connect is down; only a probe of Connect's
 * own health endpoint, on the port Connect listens on, tells it so.
 */
@RuleDefinition(
    id = "PCHA-AGW-03",
    name = "Connect.Gateway.HealthProbe",
    summary = "The backend HTTP settings that route to the Connect nodes use a custom probe of Connect's /__ping__ endpoint, on their own protocol and port, that accepts status 200.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Load balancer: \"You must configure health checks to ensure that the Application Gateway routes traffic only to healthy nodes.\"",
        "https://github.com/posit-dev/images-connect/blob/main/connect/README.md (Healthcheck: the unauthenticated /__ping__ endpoint on port 3939 returns 200 OK once Connect is ready; load balancer health checks should hit it)",
        "https://docs.posit.co/connect/admin/load-balancing/",
        "https://learn.microsoft.com/azure/application-gateway/application-gateway-probe-overview"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "healthPath", type = ParameterType.TEXT, defaultValue = "/__ping__",
            description = "The path the probe must request: Connect's health endpoint.")
    })
public final class HealthProbe implements Rule {

  /** What Application Gateway accepts when a probe states no status codes. */
  private static final String DEFAULT_STATUS_CODES = "200-399";

  private static final int HEALTHY_STATUS = 200;

  private static final Set<String> PROTOCOLS = Set.of("http", "https", "tcp", "tls");

  private static final Pattern STATUS_RANGE = Pattern.compile("\\s*(\\d{3})\\s*(?:-\\s*(\\d{3})\\s*)?");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<ApplicationGateway> gateways = ApplicationGateway.all(context.topology());
    if (gateways.isEmpty()) {
      return List.of(context.missing("an Application Gateway",
          "No Application Gateway is in scope, so nothing probes the health of the Connect nodes."));
    }
    String healthPath = context.text("healthPath");
    return ConnectRoutes.judgeHttpSettings(context, gateways, "health probe", "backend HTTP settings with a custom probe",
        (gateway, settings) -> check(context, gateway, settings, healthPath));
  }

  private static Finding check(RuleContext context, ApplicationGateway gateway, BackendHttpSettings settings,
      String healthPath) {
    String where = "Backend HTTP settings " + gateway.name() + "/" + settings.name();
    Optional<Resource> probe = settings.probe();
    if (probe.isEmpty()) {
      Optional<String> reference = settings.text("properties.probe.id");
      if (reference.isPresent()) {
        return context.unknown(settings.resource(), where + " reference a probe that is not in the topology, so it"
            + " cannot be told what the probe requests.", new Evidence("properties.probe.id", "a probe in the topology",
            reference.get()));
      }
      return context.fail(settings.resource(), where + " use no custom probe, so the gateway's default probe requests /"
          + " instead of Connect's health endpoint " + healthPath + ".",
          Evidence.absent("properties.probe.id", "a custom probe of " + healthPath));
    }
    Resource custom = probe.get();
    List<Check> checks = List.of(
        path(custom, healthPath),
        protocol(custom, settings),
        port(custom, settings),
        statusCodes(custom),
        body(custom));
    Evidence[] evidence = checks.stream().map(Check::evidence).toArray(Evidence[]::new);
    String subject = where + " use probe " + custom.name();
    List<String> failed = checks.stream().filter(c -> c.status() == Status.FAIL).map(Check::problem).toList();
    if (!failed.isEmpty()) {
      return context.fail(settings.resource(), subject + ", which cannot tell the gateway that Connect on a node is down: "
          + String.join("; ", failed) + ".", evidence);
    }
    List<String> unknown = checks.stream().filter(c -> c.status() == Status.UNKNOWN).map(Check::problem).toList();
    if (!unknown.isEmpty()) {
      return context.unknown(settings.resource(), subject + ", which cannot be shown to work: "
          + String.join("; ", unknown) + ".", evidence);
    }
    return context.pass(settings.resource(), subject + ", which requests " + healthPath
        + " on the port and protocol Connect is reached on and accepts status 200.", evidence);
  }

  private static Check path(Resource probe, String healthPath) {
    Optional<String> path = probe.text("properties.path");
    Evidence evidence = new Evidence("probe.properties.path", healthPath, path.orElse(null));
    if (path.isEmpty()) {
      return new Check(Status.UNKNOWN, "it states no path", evidence);
    }
    return path.get().equals(healthPath)
        ? new Check(Status.PASS, "", evidence)
        : new Check(Status.FAIL, "it requests " + path.get() + " instead of " + healthPath, evidence);
  }

  private static Check protocol(Resource probe, BackendHttpSettings settings) {
    Optional<String> probeProtocol = probe.text("properties.protocol");
    Optional<String> settingsProtocol = settings.protocol();
    Evidence evidence = new Evidence("probe.properties.protocol",
        settingsProtocol.map(p -> p + " (the settings' protocol)").orElse("the settings' protocol"),
        probeProtocol.orElse(null));
    if (probeProtocol.isEmpty() || settingsProtocol.isEmpty()) {
      return new Check(Status.UNKNOWN, probeProtocol.isEmpty() ? "it states no protocol" : "the settings state no protocol", evidence);
    }
    if (!recognised(probeProtocol.get()) || !recognised(settingsProtocol.get())) {
      return new Check(Status.UNKNOWN, "its protocol or the settings' is not recognised", evidence);
    }
    return probeProtocol.get().equalsIgnoreCase(settingsProtocol.get())
        ? new Check(Status.PASS, "", evidence)
        : new Check(Status.FAIL, "it probes over " + probeProtocol.get() + " while the settings use " + settingsProtocol.get(), evidence);
  }

  private static Check port(Resource probe, BackendHttpSettings settings) {
    Optional<Long> probePort = probe.number("properties.port");
    Optional<Long> settingsPort = settings.port();
    Evidence evidence = new Evidence("probe.properties.port",
        settingsPort.map(p -> p + " (the settings' port), or absent").orElse("the settings' port, or absent"),
        probePort.map(String::valueOf).orElse(null));
    if (settingsPort.isEmpty()) {
      return new Check(Status.UNKNOWN, "the settings state no port", evidence);
    }
    // Without a port of its own the probe uses the settings' port.
    long effective = probePort.orElse(settingsPort.get());
    return effective == settingsPort.get()
        ? new Check(Status.PASS, "", evidence)
        : new Check(Status.FAIL, "it probes port " + effective + " while Connect is reached on port " + settingsPort.get(), evidence);
  }

  private static Check statusCodes(Resource probe) {
    JsonNode codes = probe.get("properties.match.statusCodes");
    Evidence absent = Evidence.absent("probe.properties.match.statusCodes", "codes including 200 (absent means " + DEFAULT_STATUS_CODES + ")");
    if (!codes.isArray() || codes.isEmpty()) {
      if (!codes.isMissingNode() && !codes.isArray()) {
        return new Check(Status.UNKNOWN, "it states status codes in a form that is not recognised",
            new Evidence(absent.path(), absent.expected(), codes.toString()));
      }
      return new Check(Status.PASS, "", absent);
    }
    List<String> listed = new ArrayList<>();
    codes.forEach(code -> listed.add(code.asText()));
    Evidence evidence = new Evidence(absent.path(), absent.expected(), String.join(", ", listed));
    boolean unreadable = false;
    for (String code : listed) {
      Matcher range = STATUS_RANGE.matcher(code);
      if (!range.matches()) {
        unreadable = true;
        continue;
      }
      int low = Integer.parseInt(range.group(1));
      int high = range.group(2) == null ? low : Integer.parseInt(range.group(2));
      if (low <= HEALTHY_STATUS && HEALTHY_STATUS <= high) {
        return new Check(Status.PASS, "", evidence);
      }
    }
    return unreadable
        ? new Check(Status.UNKNOWN, "it lists status codes that are not recognised", evidence)
        : new Check(Status.FAIL, "it does not accept status 200 (only " + String.join(", ", listed) + ")", evidence);
  }

  /** A body match can turn Connect's 200 into a failed probe, and what /__ping__ returns is not documented. */
  private static Check body(Resource probe) {
    Optional<String> body = probe.text("properties.match.body").filter(text -> !text.isEmpty());
    Evidence evidence = new Evidence("probe.properties.match.body", "absent or empty", body.orElse(null));
    return body.isEmpty()
        ? new Check(Status.PASS, "", evidence)
        : new Check(Status.UNKNOWN, "it requires the body to contain '" + body.get() + "', which Connect's health response"
            + " is not documented to hold", evidence);
  }

  private static boolean recognised(String protocol) {
    return PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT));
  }

  /** The outcome of one property of the probe, with what to say when it is not a pass. */
  private record Check(Status status, String problem, Evidence evidence) {}
}
