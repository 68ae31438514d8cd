package dev.plumbline.core.load.template;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of resolving a template: the resources it deploys and the expressions that could not be evaluated.
 *
 * @param resources  resolved resources in template order, each parent before its nested children
 * @param unresolved expressions and template constructs that were left as written, in template order
 */
public record Resolution(List<ResolvedResource> resources, List<UnresolvedExpression> unresolved) {

  public Resolution {
    resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    unresolved = List.copyOf(Objects.requireNonNull(unresolved, "unresolved"));
  }
}
