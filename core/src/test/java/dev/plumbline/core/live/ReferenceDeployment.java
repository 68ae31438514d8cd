package dev.plumbline.core.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Deployments for FakeArm to serve: the resources of a Plumbline snapshot, or many simple ones for paging. */
public final class ReferenceDeployment {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The reference deployment's subscription. */
  public static final String SUBSCRIPTION = "3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15";

  /** A bearer token for the stand-in, looked for in every log and report (it must appear in none). */
  public static final String TOKEN = "test-token-not-a-secret-4f1d";

  /** The compliant example snapshot. */
  public static Path compliant() {
    return example("posit-connect-ha", "compliant.json");
  }

  /**
   * The reference deployment as ARM holds it: the compliant example's resources, plus the server
   * setting every PostgreSQL server has.
   */
  public static List<JsonNode> reference() {
    List<JsonNode> resources = new java.util.ArrayList<>(resources(compliant()));
    String server = resources.stream().map(r -> r.path("id").asText())
        .filter(id -> id.toLowerCase(java.util.Locale.ROOT).contains("flexibleservers/")).findFirst().orElseThrow();
    com.fasterxml.jackson.databind.node.ObjectNode setting = JSON.createObjectNode();
    setting.put("id", server + "/configurations/require_secure_transport");
    setting.put("name", "require_secure_transport");
    setting.put("type", "Microsoft.DBforPostgreSQL/flexibleServers/configurations");
    setting.putObject("properties").put("value", "on").put("source", "system-default");
    resources.add(setting);
    return resources;
  }

  private ReferenceDeployment() {}

  /** The resources array of a Plumbline snapshot, e.g. examples/posit-connect-ha/compliant.json. */
  public static List<JsonNode> resources(Path snapshotFile) {
    JsonNode resources;
    try {
      resources = JSON.readTree(snapshotFile.toFile()).path("resources");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the snapshot " + snapshotFile, e);
    }
    if (!resources.isArray()) {
      throw new IllegalArgumentException(snapshotFile + " is not a Plumbline snapshot: it has no resources array");
    }
    List<JsonNode> list = new ArrayList<>();
    resources.forEach(list::add);
    return List.copyOf(list);
  }

  /** A snapshot under the repository's examples folder, found through the plumbline.root system property. */
  public static Path example(String project, String file) {
    return Path.of(System.getProperty("plumbline.root", ".."), "examples", project, file);
  }

  /** Count virtual networks named vnet-00001 onwards, spread round-robin over resource groups rg-000 to rg-009. */
  public static List<JsonNode> synthetic(int count, String subscription) {
    List<JsonNode> networks = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String group = String.format("rg-%03d", i % 10);
      String name = String.format("vnet-%05d", i);
      ObjectNode network = JSON.createObjectNode()
          .put("id", "/subscriptions/" + subscription + "/resourceGroups/" + group
              + "/providers/Microsoft.Network/virtualNetworks/" + name)
          .put("name", name)
          .put("type", "Microsoft.Network/virtualNetworks")
          .put("location", "eastus");
      ObjectNode properties = network.putObject("properties").put("provisioningState", "Succeeded");
      // Distinct /24s within 10.0.0.0/8 up to 65536 networks, so no two synthetic networks overlap.
      properties.putObject("addressSpace").putArray("addressPrefixes")
          .add(String.format("10.%d.%d.0/24", (i >> 8) & 0xff, i & 0xff));
      properties.putArray("subnets");
      networks.add(network);
    }
    return List.copyOf(networks);
  }
}
