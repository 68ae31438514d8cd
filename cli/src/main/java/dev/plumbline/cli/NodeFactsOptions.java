package dev.plumbline.cli;

import dev.plumbline.core.load.InputException;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.nodes.NodeFactsCollector;
import dev.plumbline.core.nodes.NodeFactsSources;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where Connect node facts come from, shared by {@code audit} and {@code snapshot}. */
final class NodeFactsOptions {

  @Option(names = "--connect-node", paramLabel = "NAME=URL",
      description = "Read a Connect node's version and runtimes from its API at its own address, not the gateway's (repeatable).")
  List<String> nodes = new ArrayList<>();

  @Option(names = "--connect-api-key-env", paramLabel = "VAR", defaultValue = "CONNECT_API_KEY",
      description = "The environment variable holding a Connect API key with the publisher or administrator role (default: ${DEFAULT-VALUE}).")
  String apiKeyVariable;

  @Option(names = "--connect-ca", paramLabel = "PEM", description = "Trust the Connect nodes' certificates to these CA certificates (PEM).")
  Path caFile;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long a Connect node may take to answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--connect-config", paramLabel = "NAME=PATH",
      description = "A node's rstudio-connect.gcfg; secrets are removed before anything is stored or shown (repeatable).")
  List<String> configs = new ArrayList<>();

  @Option(names = "--node-facts", paramLabel = "FILE", arity = "1..*",
      description = "Node facts written by scripts/collect-node-facts.sh (repeatable).")
  List<Path> factFiles = new ArrayList<>();

  @Option(names = "--connect-vm", paramLabel = "NAME=VM-ID",
      description = "The VM a named node runs on, when its hostname and private IP do not tell (repeatable).")
  List<String> vms = new ArrayList<>();

  /** A usage error's message. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  NodeFactsSources sources(Function<String, String> environment) throws Invalid {
    Map<String, URI> api = new LinkedHashMap<>();
    for (Map.Entry<String, String> node : pairs("--connect-node", nodes).entrySet()) {
      try {
        URI uri = new URI(node.getValue());
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
          throw new URISyntaxException(node.getValue(), "expected an http(s) URL");
        }
        api.put(node.getKey(), uri);
      } catch (URISyntaxException e) {
        throw new Invalid("invalid --connect-node " + node.getKey() + "=" + node.getValue() + ": expected NAME=https://host:port/");
      }
    }
    Optional<String> key = Optional.ofNullable(environment.apply(apiKeyVariable)).filter(value -> !value.isBlank()).map(String::trim);
    if (!api.isEmpty() && key.isEmpty()) {
      throw new Invalid("--connect-node needs a Connect API key in the environment variable " + apiKeyVariable
          + " (choose another with --connect-api-key-env)");
    }
    Map<String, Path> configFiles = new LinkedHashMap<>();
    pairs("--connect-config", configs).forEach((name, path) -> configFiles.put(name, Path.of(path)));
    if (timeoutSeconds < 1) {
      throw new Invalid("--connect-timeout must be at least 1 second");
    }
    return new NodeFactsSources(api, key, Optional.ofNullable(caFile), Duration.ofSeconds(timeoutSeconds), configFiles,
        factFiles, pairs("--connect-vm", vms));
  }

  /** The topology with the node facts added; unchanged when no source was named. */
  Topology addTo(Topology topology, Function<String, String> environment) throws Invalid, InputException, IOException {
    NodeFactsSources sources = sources(environment);
    if (sources.isEmpty() && sources.vms().isEmpty()) {
      return topology;
    }
    NodeFactsCollector.Collected collected = new NodeFactsCollector().collect(sources);
    return topology.withNodes(collected.nodes(), collected.gaps(), collected.inputs());
  }

  private static Map<String, String> pairs(String option, List<String> values) throws Invalid {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals <= 0 || equals == value.length() - 1) {
        throw new Invalid("invalid " + option + " '" + value + "': expected NAME=VALUE");
      }
      pairs.put(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
    }
    return pairs;
  }
}
