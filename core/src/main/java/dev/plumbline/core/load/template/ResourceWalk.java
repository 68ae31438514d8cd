package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Walks the resources of one template, parents before children, collecting results; use once. */
final class ResourceWalk {

  /** Keys that steer the deployment but are not part of the resource ARM returns. */
  private static final Set<String> TEMPLATE_ONLY =
      Set.of("apiversion", "dependson", "copy", "condition", "comments", "resources");

  /** Real ARM types nest a handful of levels; anything deeper is hostile input. */
  private static final int MAX_RESOURCE_NESTING = 32;

  private final Evaluator evaluator;
  private final String subscriptionId;
  private final String resourceGroupName;
  private final List<ResolvedResource> resources = new ArrayList<>();
  private final List<UnresolvedExpression> unresolved = new ArrayList<>();

  /** The resolved full type and name segments of the resource whose {@code resources[]} is being walked. */
  private record Parent(String type, List<String> names) {}

  /**
   * The type or name of a resource as far as it could be resolved.
   *
   * @param output   the value for the output resource
   * @param text     the text to build the id from
   * @param resolved whether {@code text} is the evaluated string rather than raw template text
   */
  private record Part(JsonNode output, String text, boolean resolved) {}

  ResourceWalk(Evaluator evaluator, String subscriptionId, String resourceGroupName) {
    this.evaluator = evaluator;
    this.subscriptionId = subscriptionId;
    this.resourceGroupName = resourceGroupName;
  }

  Resolution walk(ObjectNode template) {
    Map.Entry<String, JsonNode> list = field(template, "resources");
    if (list != null) {
      walkList(list.getValue(), Nodes.pointer("", list.getKey()), null, 0);
    }
    return new Resolution(resources, unresolved);
  }

  private void walkList(JsonNode list, String pointer, Parent parent, int nesting) {
    if (list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      report(pointer, Nodes.rawText(list), "resources is not an array");
      return;
    }
    if (nesting >= MAX_RESOURCE_NESTING) {
      report(pointer, Nodes.rawText(list),
          "resources nested more than " + MAX_RESOURCE_NESTING + " levels deep are not resolved");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = Nodes.pointer(pointer, i);
      try {
        visit(list.get(i), at, parent, nesting);
      } catch (RuntimeException e) {
        // The contract is to report rather than throw; one broken resource must not cost the others.
        report(at, "", "resource could not be resolved: " + e);
      }
    }
  }

  private void visit(JsonNode node, String pointer, Parent parent, int nesting) {
    if (!node.isObject()) {
      report(pointer, Nodes.rawText(node), "resource is not a JSON object");
      return;
    }
    ObjectNode resource = (ObjectNode) node;
    if (!conditionHolds(resource, pointer)) {
      return;
    }
    Map.Entry<String, JsonNode> copy = field(resource, "copy");
    if (copy != null) {
      report(Nodes.pointer(pointer, copy.getKey()), Nodes.rawText(copy.getValue()), "copy loops are not expanded");
    }
    Part type = part(resource, pointer, "type");
    Part name = part(resource, pointer, "name");

    String fullType = type.text();
    if (parent != null && type.resolved() && !fullType.contains("/")) {
      fullType = parent.type() + "/" + fullType;
    }
    List<String> typeSegments;
    if (type.resolved()) {
      typeSegments = ResourceIds.segments(fullType);
    } else {
      // Raw text may hold '/' inside an expression, so it stays one segment.
      typeSegments = type.output().isNull() ? List.of() : List.of(type.text());
    }
    int namesNeeded = typeSegments.size() - 1;

    List<String> names = new ArrayList<>();
    if (name.resolved()) {
      List<String> own = ResourceIds.segments(name.text());
      // Nested children may give their name relative to the parent, like their type.
      if (parent != null && (own.size() < namesNeeded || !type.resolved())) {
        names.addAll(parent.names());
      }
      names.addAll(own);
      if (type.resolved() && names.size() != namesNeeded) {
        report(Nodes.pointer(pointer, fieldKey(resource, "name")), name.text(),
            "resource name '" + String.join("/", names) + "' has " + names.size() + " segment(s) but type '"
                + fullType + "' needs " + namesNeeded);
      }
    } else {
      if (parent != null) {
        names.addAll(parent.names());
      }
      if (!name.output().isNull()) {
        // The raw text may hold '/' inside an expression, so it stays one segment.
        names.add(name.text());
      }
    }

    ObjectNode out = Nodes.FACTORY.objectNode();
    out.put("id", ResourceIds.inResourceGroup(subscriptionId, resourceGroupName, typeSegments, names));
    out.set("name", name.resolved() ? TextNode.valueOf(String.join("/", names)) : name.output());
    out.set("type", type.resolved() ? TextNode.valueOf(fullType) : type.output());
    for (Map.Entry<String, JsonNode> entry : resource.properties()) {
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      if (TEMPLATE_ONLY.contains(key) || key.equals("name") || key.equals("type") || key.equals("id")) {
        continue;
      }
      out.set(entry.getKey(), evaluator.resolveTree(entry.getValue(), Nodes.pointer(pointer, entry.getKey()), 0,
          this::report));
    }
    resources.add(new ResolvedResource(pointer, out));

    Map.Entry<String, JsonNode> children = field(resource, "resources");
    if (children != null) {
      walkList(children.getValue(), Nodes.pointer(pointer, children.getKey()), new Parent(fullType, names),
          nesting + 1);
    }
  }

  /** Reports a skipped or undecidable condition; returns false only when the resource is not deployed. */
  private boolean conditionHolds(ObjectNode resource, String pointer) {
    Map.Entry<String, JsonNode> condition = field(resource, "condition");
    if (condition == null) {
      return true;
    }
    String at = Nodes.pointer(pointer, condition.getKey());
    JsonNode raw = condition.getValue();
    JsonNode value = raw;
    if (raw.isTextual()) {
      try {
        value = evaluator.evaluateString(raw.textValue());
      } catch (Unresolvable e) {
        report(at, raw.textValue(), "condition cannot be evaluated: " + e.reason());
        return true;
      }
    }
    if (!value.isBoolean()) {
      report(at, Nodes.rawText(raw), "condition does not evaluate to a boolean");
      return true;
    }
    if (!value.booleanValue()) {
      report(at, Nodes.rawText(raw), "condition is false: resource not deployed");
      return false;
    }
    return true;
  }

  private Part part(ObjectNode resource, String pointer, String key) {
    Map.Entry<String, JsonNode> entry = field(resource, key);
    if (entry == null) {
      report(Nodes.pointer(pointer, key), "", "resource has no " + key);
      return new Part(NullNode.getInstance(), "", false);
    }
    String at = Nodes.pointer(pointer, entry.getKey());
    JsonNode raw = entry.getValue();
    if (!raw.isTextual()) {
      String text = Nodes.rawText(raw);
      report(at, text, "resource " + key + " is not a string");
      return new Part(Nodes.copy(raw), text, false);
    }
    String text = raw.textValue();
    JsonNode value;
    try {
      value = evaluator.evaluateString(text);
    } catch (Unresolvable e) {
      report(at, text, e.reason());
      return new Part(raw, text, false);
    }
    if (!value.isTextual()) {
      report(at, text, "resource " + key + " does not evaluate to a string");
      return new Part(raw, text, false);
    }
    return new Part(value, value.textValue(), true);
  }

  /** ARM matches template keywords ignoring case; the actual key is kept for pointers. */
  private static Map.Entry<String, JsonNode> field(ObjectNode object, String key) {
    JsonNode exact = object.get(key);
    if (exact != null) {
      return Map.entry(key, exact);
    }
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        return entry;
      }
    }
    return null;
  }

  private static String fieldKey(ObjectNode object, String key) {
    Map.Entry<String, JsonNode> entry = field(object, key);
    return entry == null ? key : entry.getKey();
  }

  private void report(String pointer, String expression, String reason) {
    unresolved.add(new UnresolvedExpression(pointer, expression, reason));
  }
}
