package dev.plumbline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads dotted property paths ({@code properties.rules[0].name}) out of ARM JSON. */
public final class PropertyPath {

  private PropertyPath() {}

  /** The node at {@code path} under {@code root}; {@link MissingNode} when a step is absent or JSON null. */
  public static JsonNode resolve(JsonNode root, String path) {
    JsonNode node = root;
    int i = 0;
    int length = path.length();
    while (i < length && node != null && !node.isMissingNode()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return MissingNode.getInstance();
        }
        String index = path.substring(i + 1, close);
        node = index.chars().allMatch(Character::isDigit) && !index.isEmpty()
            ? node.path(Integer.parseInt(index))
            : node.path(unquote(index));
        i = close + 1;
        continue;
      }
      int end = i;
      while (end < length && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      node = node.path(path.substring(i, end));
      i = end;
    }
    return node == null || node.isNull() ? MissingNode.getInstance() : node;
  }

  private static String unquote(String key) {
    if (key.length() >= 2 && (key.startsWith("'") && key.endsWith("'") || key.startsWith("\"") && key.endsWith("\""))) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }
}
