package dev.plumbline.core.live;

import java.util.List;
import java.util.Map;

/**
 * What a live audit reads: subscriptions or management groups (one Resource Graph query spans
 * them all), narrowed to resource groups and tags when any are named.
 *
 * @param tags resources must carry every one of these tags (names and values compared ignoring case)
 */
public record LiveScope(List<String> subscriptions, List<String> managementGroups, List<String> resourceGroups,
    Map<String, String> tags) {

  public LiveScope {
    subscriptions = List.copyOf(subscriptions);
    managementGroups = List.copyOf(managementGroups);
    resourceGroups = List.copyOf(resourceGroups);
    tags = Map.copyOf(tags);
    if (subscriptions.isEmpty() && managementGroups.isEmpty()) {
      throw new IllegalArgumentException("a live scope needs a subscription or a management group");
    }
    if (!resourceGroups.isEmpty() && subscriptions.isEmpty()) {
      throw new IllegalArgumentException("resource groups need the subscription they belong to");
    }
  }

  public static LiveScope subscription(String subscription, String... resourceGroups) {
    return new LiveScope(List.of(subscription), List.of(), List.of(resourceGroups), Map.of());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (!subscriptions.isEmpty()) {
      text.append(subscriptions.size() == 1 ? "subscription " : "subscriptions ").append(String.join(", ", subscriptions));
    }
    if (!managementGroups.isEmpty()) {
      text.append(text.length() > 0 ? "; " : "").append(managementGroups.size() == 1 ? "management group " : "management groups ")
          .append(String.join(", ", managementGroups));
    }
    if (!resourceGroups.isEmpty()) {
      text.append(resourceGroups.size() == 1 ? ", resource group " : ", resource groups ").append(String.join(", ", resourceGroups));
    }
    if (!tags.isEmpty()) {
      text.append(", tagged ");
      tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(tag -> text.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
      text.setLength(text.length() - 1);
    }
    return text.toString();
  }
}
