package dev.plumbline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads dotted property paths ({@code properties.rules[0].name}) out of ARM JSON. */
public final class PropertyPath {

  /** How many distinct paths {@link #STEPS} keeps; rules name a few hundred, all written in their code. */
  private static final int KEPT_PATHS = 4096;

  /**
   * Each path's steps, parsed on its first use: rules read the same few paths from every resource,
   * and parsing them each time was a good part of reading a property. The steps follow from the
   * text alone, so sharing them between topologies and audits cannot change what is read.
   */
  private static final Map<String, Object[]> STEPS = new ConcurrentHashMap<>();

  private PropertyPath() {}

  /** The node at {@code path} under {@code root}; {@link MissingNode} when a step is absent or JSON null. */
  public static JsonNode resolve(JsonNode root, String path) {
    Object[] steps = STEPS.get(path);
    if (steps == null) {
      steps = parse(path);
      if (steps == null) {
        return resolveByText(root, path);
      }
      if (STEPS.size() < KEPT_PATHS) {
        STEPS.putIfAbsent(path, steps);
      }
    }
    JsonNode node = root;
    for (int i = 0; i < steps.length && node != null && !node.isMissingNode(); i++) {
      Object step = steps[i];
      node = step instanceof String name ? node.path(name) : node.path((Integer) step);
    }
    return node == null || node.isNull() ? MissingNode.getInstance() : node;
  }

  /**
   * The steps of {@code path}: field names as {@link String}, array positions as {@link Integer}; null
   * for a path read only by {@link #resolveByText} (an unclosed bracket, a position too large for an int).
   */
  static Object[] parse(String path) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int length = path.length();
    while (i < length) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String index = path.substring(i + 1, close);
        if (index.chars().allMatch(Character::isDigit) && !index.isEmpty()) {
          try {
            steps.add(Integer.parseInt(index));
          } catch (NumberFormatException e) {
            return null;
          }
        } else {
          steps.add(unquote(index));
        }
        i = close + 1;
        continue;
      }
      int end = i;
      while (end < length && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      steps.add(path.substring(i, end));
      i = end;
    }
    return steps.toArray();
  }

  /** Reads {@code path} step by step from its text, as it is written. */
  static JsonNode resolveByText(JsonNode root, String path) {
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
