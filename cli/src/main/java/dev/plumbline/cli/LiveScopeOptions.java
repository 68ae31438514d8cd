package dev.plumbline.cli;

import dev.plumbline.core.live.AzureCloud;
import dev.plumbline.core.live.LiveOptions;
import dev.plumbline.core.live.LiveScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options that name a live Azure scope and how to reach it, shared by {@code audit} and {@code snapshot}. */
final class LiveScopeOptions {

  @Option(names = "--subscription", paramLabel = "ID", description = "Read this subscription live (repeatable; one Resource Graph query spans them).")
  List<String> subscriptions = new ArrayList<>();

  @Option(names = "--management-group", paramLabel = "ID", description = "Read every subscription under this management group (repeatable).")
  List<String> managementGroups = new ArrayList<>();

  @Option(names = {"--resource-group", "-g"}, paramLabel = "NAME", description = "Only these resource groups of the subscription (repeatable).")
  List<String> resourceGroups = new ArrayList<>();

  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only resources with this tag (repeatable; all must match).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--tenant", paramLabel = "ID", description = "The tenant to sign in to.")
  String tenant;

  @Option(names = "--access-token-file", paramLabel = "FILE",
      description = "A file holding an ARM bearer token to use instead of signing in (also PLUMBLINE_ACCESS_TOKEN).")
  Path accessTokenFile;

  @Option(names = "--cloud", paramLabel = "NAME", defaultValue = "AzureCloud",
      description = "AzureCloud, AzureChinaCloud or AzureUSGovernment (default: ${DEFAULT-VALUE}).")
  String cloud;

  @Option(names = "--arm-endpoint", paramLabel = "URL",
      description = "Another Resource Manager endpoint (Azure Stack Hub, a private cloud); https, or http on a loopback address.")
  String armEndpoint;

  @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the ARM endpoint's certificate chain to these CA certificates (PEM).")
  Path caFile;

  @Option(names = "--no-resource-graph", description = "Read by listing each resource group and GETting each resource instead of Resource Graph.")
  boolean noResourceGraph;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long one request may take before it is retried (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "Retries of a throttled, failed or timed-out request (default: ${DEFAULT-VALUE}).")
  int retries;

  /** Whether a live scope was named. */
  boolean isLive() {
    return !subscriptions.isEmpty() || !managementGroups.isEmpty();
  }

  /** A usage error's message. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /**
   * The options for the loader.
   *
   * @param err where progress and, when verbose, request lines go
   * @param progress whether to print progress (standard error is a terminal)
   */
  LiveOptions toOptions(PrintWriter err, boolean progress, boolean verbose, Function<String, String> environment)
      throws Invalid {
    Map<String, String> tagged = new LinkedHashMap<>();
    for (String tag : tags) {
      int equals = tag.indexOf('=');
      if (equals <= 0) {
        throw new Invalid("invalid --tag '" + tag + "': expected KEY=VALUE");
      }
      tagged.put(tag.substring(0, equals).trim(), tag.substring(equals + 1).trim());
    }
    LiveScope scope;
    try {
      scope = new LiveScope(subscriptions, managementGroups, resourceGroups, tagged);
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
    AzureCloud chosen = AzureCloud.named(cloud)
        .orElseThrow(() -> new Invalid("unknown --cloud '" + cloud + "': expected AzureCloud, AzureChinaCloud or AzureUSGovernment"));
    if (timeoutSeconds < 1 || retries < 0) {
      throw new Invalid("--timeout must be at least 1 second and --retries at least 0");
    }
    LiveOptions options = LiveOptions.of(scope).withCloud(chosen, Optional.ofNullable(tenant))
        .withResourceGraph(!noResourceGraph)
        .withRetries(retries, Duration.ofMillis(800), Duration.ofSeconds(timeoutSeconds))
        .withLogs(progress ? line -> { err.println("plumbline: " + line); err.flush(); } : line -> { },
            verbose ? line -> { err.println("plumbline: " + line); err.flush(); } : line -> { });
    try {
      if (armEndpoint != null) {
        options = options.withArmEndpoint(new URI(armEndpoint));
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Invalid("invalid --arm-endpoint '" + armEndpoint + "': " + e.getMessage());
    }
    if (caFile != null) {
      if (!Files.isReadable(caFile)) {
        throw new Invalid("--ca-file " + caFile + " cannot be read");
      }
      options = options.withCaCertificates(caFile);
    }
    Optional<String> token = token(environment);
    if (token.isPresent()) {
      options = options.withAccessToken(token.get());
    }
    return options;
  }

  private Optional<String> token(Function<String, String> environment) throws Invalid {
    if (accessTokenFile != null) {
      try {
        String token = Files.readString(accessTokenFile, StandardCharsets.UTF_8).trim();
        if (token.isEmpty()) {
          throw new Invalid("--access-token-file " + accessTokenFile + " is empty");
        }
        return Optional.of(token);
      } catch (IOException e) {
        throw new Invalid("--access-token-file " + accessTokenFile + " cannot be read: " + e.getMessage());
      }
    }
    String variable = environment.apply("PLUMBLINE_ACCESS_TOKEN");
    return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
  }
}
