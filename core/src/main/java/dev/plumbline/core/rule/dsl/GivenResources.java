package dev.plumbline.core.rule.dsl;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The resources a rule is about: the first half of its sentence. Immutable; each step returns a new one. */
public final class GivenResources {

  private final List<ResourceType> types;
  private final List<ResourcePredicate> predicates;

  GivenResources(List<ResourceType> types, List<ResourcePredicate> predicates) {
    this.types = List.copyOf(types);
    this.predicates = List.copyOf(predicates);
  }

  /** Only resources of these types (embedded children such as backend HTTP settings included). */
  public GivenResources ofType(ResourceType... types) {
    List<ResourceType> all = new ArrayList<>(this.types);
    all.addAll(List.of(types));
    return new GivenResources(all, predicates);
  }

  /** Only resources the predicate accepts. */
  public GivenResources that(ResourcePredicate predicate) {
    List<ResourcePredicate> all = new ArrayList<>(predicates);
    all.add(predicate);
    return new GivenResources(types, all);
  }

  /** Another predicate, read "... that are X and are Y". */
  public GivenResources and(ResourcePredicate predicate) {
    return that(predicate);
  }

  /** What the selected resources should satisfy; an empty selection fails unless allowed. */
  public ResourceRule should(ResourceCondition condition) {
    return new ResourceRule(this, List.of(condition), null, false);
  }

  /** The selected resources, in topology order. */
  public List<Resource> select(Topology topology, RuleContext context) {
    Set<Resource> candidates = new LinkedHashSet<>();
    if (types.isEmpty()) {
      candidates.addAll(topology.resources());
    } else {
      types.forEach(type -> candidates.addAll(topology.ofType(type)));
    }
    return candidates.stream()
        .filter(resource -> predicates.stream().allMatch(predicate -> predicate.test(resource, context)))
        .toList();
  }

  /** "PostgreSQL flexible servers that are tagged 'env=prod'". */
  public String description() {
    String what = types.isEmpty() ? "resources"
        : types.stream().map(ResourceType::spokenPlural).collect(Collectors.joining(" and "));
    if (predicates.isEmpty()) {
      return what;
    }
    return what + " that " + predicates.stream().map(ResourcePredicate::description).collect(Collectors.joining(" and "));
  }

  /** "a PostgreSQL flexible server", for saying that none is in scope. */
  String oneOf() {
    String what = types.isEmpty() ? "resource"
        : types.stream().map(ResourceType::spokenName).collect(Collectors.joining(" or "));
    return ("aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
  }

  boolean isNarrowed() {
    return !predicates.isEmpty();
  }

  @Override
  public String toString() {
    return description();
  }
}
