package dev.plumbline.core.load;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.Plumbline;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a topology as a native snapshot ({@code snapshot.schema.json}), so a live audit can be
 * repeated offline and attached as evidence: the resources as read, the scopes and what could not
 * be read in them, and the node facts.
 */
public final class SnapshotWriter {

  /** Gaps that loading the snapshot recomputes from its resources, and so are not written twice. */
  private static final Set<Gap.Kind> RECOMPUTED = EnumSet.of(Gap.Kind.DANGLING_REFERENCE, Gap.Kind.UNRESOLVED_MEMBER,
      Gap.Kind.DUPLICATE_CONFLICT);

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /**
   * Writes the snapshot.
   *
   * @param source what was read, e.g. {@code {"kind": "live", "description": "subscription ..."}}
   */
  public void write(Topology topology, ObjectNode source, OutputStream out) throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("plumblineSnapshot", 1);
    topology.capturedAt().ifPresent(when -> root.put("capturedAt", when));
    ObjectNode described = source.deepCopy();
    described.put("tool", Plumbline.NAME + " " + Plumbline.version());
    root.set("source", described);
    ArrayNode scopes = root.putArray("scopes");
    topology.scopes().forEach(scopes::add);
    ArrayNode resources = root.putArray("resources");
    for (Resource resource : topology.topLevelResources()) {
      resources.add(resource.raw());
    }
    ArrayNode gaps = root.putArray("gaps");
    for (Gap gap : topology.gaps()) {
      if (RECOMPUTED.contains(gap.kind())) {
        continue;
      }
      ObjectNode written = gaps.addObject().put("kind", gap.kind().name());
      putIfPresent(written, "subject", gap.subject());
      putIfPresent(written, "path", gap.path());
      putIfPresent(written, "target", gap.target());
      written.put("reason", gap.reason().isEmpty() ? "not read" : gap.reason());
    }
    ArrayNode nodes = root.putArray("nodes");
    for (JsonNode node : topology.nodes()) {
      nodes.add(node);
    }
    json.writeValue(out, root);
    out.write('\n');
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
