package dev.plumbline.core.model;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Values computed once and kept in a concurrent map: the topology's derived values and the rule
 * context's. The value is computed outside the map, so that computing it may ask for another kept
 * value; when two threads race, the first value kept wins.
 */
public final class Memo {

  private Memo() {}

  /** The value kept under {@code key}, computed by {@code compute} and kept when there is none. */
  public static <K, T> T computeOnce(Map<K, Object> kept, K key, Class<T> type, Supplier<T> compute) {
    Object known = kept.get(key);
    if (known == null) {
      known = compute.get();
      Object raced = kept.putIfAbsent(key, known);
      known = raced == null ? known : raced;
    }
    return type.cast(known);
  }
}
