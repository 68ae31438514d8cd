package dev.plumbline.core.load.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds ARM resource ids from a resource type and its names. */
final class ResourceIds {

  private ResourceIds() {}

  /** Splits a type or a name on '/', the separator of nested ARM types and names. */
  static List<String> segments(String text) {
    return Arrays.asList(text.split("/", -1));
  }

  static String inResourceGroup(String subscriptionId, String resourceGroupName, List<String> typeSegments,
      List<String> names) {
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName
        + providers(typeSegments, names);
  }

  static String inSubscription(String subscriptionId, List<String> typeSegments, List<String> names) {
    return "/subscriptions/" + subscriptionId + providers(typeSegments, names);
  }

  /**
   * Interleaves {@code Namespace/type1/type2} with {@code name1/name2}; when the counts disagree the surplus
   * segments are appended, so an odd resource still gets an id that shows everything that was known about it.
   */
  private static String providers(List<String> typeSegments, List<String> names) {
    StringBuilder id = new StringBuilder("/providers");
    List<String> types = new ArrayList<>(typeSegments);
    if (!types.isEmpty()) {
      id.append('/').append(types.remove(0));
    }
    for (int i = 0; i < Math.max(types.size(), names.size()); i++) {
      if (i < types.size()) {
        id.append('/').append(types.get(i));
      }
      if (i < names.size()) {
        id.append('/').append(names.get(i));
      }
    }
    return id.toString();
  }
}
