package dev.plumbline.core.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.load.SnapshotSchema;
import dev.plumbline.core.load.ValidatedJson;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers Connect node facts from every source a run names and merges them per node name: the
 * API's version and runtimes, the configuration file's settings (secrets removed), the script's
 * facts, and the VM each node is. A node whose API does not answer is a gap, so its rules say UNKNOWN.
 */
public final class NodeFactsCollector {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was gathered. */
  public record Collected(List<JsonNode> nodes, List<Gap> gaps, List<InputSource> inputs) {}

  /**
   * @throws InputException when a facts file or configuration file is malformed (file:line:column)
   * @throws IOException when the CA file cannot be read
   */
  public Collected collect(NodeFactsSources sources) throws InputException, IOException {
    Map<String, ObjectNode> nodes = new LinkedHashMap<>();
    List<Gap> gaps = new ArrayList<>();
    List<InputSource> inputs = new ArrayList<>();
    for (Path file : sources.factFiles()) {
      List<ObjectNode> read = factFile(file);
      read.forEach(node -> merge(nodes, node));
      inputs.add(new InputSource(file.toString(), "node facts", read.size(), ""));
    }
    if (!sources.api().isEmpty()) {
      ConnectApiClient client = new ConnectApiClient(sources.caCertificates(), sources.timeout());
      String key = sources.apiKey().orElseThrow(() -> new IllegalArgumentException("reading Connect nodes needs an API key"));
      for (Map.Entry<String, URI> node : sources.api().entrySet()) {
        try {
          merge(nodes, client.read(node.getKey(), node.getValue(), key));
          inputs.add(new InputSource(node.getValue().toString(), "Connect API", 1, ""));
        } catch (ConnectApiClient.Unreadable e) {
          gaps.add(new Gap(Gap.Kind.UNREAD, "Connect node " + node.getKey(), "", node.getValue().toString(),
              "the node's Connect API could not be read: " + e.getMessage(), Provenance.none()));
        }
      }
    }
    GcfgReader reader = new GcfgReader();
    for (Map.Entry<String, Path> config : sources.configs().entrySet()) {
      GcfgFile file = reader.read(config.getValue());
      ObjectNode node = JSON.createObjectNode().put("name", config.getKey());
      ObjectNode facts = node.putObject("config");
      facts.put("digest", file.digest());
      ObjectNode settings = facts.putObject("settings");
      file.facts().forEach((name, values) -> {
        ArrayNode list = settings.putArray(name);
        values.forEach(list::add);
      });
      merge(nodes, node);
      inputs.add(new InputSource(config.getValue().toString(), "Connect configuration", 1, file.digest()));
    }
    sources.vms().forEach((name, vm) -> merge(nodes, JSON.createObjectNode().put("name", name).put("vmId", vm)));
    return new Collected(List.copyOf(nodes.values()), gaps, inputs);
  }

  /** Adds what {@code more} knows to the node of the same name; what is already known stays. */
  private static void merge(Map<String, ObjectNode> nodes, ObjectNode more) {
    String name = more.path("name").asText();
    ObjectNode known = nodes.get(name);
    if (known == null) {
      nodes.put(name, more.deepCopy());
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = more.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode current = known.get(field.getKey());
      if (current == null || current.isNull()) {
        known.set(field.getKey(), field.getValue().deepCopy());
      } else if (current.isObject() && field.getValue().isObject()) {
        ((ObjectNode) current).setAll((ObjectNode) field.getValue().deepCopy());
      }
    }
  }

  /**
   * A file of node facts: one node, an array of nodes, or {@code {"nodes": [...]}}, each checked
   * against the snapshot schema's node definition with errors at their own line and column.
   */
  private static List<ObjectNode> factFile(Path file) throws InputException {
    ValidatedJson json = ValidatedJson.read(file);
    JsonNode root = json.root();
    String base;
    JsonNode list;
    if (root.isArray()) {
      base = "";
      list = root;
    } else if (root.isObject() && root.has("nodes") && !root.has("name")) {
      base = "/nodes";
      list = root.get("nodes");
    } else if (root.isObject()) {
      base = null;
      list = JSON.createArrayNode().add(root);
    } else {
      throw json.error("", "expected node facts: one node object, an array of them, or {\"nodes\": [...]}");
    }
    if (!list.isArray()) {
      throw json.error(base == null ? "" : base, "expected \"nodes\" to be an array of node facts");
    }
    ObjectNode wrapped = JSON.createObjectNode().put("plumblineSnapshot", 1);
    wrapped.putArray("resources");
    wrapped.set("nodes", list);
    Optional<SnapshotSchema.Violation> violation = new SnapshotSchema().firstViolation(wrapped);
    if (violation.isPresent()) {
      String pointer = violation.get().pointer();
      String inFile = pointer.startsWith("/nodes") ? (base == null ? pointer.replaceFirst("^/nodes/0", "")
          : base + pointer.substring("/nodes".length())) : "";
      throw json.error(inFile, "not valid node facts: " + violation.get().message());
    }
    List<ObjectNode> nodes = new ArrayList<>();
    list.forEach(node -> nodes.add((ObjectNode) node));
    return nodes;
  }
}
