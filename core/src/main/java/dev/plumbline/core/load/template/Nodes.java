package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/** JSON tree helpers that stay safe on arbitrarily deep input, where Jackson's own recursion would overflow. */
final class Nodes {

  static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  /** Deeper containers are not printed in reports; the text would be useless and printing recurses. */
  private static final int MAX_PRINT_DEPTH = 100;

  private Nodes() {}

  /** A deep copy built with an explicit stack, so that no input is too deep to copy. */
  static JsonNode copy(JsonNode node) {
    if (!node.isContainerNode()) {
      return node;
    }
    JsonNode root = emptyLike(node);
    Deque<JsonNode[]> pending = new ArrayDeque<>();
    pending.push(new JsonNode[] {node, root});
    while (!pending.isEmpty()) {
      JsonNode[] pair = pending.pop();
      JsonNode source = pair[0];
      if (source.isObject()) {
        ObjectNode target = (ObjectNode) pair[1];
        for (Map.Entry<String, JsonNode> field : source.properties()) {
          target.set(field.getKey(), child(field.getValue(), pending));
        }
      } else {
        ArrayNode target = (ArrayNode) pair[1];
        for (JsonNode element : source) {
          target.add(child(element, pending));
        }
      }
    }
    return root;
  }

  private static JsonNode child(JsonNode source, Deque<JsonNode[]> pending) {
    if (!source.isContainerNode()) {
      return source;
    }
    JsonNode target = emptyLike(source);
    pending.push(new JsonNode[] {source, target});
    return target;
  }

  private static JsonNode emptyLike(JsonNode container) {
    return container.isObject() ? FACTORY.objectNode() : FACTORY.arrayNode();
  }

  /** The text a report shows for a template value: strings as they are, anything else as compact JSON. */
  static String rawText(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isContainerNode() && depthExceeds(node, MAX_PRINT_DEPTH)) {
      return node.isObject() ? "{...}" : "[...]";
    }
    return node.toString();
  }

  /** Whether the container nests deeper than {@code limit}, found without recursion. */
  static boolean depthExceeds(JsonNode node, int limit) {
    Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
    pending.push(Map.entry(node, 1));
    while (!pending.isEmpty()) {
      Map.Entry<JsonNode, Integer> entry = pending.pop();
      int depth = entry.getValue();
      if (depth > limit) {
        return true;
      }
      for (Iterator<JsonNode> it = entry.getKey().elements(); it.hasNext(); ) {
        JsonNode child = it.next();
        if (child.isContainerNode()) {
          pending.push(Map.entry(child, depth + 1));
        }
      }
    }
    return false;
  }

  /** Counts the nodes of a tree, without recursion, stopping once the count reaches {@code limit}. */
  static long count(JsonNode node, long limit) {
    long count = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty() && count < limit) {
      JsonNode next = pending.pop();
      count++;
      for (Iterator<JsonNode> it = next.elements(); it.hasNext(); ) {
        pending.push(it.next());
      }
    }
    return count;
  }

  /** Appends one reference token to a JSON pointer, escaped as RFC 6901 requires. */
  static String pointer(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String pointer(String parent, int index) {
    return parent + "/" + index;
  }

  /** Looks a key up exactly first and then ignoring case, as ARM does for parameters, variables and properties. */
  static JsonNode getIgnoringCase(JsonNode object, String key) {
    JsonNode exact = object.get(key);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(key)) {
        return field.getValue();
      }
    }
    return null;
  }
}
