package dev.plumbline.rules.positconnect.nodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The value most nodes agree on, which the others are measured against; a tie goes to the value seen first. */
final class Majority {

  private Majority() {}

  static <T> Optional<T> of(List<T> values) {
    Map<T, Integer> counts = new LinkedHashMap<>();
    values.forEach(value -> counts.merge(value, 1, Integer::sum));
    T best = null;
    int most = 0;
    for (Map.Entry<T, Integer> entry : counts.entrySet()) {
      if (entry.getValue() > most) {
        best = entry.getKey();
        most = entry.getValue();
      }
    }
    return Optional.ofNullable(best);
  }
}
