package dev.plumbline.core.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The api-version to GET each resource type with: a fixed one for the types the rules read (so an
 * audit is reproducible), otherwise the newest stable version the provider lists.
 */
final class ApiVersions {

  private static final List<Map.Entry<String, String>> KNOWN = List.of(
      Map.entry("microsoft.network/privatednszones", "2024-06-01"),
      Map.entry("microsoft.network/", "2024-05-01"),
      Map.entry("microsoft.compute/virtualmachines", "2024-07-01"),
      Map.entry("microsoft.compute/disks", "2024-03-02"),
      Map.entry("microsoft.dbforpostgresql/flexibleservers", "2024-08-01"),
      Map.entry("microsoft.netapp/", "2024-09-01"),
      Map.entry("microsoft.resources/", "2021-04-01"));

  static final String RESOURCES = "2021-04-01";

  private final ArmClient arm;
  private final Map<String, String> looked = new ConcurrentHashMap<>();

  ApiVersions(ArmClient arm) {
    this.arm = arm;
  }

  /** The version for a type such as {@code Microsoft.Network/virtualNetworks}, asking the provider when it is not a known one. */
  String forType(String subscription, String type) throws ArmException {
    String key = type.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> known : KNOWN) {
      if (key.startsWith(known.getKey())) {
        return known.getValue();
      }
    }
    String found = looked.get(key);
    if (found != null) {
      return found;
    }
    int slash = type.indexOf('/');
    if (slash < 0) {
      throw new ArmException(0, "", "cannot tell the provider of type " + type);
    }
    String namespace = type.substring(0, slash);
    String resourceType = type.substring(slash + 1);
    JsonNode provider = arm.get("/subscriptions/" + subscription + "/providers/" + namespace + "?api-version=" + RESOURCES);
    for (JsonNode candidate : provider.path("resourceTypes")) {
      if (candidate.path("resourceType").asText().equalsIgnoreCase(resourceType)) {
        String stable = null;
        String any = null;
        for (JsonNode version : candidate.path("apiVersions")) {
          String text = version.asText();
          any = any == null || text.compareTo(any) > 0 ? text : any;
          if (!text.contains("preview") && (stable == null || text.compareTo(stable) > 0)) {
            stable = text;
          }
        }
        String chosen = stable != null ? stable : any;
        if (chosen != null) {
          looked.put(key, chosen);
          return chosen;
        }
      }
    }
    throw new ArmException(0, "", "provider " + namespace + " lists no api-version for " + resourceType);
  }
}
