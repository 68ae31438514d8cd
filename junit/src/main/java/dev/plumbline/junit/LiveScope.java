package dev.plumbline.junit;

import java.util.List;

/** A live Azure scope to audit: a subscription, narrowed to resource groups when any are named. */
record LiveScope(String subscription, List<String> resourceGroups) {

  LiveScope {
    resourceGroups = List.copyOf(resourceGroups);
  }

  @Override
  public String toString() {
    return "subscription " + subscription + (resourceGroups.isEmpty() ? "" : ", resource groups " + resourceGroups);
  }
}
