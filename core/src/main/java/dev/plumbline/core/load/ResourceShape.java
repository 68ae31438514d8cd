package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.ResourceId;

/**
 * The checks every resource passes whatever file it came in: an object with a text {@code id} and
 * {@code type} (or an id well-formed enough to state the type), and the well-known fields of the types ARM gives them. The snapshot schema states
 * the same rules for snapshots.
 */
final class ResourceShape {

  private ResourceShape() {}

  static void check(JsonDocument document, JsonNode resource, String pointer) throws InputException {
    if (!resource.isObject()) {
      throw TopologyLoader.error(document, pointer, "expected an ARM resource object; found " + TopologyLoader.kind(resource));
    }
    JsonNode id = resource.get("id");
    if (id == null || id.isNull()) {
      throw TopologyLoader.error(document, pointer, "the resource has no \"id\"; every resource needs a text \"id\""
          + nameHint(resource));
    }
    if (!id.isTextual() || id.asText().isBlank()) {
      throw TopologyLoader.error(document, pointer + "/id",
          "expected \"id\" to be a non-empty string; found " + TopologyLoader.kind(id));
    }
    if (!id.asText().contains("/")) {
      throw TopologyLoader.error(document, pointer + "/id", "expected \"id\" to be an ARM resource id such as "
          + "/subscriptions/.../resourceGroups/.../providers/...; found " + TopologyLoader.kind(id));
    }
    JsonNode type = resource.get("type");
    if (type == null || type.isNull()) {
      // Some of Microsoft's own examples (SubnetGet) leave the type out; a well-formed id still states it.
      ResourceId parsed = ResourceId.parse(id.asText());
      if (!parsed.isWellFormed() || parsed.type().isEmpty()) {
        throw TopologyLoader.error(document, pointer, "the resource has no \"type\" and its \"id\" does not name one;"
            + " every resource needs a text \"type\"" + nameHint(resource));
      }
    } else if (!type.isTextual() || type.asText().isBlank()) {
      throw TopologyLoader.error(document, pointer + "/type",
          "expected \"type\" to be a non-empty string; found " + TopologyLoader.kind(type));
    }
    expect(document, resource, pointer, "name", Kind.TEXT);
    expect(document, resource, pointer, "location", Kind.TEXT);
    expect(document, resource, pointer, "zones", Kind.ARRAY);
    expect(document, resource, pointer, "tags", Kind.OBJECT);
    expect(document, resource, pointer, "sku", Kind.OBJECT);
    expect(document, resource, pointer, "properties", Kind.OBJECT);
  }

  private enum Kind {
    TEXT("a string"),
    ARRAY("an array"),
    OBJECT("an object");

    final String words;

    Kind(String words) {
      this.words = words;
    }
  }

  private static void expect(JsonDocument document, JsonNode resource, String pointer, String field, Kind kind)
      throws InputException {
    JsonNode value = resource.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    boolean ok = switch (kind) {
      case TEXT -> value.isTextual();
      case ARRAY -> value.isArray();
      case OBJECT -> value.isObject();
    };
    if (!ok) {
      throw TopologyLoader.error(document, pointer + "/" + field,
          "expected \"" + field + "\" to be " + kind.words + " or null; found " + TopologyLoader.kind(value));
    }
  }

  private static String nameHint(JsonNode resource) {
    JsonNode name = resource.get("name");
    return name != null && name.isTextual() ? " (resource named \"" + name.asText() + "\")" : "";
  }
}
