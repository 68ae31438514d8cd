package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.ResourceId;

/**
 * The checks every resource passes whatever file it came in: an object with a text {@code id} and
 * {@code type}, and the well-known fields of the types ARM gives them. The snapshot schema states
 * the same rules for snapshots.
 */
final class ResourceShape {

  private ResourceShape() {}

  static void check(JsonDocument document, JsonNode resource, String pointer) throws InputException {
    if (!resource.isObject()) {
      throw TopologyLoader.error(document, pointer, "expected an ARM resource object; found " + TopologyLoader.kind(resource));
    }
    for (String required : new String[] {"id", "type"}) {
      JsonNode value = resource.get(required);
      if (value == null || value.isNull()) {
        throw TopologyLoader.error(document, pointer, "the resource has no \"" + required + "\"; every resource needs a text \""
            + required + "\"" + nameHint(resource));
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        throw TopologyLoader.error(document, pointer + "/" + required,
            "expected \"" + required + "\" to be a non-empty string; found " + TopologyLoader.kind(value));
      }
    }
    if (!resource.get("id").asText().contains("/")) {
      throw TopologyLoader.error(document, pointer + "/id", "expected \"id\" to be an ARM resource id such as "
          + "/subscriptions/.../resourceGroups/.../providers/...; found " + TopologyLoader.kind(resource.get("id")));
    }
    expect(document, resource, pointer, "name", Kind.TEXT);
    expect(document, resource, pointer, "location", Kind.TEXT);
    expect(document, resource, pointer, "zones", Kind.ARRAY);
    expect(document, resource, pointer, "tags", Kind.OBJECT);
    expect(document, resource, pointer, "sku", Kind.OBJECT);
    expect(document, resource, pointer, "properties", Kind.OBJECT);
    ResourceId.parse(resource.get("id").asText());
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
