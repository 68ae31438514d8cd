package dev.plumbline.core.rule.dsl;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Status;
import java.util.List;

/**
 * One condition's outcome for one resource.
 *
 * @param status {@code PASS}, {@code FAIL} or {@code UNKNOWN}
 * @param statement what was found, as the rest of a sentence about the resource: "has property
 *     'properties.version' equal to '16' (was '15')" or "does not state property 'sku.tier'"
 * @param evidence the properties read, with expected and actual values
 */
public record ConditionResult(Status status, String statement, List<Evidence> evidence) {

  public ConditionResult {
    if (status != Status.PASS && status != Status.FAIL && status != Status.UNKNOWN) {
      throw new IllegalArgumentException("a condition holds, fails or cannot be decided; not " + status);
    }
    evidence = List.copyOf(evidence);
  }

  public static ConditionResult holds(String statement, Evidence... evidence) {
    return new ConditionResult(Status.PASS, statement, List.of(evidence));
  }

  public static ConditionResult violated(String statement, Evidence... evidence) {
    return new ConditionResult(Status.FAIL, statement, List.of(evidence));
  }

  public static ConditionResult undecided(String statement, Evidence... evidence) {
    return new ConditionResult(Status.UNKNOWN, statement, List.of(evidence));
  }
}
