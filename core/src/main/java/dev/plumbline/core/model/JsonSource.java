package dev.plumbline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a resource's JSON can be read again, so that a large topology need not hold the tree of
 * every resource at once: 7,000 copies of the reference deployment come to 1.6 GB of JSON trees,
 * and collecting a heap that size cost more than the audit itself. A resource that has a source
 * drops its tree once the topology's relations are read, and reads it again when asked.
 */
public interface JsonSource {

  /** The JSON, read again. */
  JsonNode read();

  /** Whether reading is cheap enough not to be worth keeping the result (a part of a kept tree). */
  default boolean cheap() {
    return false;
  }

  /**
   * Element {@code index} of the array {@code properties.<segment>} of {@code holder}'s JSON: an
   * embedded child's source. Navigated, not parsed: the holder's tree is at hand or read once.
   */
  static JsonSource partOf(Resource holder, String segment, int index) {
    return new JsonSource() {
      @Override
      public JsonNode read() {
        return holder.raw().path("properties").path(segment).path(index);
      }

      @Override
      public boolean cheap() {
        return true;
      }
    };
  }

  /**
   * The trees read last on this thread, so that the rules of one deployment, or one report's pass,
   * read each resource once. Per thread: the rules of two deployments run side by side.
   */
  final class Recent {

    private static final int KEEP = 512;

    private static final ThreadLocal<Map<JsonSource, JsonNode>> TREES = ThreadLocal.withInitial(() ->
        new LinkedHashMap<>(KEEP * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<JsonSource, JsonNode> eldest) {
            return size() > KEEP;
          }
        });

    private Recent() {}

    static JsonNode read(JsonSource source) {
      if (source.cheap()) {
        return source.read();
      }
      Map<JsonSource, JsonNode> trees = TREES.get();
      JsonNode tree = trees.get(source);
      if (tree == null) {
        tree = source.read();
        trees.put(source, tree);
      }
      return tree;
    }
  }
}
