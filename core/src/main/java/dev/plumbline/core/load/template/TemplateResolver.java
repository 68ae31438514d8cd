package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Resolves the static expressions of an exported ARM template into ARM resources. */
public final class TemplateResolver {

  private final String subscriptionId;
  private final String resourceGroupName;
  private final String location;

  /**
   * Creates a resolver for templates exported from one resource group.
   *
   * @param subscriptionId    stands in for {@code subscription()} and for the subscription of every id
   * @param resourceGroupName stands in for {@code resourceGroup()} and for the resource group of every id
   * @param location          stands in for {@code resourceGroup().location}; may be null, which leaves it unresolved
   */
  public TemplateResolver(String subscriptionId, String resourceGroupName, String location) {
    this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
    this.resourceGroupName = Objects.requireNonNull(resourceGroupName, "resourceGroupName");
    this.location = location;
  }

  /**
   * Resolves every resource of the template; odd content is reported in {@link Resolution#unresolved()}, never
   * thrown. The template is only read.
   */
  public Resolution resolve(ObjectNode template) {
    Objects.requireNonNull(template, "template");
    Evaluator evaluator = new Evaluator(subscriptionId, resourceGroupName, location, template);
    return new ResourceWalk(evaluator, subscriptionId, resourceGroupName).walk(template);
  }
}
