package dev.plumbline.core.rule.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What each selected resource should satisfy, with its own words: a lower-case verb phrase such as
 * "have property 'properties.version' equal to '16'", so that a rule reads "PostgreSQL flexible
 * servers should have property ...". The same conditions serve rules and AssertJ assertions.
 */
public final class ResourceCondition {

  /**
   * Checks a part of a resource: the whole resource ({@code root} is its JSON, {@code base} is
   * empty) or one entry of an array in it ({@code base} is the entry's path with a trailing dot).
   */
  @FunctionalInterface
  interface Scoped {
    ConditionResult check(Resource resource, JsonNode root, String base, RuleContext context);
  }

  private final ValueCondition.Words description;
  private final Scoped check;

  ResourceCondition(ValueCondition.Words description, Scoped check) {
    this.description = Objects.requireNonNull(description, "description");
    this.check = Objects.requireNonNull(check, "check");
  }

  /**
   * A condition of your own over a whole resource.
   *
   * @param description a lower-case verb phrase, e.g. "be tagged with an owner"
   * @param check the outcome for one resource; its statement continues a sentence about the
   *     resource ("has no owner tag")
   */
  public static ResourceCondition of(String description, BiFunction<Resource, RuleContext, ConditionResult> check) {
    return new ResourceCondition(context -> description, (resource, root, base, context) -> check.apply(resource, context));
  }

  /**
   * A condition of your own whose words name settings, so that a sentence shows the threshold in
   * force ("span at least 2 availability zones") rather than only the parameter's name.
   *
   * @param description writes the lower-case verb phrase; given null, it names parameters in braces
   */
  public static ResourceCondition of(ValueCondition.Words description,
      BiFunction<Resource, RuleContext, ConditionResult> check) {
    return new ResourceCondition(description, (resource, root, base, context) -> check.apply(resource, context));
  }

  /** The verb phrase, with the settings in force when a context is at hand (null: parameter names). */
  public String description(RuleContext context) {
    return description.write(context);
  }

  /** The verb phrase with parameter names where settings come from parameters. */
  public String description() {
    return description(null);
  }

  /** The outcome for one resource. */
  public ConditionResult check(Resource resource, RuleContext context) {
    return check.check(resource, resource.raw(), "", context);
  }

  ConditionResult check(Resource resource, JsonNode root, String base, RuleContext context) {
    return check.check(resource, root, base, context);
  }

  /** This condition and the other: fails if either fails, undecided if neither fails but one is. */
  public ResourceCondition and(ResourceCondition other) {
    return new ResourceCondition(
        context -> description(context) + " and " + other.description(context),
        (resource, root, base, context) -> combine(List.of(
            check(resource, root, base, context), other.check(resource, root, base, context))));
  }

  /**
   * Several outcomes as one: FAIL naming what failed when any failed, else UNKNOWN naming what
   * could not be told, else PASS naming everything; evidence from all.
   */
  static ConditionResult combine(List<ConditionResult> results) {
    List<Evidence> evidence = new ArrayList<>();
    results.forEach(result -> evidence.addAll(result.evidence()));
    for (Status status : List.of(Status.FAIL, Status.UNKNOWN, Status.PASS)) {
      List<String> statements = results.stream().filter(result -> result.status() == status)
          .map(ConditionResult::statement).toList();
      if (!statements.isEmpty()) {
        return new ConditionResult(status, String.join(" and ", statements), evidence);
      }
    }
    throw new IllegalArgumentException("nothing to combine");
  }
}
