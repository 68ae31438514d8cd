package dev.plumbline.core.rule.dsl;

/**
 * Where a custom rule starts: {@code resources().ofType(POSTGRES_FLEXIBLE_SERVER)
 * .should(haveProperty("properties.version", equalTo("16"))).because("...")}. The rule writes its
 * own sentence from the words its parts carry, and evaluating it is pure; asserting is a separate step.
 */
public final class ResourceRules {

  private ResourceRules() {}

  /** Every resource in the topology, to be narrowed with {@code ofType} and {@code that}. */
  public static GivenResources resources() {
    return new GivenResources(java.util.List.of(), java.util.List.of());
  }
}
