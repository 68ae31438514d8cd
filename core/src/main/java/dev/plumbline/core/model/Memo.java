package dev.plumbline.core.model;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Values computed once and kept in a concurrent map: the topology's derived values and the rule
 * context's. A value is computed at most once: a thread that finds it missing computes it holding
 * the map's lock, which the same thread may take again, so computing one value may ask for another
 * of the same map; a second thread asking meanwhile waits and takes the kept value.
 */
public final class Memo {

  private Memo() {}

  /** The value kept under {@code key}, computed by {@code compute} and kept when there is none. */
  public static <K, T> T computeOnce(Map<K, Object> kept, K key, Class<T> type, Supplier<T> compute) {
    Object known = kept.get(key);
    if (known == null) {
      synchronized (kept) {
        known = kept.get(key);
        if (known == null) {
          known = compute.get();
          kept.put(key, known);
        }
      }
    }
    return type.cast(known);
  }
}
