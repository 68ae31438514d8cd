package dev.plumbline.core.nodes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run gets its Connect node facts: each node's API, its configuration file, files written
 * by {@code scripts/collect-node-facts.sh}, and which VM each named node is.
 *
 * @param api node name to the node's own address
 * @param apiKey the Connect API key (publisher or administrator), when any node is read by API
 * @param configs node name to its rstudio-connect.gcfg
 * @param factFiles files of facts in the snapshot's node shape (one node, an array, or {@code {"nodes": [...]}})
 * @param vms node name to the ARM id of its VM, when hostname and private IP do not tell
 */
public record NodeFactsSources(
    Map<String, URI> api,
    Optional<String> apiKey,
    Optional<Path> caCertificates,
    Duration timeout,
    Map<String, Path> configs,
    List<Path> factFiles,
    Map<String, String> vms) {

  public NodeFactsSources {
    api = Map.copyOf(api);
    configs = Map.copyOf(configs);
    factFiles = List.copyOf(factFiles);
    vms = Map.copyOf(vms);
  }

  public boolean isEmpty() {
    return api.isEmpty() && configs.isEmpty() && factFiles.isEmpty();
  }

  @Override
  public String toString() {
    // Never the key.
    return "NodeFactsSources[api=" + api + ", configs=" + configs + ", factFiles=" + factFiles + ", vms=" + vms + "]";
  }
}
