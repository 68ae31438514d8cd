package dev.plumbline.core.load.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolves a realistic {@code az group export} template end to end. */
class GroupExportTemplateTest {

  private static final String SUB = "5b1a7f42-93d4-4c0e-b6a8-1f2e3d4c5b6a";
  private static final String RG = "rg-connect-prod";
  private static final String PROVIDERS = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/";

  private static final String NSG_ID = PROVIDERS + "Microsoft.Network/networkSecurityGroups/nsg-connect";
  private static final String NSG_RULE_ID = NSG_ID + "/securityRules/AllowSsh";
  private static final String STORAGE_ID = PROVIDERS + "Microsoft.Storage/storageAccounts/stconnectlogs";
  private static final String VNET_ID = PROVIDERS + "Microsoft.Network/virtualNetworks/vnet-connect";
  private static final String SUBNET_CONNECT_ID = VNET_ID + "/subnets/snet-connect";
  private static final String SUBNET_DB_ID = VNET_ID + "/subnets/snet-db";
  private static final String PSQL_ID = PROVIDERS + "Microsoft.DBforPostgreSQL/flexibleServers/psql-connect";
  private static final String NIC_ID = PROVIDERS + "Microsoft.Network/networkInterfaces/nic-vm-app";
  private static final String VM_ID = PROVIDERS + "Microsoft.Compute/virtualMachines/vm-app";
  private static final String COPY_NAME =
      "[concat(parameters('storageAccounts_stconnectlogs_name'), '/default/logs-', copyIndex())]";

  private ObjectNode template;
  private Resolution resolution;
  private Map<String, ObjectNode> byPointer;

  @BeforeEach
  void resolve() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/templates/group-export.json")) {
      assertThat(in).as("test resource templates/group-export.json").isNotNull();
      template = (ObjectNode) new ObjectMapper().readTree(in);
    }
    resolution = new TemplateResolver(SUB, RG, "westeurope").resolve(template);
    byPointer = resolution.resources().stream()
        .collect(Collectors.toMap(ResolvedResource::pointer, ResolvedResource::resource));
  }

  private String at(String pointer, String path) {
    return byPointer.get(pointer).at(path).textValue();
  }

  @Test
  void emitsEveryResourceWithItsExactIdNameAndType() {
    assertThat(resolution.resources())
        .extracting(ResolvedResource::pointer, r -> r.resource().get("id").textValue(),
            r -> r.resource().get("name").textValue(), r -> r.resource().get("type").textValue())
        .containsExactly(
            tuple("/resources/0", NSG_ID, "nsg-connect", "Microsoft.Network/networkSecurityGroups"),
            tuple("/resources/1", STORAGE_ID, "stconnectlogs", "Microsoft.Storage/storageAccounts"),
            tuple("/resources/2", VNET_ID, "vnet-connect", "Microsoft.Network/virtualNetworks"),
            tuple("/resources/3", PSQL_ID, "psql-connect", "Microsoft.DBforPostgreSQL/flexibleServers"),
            tuple("/resources/3/resources/0", PSQL_ID + "/databases/appdb", "psql-connect/appdb",
                "Microsoft.DBforPostgreSQL/flexibleServers/databases"),
            tuple("/resources/3/resources/1", PSQL_ID + "/configurations/require_secure_transport",
                "psql-connect/require_secure_transport", "Microsoft.DBforPostgreSQL/flexibleServers/configurations"),
            tuple("/resources/4", SUBNET_CONNECT_ID, "vnet-connect/snet-connect",
                "Microsoft.Network/virtualNetworks/subnets"),
            tuple("/resources/5", NSG_RULE_ID, "nsg-connect/AllowSsh",
                "Microsoft.Network/networkSecurityGroups/securityRules"),
            tuple("/resources/6", NIC_ID, "nic-vm-app", "Microsoft.Network/networkInterfaces"),
            tuple("/resources/7", VM_ID, "vm-app", "Microsoft.Compute/virtualMachines"),
            tuple("/resources/8",
                PROVIDERS + "Microsoft.Storage/storageAccounts/" + COPY_NAME + "/blobServices/containers",
                COPY_NAME, "Microsoft.Storage/storageAccounts/blobServices/containers"));
  }

  @Test
  void reportsExactlyTheExpressionsThatNeedADeployment() {
    assertThat(resolution.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/7/properties/osProfile/adminPassword",
            "[parameters('virtualMachines_vm_app_adminPassword')]",
            "parameter 'virtualMachines_vm_app_adminPassword' has no defaultValue"),
        new UnresolvedExpression("/resources/7/properties/diagnosticsProfile/bootDiagnostics/storageUri",
            "[reference(resourceId('Microsoft.Storage/storageAccounts', "
                + "parameters('storageAccounts_stconnectlogs_name'))).primaryEndpoints.blob]",
            "function 'reference' is evaluated only at deployment time"),
        new UnresolvedExpression("/resources/8/copy", "{\"name\":\"logContainers\",\"count\":3}",
            "copy loops are not expanded"),
        new UnresolvedExpression("/resources/8/name", COPY_NAME,
            "function 'copyIndex' is evaluated only inside an expanded copy loop"));
  }

  @Test
  void referencesResolveToTheIdsOfTheResourcesTheyPointAt() {
    Function<String, String> idOf = pointer -> at(pointer, "/id");

    assertThat(at("/resources/6", "/properties/ipConfigurations/0/properties/subnet/id"))
        .isEqualTo(idOf.apply("/resources/4")).isEqualTo(SUBNET_CONNECT_ID);
    assertThat(at("/resources/2", "/properties/subnets/0/id")).isEqualTo(idOf.apply("/resources/4"));
    assertThat(at("/resources/7", "/properties/networkProfile/networkInterfaces/0/id"))
        .isEqualTo(idOf.apply("/resources/6")).isEqualTo(NIC_ID);
    assertThat(at("/resources/6", "/properties/networkSecurityGroup/id")).isEqualTo(idOf.apply("/resources/0"));
    assertThat(at("/resources/4", "/properties/networkSecurityGroup/id")).isEqualTo(idOf.apply("/resources/0"));
    assertThat(at("/resources/2", "/properties/subnets/0/properties/networkSecurityGroup/id"))
        .isEqualTo(idOf.apply("/resources/0"));
    assertThat(at("/resources/0", "/properties/securityRules/0/id")).isEqualTo(idOf.apply("/resources/5"));
    assertThat(at("/resources/3", "/properties/network/delegatedSubnetResourceId"))
        .isEqualTo(at("/resources/2", "/properties/subnets/1/id")).isEqualTo(SUBNET_DB_ID);
  }

  @Test
  void evaluatesOtherStaticExpressions() {
    assertThat(at("/resources/2", "/properties/subnets/1/properties/delegations/0/id"))
        .isEqualTo(SUBNET_DB_ID + "/delegations/Microsoft.DBforPostgreSQL.flexibleServers");
    assertThat(at("/resources/6", "/properties/ipConfigurations/0/id")).isEqualTo(NIC_ID + "/ipConfigurations/ipconfig1");
    assertThat(at("/resources/7", "/properties/storageProfile/osDisk/managedDisk/id"))
        .isEqualTo(PROVIDERS + "Microsoft.Compute/disks/vm-app_OsDisk_1_3f9c0b8e");
    assertThat(at("/resources/7", "/properties/osProfile/computerName")).isEqualTo("vm-app");
    assertThat(at("/resources/3", "/properties/network/privateDnsZoneArmResourceId"))
        .isEqualTo("/subscriptions/8f3c2a71-5d1e-4b6a-9c0f-2e7d4a9b1c35/resourceGroups/rg-dns/providers/"
            + "Microsoft.Network/privateDnsZones/psql-connect.private.postgres.database.azure.com");
    assertThat(at("/resources/1", "/location")).isEqualTo("westeurope");
    assertThat(at("/resources/1", "/tags/owner-note")).isEqualTo("[kept literally]");
  }

  @Test
  void keepsResourcePropertiesAndDropsTemplateOnlyKeys() {
    ObjectNode vm = byPointer.get("/resources/7");
    assertThat(keys(vm)).containsExactly("id", "name", "type", "location", "zones", "properties");
    assertThat(vm.get("zones")).isEqualTo(new ObjectMapper().createArrayNode().add("1"));
    assertThat(vm.at("/properties/osProfile/adminPassword").textValue())
        .isEqualTo("[parameters('virtualMachines_vm_app_adminPassword')]");

    ObjectNode psql = byPointer.get("/resources/3");
    assertThat(keys(psql)).containsExactly("id", "name", "type", "location", "sku", "properties");
    assertThat(psql.at("/sku/tier").textValue()).isEqualTo("Burstable");
    assertThat(byPointer.get("/resources/3/resources/0")).isEqualTo(readTree("""
        { "id": "%s/databases/appdb", "name": "psql-connect/appdb",
          "type": "Microsoft.DBforPostgreSQL/flexibleServers/databases",
          "properties": { "charset": "UTF8", "collation": "en_US.utf8" } }
        """.formatted(PSQL_ID)));

    for (ResolvedResource resource : resolution.resources()) {
      assertThat(keys(resource.resource()))
          .doesNotContain("apiVersion", "dependsOn", "copy", "condition", "comments", "resources");
    }
  }

  @Test
  void leavesTheTemplateUntouched() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/templates/group-export.json")) {
      assertThat(template).isEqualTo(new ObjectMapper().readTree(in));
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.util.List<String> keys(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }
}
