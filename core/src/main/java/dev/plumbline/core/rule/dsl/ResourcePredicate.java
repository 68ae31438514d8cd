package dev.plumbline.core.rule.dsl;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.rule.RuleContext;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Which resources a rule is about, with its own words: a plural verb phrase such as "are tagged
 * 'role=posit-connect'", so that a rule reads "virtual machines that are tagged ... should ...".
 */
public final class ResourcePredicate {

  private final String description;
  private final BiPredicate<Resource, RuleContext> test;

  private ResourcePredicate(String description, BiPredicate<Resource, RuleContext> test) {
    this.description = Objects.requireNonNull(description, "description");
    this.test = Objects.requireNonNull(test, "test");
  }

  /** A predicate of your own, e.g. {@code describedAs("are in production", r -> ...)}. */
  public static ResourcePredicate describedAs(String description, Predicate<Resource> test) {
    return new ResourcePredicate(description, (resource, context) -> test.test(resource));
  }

  /**
   * A predicate that needs the rule's context: the topology around the resource, or a parameter
   * (which VMs a pack counts as nodes, say).
   */
  public static ResourcePredicate describedAs(String description, BiPredicate<Resource, RuleContext> test) {
    return new ResourcePredicate(description, test);
  }

  public String description() {
    return description;
  }

  public boolean test(Resource resource, RuleContext context) {
    return test.test(resource, context);
  }

  public ResourcePredicate and(ResourcePredicate other) {
    return new ResourcePredicate(description + " and " + other.description,
        (resource, context) -> test(resource, context) && other.test(resource, context));
  }

  public ResourcePredicate or(ResourcePredicate other) {
    return new ResourcePredicate(description + " or " + other.description,
        (resource, context) -> test(resource, context) || other.test(resource, context));
  }

  /** The opposite; "are not" replaces "are", other phrases get "do not satisfy". */
  public ResourcePredicate negate() {
    String words = description.startsWith("are ") ? "are not " + description.substring(4)
        : description.startsWith("have ") ? "do not have " + description.substring(5)
        : "do not satisfy '" + description + "'";
    return new ResourcePredicate(words, (resource, context) -> !test(resource, context));
  }

  @Override
  public String toString() {
    return description;
  }
}
