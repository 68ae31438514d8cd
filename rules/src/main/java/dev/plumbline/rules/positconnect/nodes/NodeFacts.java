package dev.plumbline.rules.positconnect.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one Posit Connect node reported about itself, read from one entry of the snapshot's {@code nodes} section.
 *
 * <p>An absent field stays empty, which rules report as UNKNOWN; an empty list is a fact (nothing
 * installed, nothing mounted).
 *
 * @param name the entry's name, used in evidence paths as {@code nodes[<name>]}
 * @param vmId the ARM id of the VM the node runs on, as given
 * @param connectVersion {@code connect.version}
 * @param runtimes {@code runtimes.<python|r|quarto>}: the installed versions, per runtime present
 * @param settings {@code config.settings}: lower-cased setting name to its values as text
 * @param mounts {@code mounts}: the file systems the node has mounted
 */
public record NodeFacts(
    String name,
    Optional<String> vmId,
    Optional<String> hostname,
    Optional<String> privateIp,
    Optional<String> connectVersion,
    Map<String, List<String>> runtimes,
    Optional<Map<String, List<String>>> settings,
    Optional<List<Mount>> mounts) {

  /** The runtimes the facts describe, in the order rules report them. */
  public static final List<String> RUNTIMES = List.of("python", "r", "quarto");

  public NodeFacts {
    runtimes = Collections.unmodifiableMap(new LinkedHashMap<>(runtimes));
    settings = settings.map(map -> Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    mounts = mounts.map(List::copyOf);
  }

  /** A mounted file system: {@code source} such as {@code 10.20.3.4:/connect-data}, {@code target} the mount point. */
  public record Mount(Optional<String> source, String target, Optional<String> fstype) {

    /** Whether the file system is served over the network (NFS or SMB), so other machines can share it. */
    public boolean isNetworkFileSystem() {
      if (fstype.isPresent()) {
        String type = fstype.get().toLowerCase(Locale.ROOT);
        return type.startsWith("nfs") || type.startsWith("cifs") || type.startsWith("smb");
      }
      // Without a type, the source's form still tells: host:/export for NFS, //host/share for SMB.
      return source.map(s -> s.contains(":/") || s.startsWith("//")).orElse(false);
    }

    /** The host of an NFS source {@code host:/export}, or empty for any other form. */
    public Optional<String> serverHost() {
      return source.filter(s -> s.indexOf(":/") > 0).map(s -> s.substring(0, s.indexOf(":/")).trim());
    }

    /** The exported path of an NFS source {@code host:/export}, or empty for any other form. */
    public Optional<String> exportPath() {
      return source.filter(s -> s.indexOf(":/") > 0).map(s -> s.substring(s.indexOf(":/") + 1).trim());
    }

    /** Whether {@code path} is the mount point or lies below it. */
    public boolean contains(String path) {
      String root = trimSlashes(target);
      String inner = trimSlashes(path);
      return root.isEmpty() || inner.equals(root) || inner.startsWith(root + "/");
    }

    private static String trimSlashes(String path) {
      String trimmed = path.trim();
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      return trimmed;
    }
  }

  /** Every entry of the topology's {@code nodes} section, in the order given. */
  public static List<NodeFacts> all(Topology topology) {
    return topology.nodes().stream().map(NodeFacts::of).toList();
  }

  /** Reads one entry of the {@code nodes} section. */
  public static NodeFacts of(JsonNode entry) {
    Map<String, List<String>> runtimes = new LinkedHashMap<>();
    for (String runtime : RUNTIMES) {
      texts(entry.path("runtimes").path(runtime)).ifPresent(versions -> runtimes.put(runtime, versions));
    }
    Optional<Map<String, List<String>>> settings = Optional.empty();
    JsonNode config = entry.path("config").path("settings");
    if (config.isObject()) {
      Map<String, List<String>> map = new LinkedHashMap<>();
      config.fields().forEachRemaining(field -> texts(field.getValue()).ifPresent(values ->
          map.put(field.getKey().toLowerCase(Locale.ROOT), values)));
      settings = Optional.of(map);
    }
    Optional<List<Mount>> mounts = Optional.empty();
    if (entry.path("mounts").isArray()) {
      List<Mount> list = new ArrayList<>();
      for (JsonNode mount : entry.path("mounts")) {
        text(mount.path("target")).ifPresent(target ->
            list.add(new Mount(text(mount.path("source")), target, text(mount.path("fstype")))));
      }
      mounts = Optional.of(list);
    }
    return new NodeFacts(entry.path("name").asText(""), text(entry.path("vmId")), text(entry.path("hostname")),
        text(entry.path("privateIp")), text(entry.path("connect").path("version")), runtimes, settings, mounts);
  }

  /** The installed versions of a runtime ({@code python}, {@code r}, {@code quarto}), or empty when not reported. */
  public Optional<List<String>> runtime(String runtime) {
    return Optional.ofNullable(runtimes.get(runtime));
  }

  /**
   * The values of a setting, named {@code section.name} in any case; empty when the configuration
   * is not known or does not set it (see {@link #settings()} to tell the two apart).
   */
  public Optional<List<String>> setting(String key) {
    return settings.flatMap(map -> Optional.ofNullable(map.get(key.toLowerCase(Locale.ROOT))));
  }

  /**
   * The value Connect uses for a single-valued setting: the last one written, since in gcfg a
   * repeated section or key overrides what came before.
   */
  public Optional<String> effectiveSetting(String key) {
    return setting(key).filter(values -> !values.isEmpty()).map(values -> values.get(values.size() - 1));
  }

  /** The mount that holds {@code path}: the one with the deepest mount point containing it. */
  public Optional<Mount> mountHolding(String path) {
    return mounts.flatMap(list -> list.stream().filter(mount -> mount.contains(path))
        .max((a, b) -> Integer.compare(a.target().length(), b.target().length())));
  }

  /** The evidence path of a field of this entry, e.g. {@code nodes[connect-1].connect.version}. */
  public String path(String field) {
    return "nodes[" + name + "]." + field;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? Optional.of(node.asText().trim()) : Optional.empty();
  }

  private static Optional<List<String>> texts(JsonNode node) {
    if (node.isArray()) {
      List<String> values = new ArrayList<>();
      node.forEach(value -> text(value).ifPresent(values::add));
      return Optional.of(List.copyOf(values));
    }
    // A lone value where a list belongs is still that one value.
    return text(node).map(List::of);
  }
}
