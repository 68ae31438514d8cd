package dev.plumbline.core.load.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RG_ID = "/subscriptions/sub-1/resourceGroups/rg-1";
  private static final TemplateResolver RESOLVER = new TemplateResolver("sub-1", "rg-1", "northeurope");

  private static ObjectNode template(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> ids(Resolution resolution) {
    return resolution.resources().stream().map(r -> r.resource().get("id").textValue()).toList();
  }

  @Test
  void topLevelChildSplitsItsNameAgainstItsType() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [ { "type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2024-05-01",
                           "name": "vnet1/default", "properties": { "addressPrefix": "10.0.0.0/24" } } ] }
        """));

    assertThat(resolution.unresolved()).isEmpty();
    ObjectNode subnet = resolution.resources().get(0).resource();
    assertThat(subnet).isEqualTo(template("""
        { "id": "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default",
          "name": "vnet1/default", "type": "Microsoft.Network/virtualNetworks/subnets",
          "properties": { "addressPrefix": "10.0.0.0/24" } }
        """));
  }

  @Test
  void nestedChildrenAreEmittedAfterTheirParentWithTypeAndNamePrefixed() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "parameters": { "server": { "type": "string", "defaultValue": "sql1" } },
          "resources": [
            { "type": "Microsoft.Sql/servers", "apiVersion": "2023-08-01", "name": "[parameters('server')]",
              "location": "westeurope",
              "resources": [
                { "type": "databases", "apiVersion": "2023-08-01", "name": "db1", "location": "westeurope",
                  "resources": [
                    { "type": "backupShortTermRetentionPolicies", "name": "default",
                      "properties": { "retentionDays": 7 } } ] },
                { "type": "Microsoft.Sql/servers/databases", "name": "[concat(parameters('server'), '/db2')]" },
                { "type": "Microsoft.Sql/servers/firewallRules", "name": "AllowAzure" } ] } ] }
        """));

    assertThat(resolution.unresolved()).isEmpty();
    assertThat(resolution.resources())
        .extracting(ResolvedResource::pointer, r -> r.resource().get("name").textValue(),
            r -> r.resource().get("type").textValue(), r -> r.resource().get("id").textValue())
        .containsExactly(
            tuple("/resources/0", "sql1", "Microsoft.Sql/servers",
                RG_ID + "/providers/Microsoft.Sql/servers/sql1"),
            tuple("/resources/0/resources/0", "sql1/db1", "Microsoft.Sql/servers/databases",
                RG_ID + "/providers/Microsoft.Sql/servers/sql1/databases/db1"),
            tuple("/resources/0/resources/0/resources/0", "sql1/db1/default",
                "Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies",
                RG_ID + "/providers/Microsoft.Sql/servers/sql1/databases/db1/backupShortTermRetentionPolicies/default"),
            tuple("/resources/0/resources/1", "sql1/db2", "Microsoft.Sql/servers/databases",
                RG_ID + "/providers/Microsoft.Sql/servers/sql1/databases/db2"),
            tuple("/resources/0/resources/2", "sql1/AllowAzure", "Microsoft.Sql/servers/firewallRules",
                RG_ID + "/providers/Microsoft.Sql/servers/sql1/firewallRules/AllowAzure"));
    assertThat(resolution.resources().get(0).resource().has("resources")).isFalse();
    assertThat(resolution.resources().get(1).resource().has("resources")).isFalse();
  }

  @Test
  void outputStartsWithIdNameTypeAndDropsTemplateOnlyKeys() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [
            { "comments": "exported", "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01",
              "name": "st1", "condition": true, "dependsOn": [ "[resourceId('X.Y/z', 'a')]" ],
              "location": "[resourceGroup().location]", "zones": [ "1" ], "sku": { "name": "Standard_LRS" },
              "kind": "StorageV2", "tags": { "rg": "[resourceGroup().name]" }, "identity": { "type": "SystemAssigned" },
              "properties": { "accessTier": "Hot" }, "resources": [] } ] }
        """));

    assertThat(resolution.unresolved()).isEmpty();
    ObjectNode account = resolution.resources().get(0).resource();
    assertThat(keys(account)).containsExactly(
        "id", "name", "type", "location", "zones", "sku", "kind", "tags", "identity", "properties");
    assertThat(account.get("location").textValue()).isEqualTo("northeurope");
    assertThat(account.get("tags").get("rg").textValue()).isEqualTo("rg-1");
  }

  @Test
  void templateKeywordsMatchIgnoringCase() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "Resources": [ { "Type": "Microsoft.Web/sites", "Name": "app1", "DependsOn": [], "APIVersion": "x",
                           "Properties": { "enabled": true } } ] }
        """));

    assertThat(resolution.unresolved()).isEmpty();
    assertThat(resolution.resources().get(0).resource()).isEqualTo(template("""
        { "id": "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Web/sites/app1",
          "name": "app1", "type": "Microsoft.Web/sites", "Properties": { "enabled": true } }
        """));
  }

  @Test
  void falseConditionSkipsTheResourceAndItsChildren() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "parameters": { "deployBastion": { "type": "string", "defaultValue": "no" } },
          "resources": [
            { "type": "Microsoft.Network/bastionHosts", "name": "bas1",
              "condition": "[equals(parameters('deployBastion'), 'yes')]",
              "resources": [ { "type": "Microsoft.Network/bastionHosts/extensions", "name": "bas1/x" } ] },
            { "type": "Microsoft.Network/publicIPAddresses", "name": "pip1", "condition": false },
            { "type": "Microsoft.Network/publicIPAddresses", "name": "pip2",
              "condition": "[not(equals(parameters('deployBastion'), 'yes'))]" } ] }
        """));

    assertThat(ids(resolution)).containsExactly(RG_ID + "/providers/Microsoft.Network/publicIPAddresses/pip2");
    assertThat(resolution.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/condition", "[equals(parameters('deployBastion'), 'yes')]",
            "condition is false: resource not deployed"),
        new UnresolvedExpression("/resources/1/condition", "false", "condition is false: resource not deployed"));
  }

  @Test
  void conditionThatCannotBeEvaluatedKeepsTheResource() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [
            { "type": "Microsoft.Network/publicIPAddresses", "name": "pip1",
              "condition": "[reference('other').enabled]" },
            { "type": "Microsoft.Network/publicIPAddresses", "name": "pip2", "condition": "[concat('a', 'b')]" } ] }
        """));

    assertThat(ids(resolution)).containsExactly(
        RG_ID + "/providers/Microsoft.Network/publicIPAddresses/pip1",
        RG_ID + "/providers/Microsoft.Network/publicIPAddresses/pip2");
    assertThat(resolution.resources().get(0).resource().has("condition")).isFalse();
    assertThat(resolution.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/condition", "[reference('other').enabled]",
            "condition cannot be evaluated: function 'reference' is evaluated only at deployment time"),
        new UnresolvedExpression("/resources/1/condition", "[concat('a', 'b')]",
            "condition does not evaluate to a boolean"));
  }

  @Test
  void copyLoopIsEmittedOnceUnexpanded() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [
            { "type": "Microsoft.Network/publicIPAddresses", "name": "[concat('pip', copyIndex())]",
              "copy": { "name": "pips", "count": 2 }, "properties": { "idleTimeoutInMinutes": 4 } } ] }
        """));

    assertThat(resolution.resources()).hasSize(1);
    ObjectNode pip = resolution.resources().get(0).resource();
    assertThat(pip).isEqualTo(template("""
        { "id": "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Network/publicIPAddresses/[concat('pip', copyIndex())]",
          "name": "[concat('pip', copyIndex())]", "type": "Microsoft.Network/publicIPAddresses",
          "properties": { "idleTimeoutInMinutes": 4 } }
        """));
    assertThat(resolution.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/copy", "{\"name\":\"pips\",\"count\":2}", "copy loops are not expanded"),
        new UnresolvedExpression("/resources/0/name", "[concat('pip', copyIndex())]",
            "function 'copyIndex' is evaluated only inside an expanded copy loop"));
  }

  @Test
  void unresolvedNameKeepsItsRawTextInTheIdAndInItsChildren() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "parameters": { "vnetName": { "type": "string" } },
          "resources": [
            { "type": "Microsoft.Network/virtualNetworks", "name": "[parameters('vnetName')]",
              "resources": [ { "type": "subnets", "name": "default" } ] } ] }
        """));

    assertThat(resolution.resources())
        .extracting(r -> r.resource().get("id").textValue(), r -> r.resource().get("name").textValue())
        .containsExactly(
            tuple(RG_ID + "/providers/Microsoft.Network/virtualNetworks/[parameters('vnetName')]",
                "[parameters('vnetName')]"),
            tuple(RG_ID + "/providers/Microsoft.Network/virtualNetworks/[parameters('vnetName')]/subnets/default",
                "[parameters('vnetName')]/default"));
    assertThat(resolution.unresolved()).containsExactly(new UnresolvedExpression("/resources/0/name",
        "[parameters('vnetName')]", "parameter 'vnetName' has no defaultValue"));
  }

  @Test
  void missingOrNonStringTypeAndNameAreEmittedRawAndReported() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [
            { "name": "orphan", "properties": {} },
            { "type": "Microsoft.Network/networkSecurityGroups" },
            { "type": "Microsoft.Network/networkSecurityGroups", "name": 42 },
            { "type": ["Microsoft.Network/networkSecurityGroups"], "name": "nsg1" },
            { "type": "[parameters('t')]", "name": "nsg2" },
            { "type": "Microsoft.Network/networkSecurityGroups", "name": "[length('abc')]" } ] }
        """));

    assertThat(resolution.resources())
        .extracting(ResolvedResource::pointer, r -> r.resource().get("id").textValue(),
            r -> r.resource().get("name"), r -> r.resource().get("type"))
        .containsExactly(
            tuple("/resources/0", RG_ID + "/providers/orphan", JSON.valueToTree("orphan"), JSON.nullNode()),
            tuple("/resources/1", RG_ID + "/providers/Microsoft.Network/networkSecurityGroups", JSON.nullNode(),
                JSON.valueToTree("Microsoft.Network/networkSecurityGroups")),
            tuple("/resources/2", RG_ID + "/providers/Microsoft.Network/networkSecurityGroups/42",
                JSON.valueToTree(42), JSON.valueToTree("Microsoft.Network/networkSecurityGroups")),
            tuple("/resources/3", RG_ID + "/providers/[\"Microsoft.Network/networkSecurityGroups\"]/nsg1",
                JSON.valueToTree("nsg1"), JSON.valueToTree(List.of("Microsoft.Network/networkSecurityGroups"))),
            tuple("/resources/4", RG_ID + "/providers/[parameters('t')]/nsg2",
                JSON.valueToTree("nsg2"), JSON.valueToTree("[parameters('t')]")),
            tuple("/resources/5", RG_ID + "/providers/Microsoft.Network/networkSecurityGroups/[length('abc')]",
                JSON.valueToTree("[length('abc')]"), JSON.valueToTree("Microsoft.Network/networkSecurityGroups")));
    assertThat(resolution.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/type", "", "resource has no type"),
        new UnresolvedExpression("/resources/1/name", "", "resource has no name"),
        new UnresolvedExpression("/resources/2/name", "42", "resource name is not a string"),
        new UnresolvedExpression("/resources/3/type", "[\"Microsoft.Network/networkSecurityGroups\"]",
            "resource type is not a string"),
        new UnresolvedExpression("/resources/4/type", "[parameters('t')]", "parameter 't' is not declared"),
        new UnresolvedExpression("/resources/5/name", "[length('abc')]", "resource name does not evaluate to a string"));
  }

  @Test
  void nameWithTheWrongNumberOfSegmentsIsReported() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [ { "type": "Microsoft.Network/virtualNetworks/subnets", "name": "default" } ] }
        """));

    assertThat(ids(resolution)).containsExactly(RG_ID + "/providers/Microsoft.Network/virtualNetworks/default/subnets");
    assertThat(resolution.unresolved()).containsExactly(new UnresolvedExpression("/resources/0/name", "default",
        "resource name 'default' has 1 segment(s) but type 'Microsoft.Network/virtualNetworks/subnets' needs 2"));
  }

  @Test
  void oddStructureIsReportedNeverThrown() {
    assertThat(RESOLVER.resolve(template("{}"))).isEqualTo(new Resolution(List.of(), List.of()));
    assertThat(RESOLVER.resolve(template("{ \"resources\": null }")).resources()).isEmpty();
    assertThat(RESOLVER.resolve(template("{ \"resources\": { \"a\": 1 } }")).unresolved())
        .containsExactly(new UnresolvedExpression("/resources", "{\"a\":1}", "resources is not an array"));

    Resolution odd = RESOLVER.resolve(template("""
        { "parameters": "nonsense", "variables": [ 1 ],
          "resources": [ "text", 7, null, [ 1 ],
            { "type": "Microsoft.Web/sites", "name": "app", "resources": "oops",
              "properties": { "p": "[parameters('p')]", "v": "[variables('v')]" } } ] }
        """));
    assertThat(ids(odd)).containsExactly(RG_ID + "/providers/Microsoft.Web/sites/app");
    assertThat(odd.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0", "text", "resource is not a JSON object"),
        new UnresolvedExpression("/resources/1", "7", "resource is not a JSON object"),
        new UnresolvedExpression("/resources/2", "null", "resource is not a JSON object"),
        new UnresolvedExpression("/resources/3", "[1]", "resource is not a JSON object"),
        new UnresolvedExpression("/resources/4/properties/p", "[parameters('p')]", "parameter 'p' is not declared"),
        new UnresolvedExpression("/resources/4/properties/v", "[variables('v')]", "variable 'v' is not declared"),
        new UnresolvedExpression("/resources/4/resources", "oops", "resources is not an array"));
  }

  @Test
  void deeplyNestedValuesAreCopiedButNotResolved() {
    ObjectNode template = template("{ \"resources\": [ { \"type\": \"A.B/c\", \"name\": \"n\", \"properties\": {} } ] }");
    ArrayNode deep = ((ObjectNode) template.get("resources").get(0).get("properties")).putArray("deep");
    ArrayNode innermost = deep;
    for (int i = 0; i < 20_000; i++) {
      innermost = innermost.addArray();
    }
    innermost.add("[concat('a', 'b')]");

    Resolution resolution = RESOLVER.resolve(template);

    assertThat(resolution.unresolved()).hasSize(1);
    UnresolvedExpression only = resolution.unresolved().get(0);
    assertThat(only.pointer()).isEqualTo("/resources/0/properties/deep" + "/0".repeat(255));
    assertThat(only.expression()).isEqualTo("[...]");
    assertThat(only.reason()).isEqualTo("value is nested more than 256 levels deep and is not resolved");
    JsonNode copied = resolution.resources().get(0).resource().get("properties").get("deep");
    int depth = 0;
    while (copied.isArray() && copied.size() == 1 && copied.get(0).isArray()) {
      copied = copied.get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(20_000);
    assertThat(copied.get(0).textValue()).isEqualTo("[concat('a', 'b')]");
  }

  @Test
  void deeplyNestedResourcesStopAtALimit() {
    ObjectNode template = template("{}");
    ArrayNode list = template.putArray("resources");
    for (int i = 0; i < 40; i++) {
      ObjectNode resource = list.addObject();
      resource.put("type", i == 0 ? "A.B/c" : "c");
      resource.put("name", "n" + i);
      list = resource.putArray("resources");
    }

    Resolution resolution = RESOLVER.resolve(template);

    assertThat(resolution.resources()).hasSize(32);
    assertThat(resolution.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.pointer()).isEqualTo("/resources/0" + "/resources/0".repeat(31) + "/resources");
      assertThat(u.reason()).isEqualTo("resources nested more than 32 levels deep are not resolved");
    });
  }

  /** Thirty-two variables, each a 254-deep array around a 63-deep expression that uses the next one. */
  private static ObjectNode chainedDeepVariables(int count, int arrayDepth, int expressionDepth) {
    ObjectNode template = template("{}");
    ObjectNode variables = template.putObject("variables");
    for (int i = 0; i < count; i++) {
      String inner = i + 1 < count ? "variables('v" + (i + 1) + "')" : "'end'";
      ArrayNode value = variables.putArray("v" + i);
      for (int d = 0; d < arrayDepth; d++) {
        value = value.addArray();
      }
      value.add("[" + "string(".repeat(expressionDepth) + inner + ")".repeat(expressionDepth) + "]");
    }
    ObjectNode resource = template.putArray("resources").addObject();
    resource.put("type", "A.B/c");
    resource.put("name", "n");
    resource.putObject("properties").put("x", "[variables('v0')]");
    return template;
  }

  @Test
  void chainedDeepVariablesHitANestingBudgetNotTheStackLimit() throws InterruptedException {
    ObjectNode template = chainedDeepVariables(32, 254, 63);
    Resolution[] result = new Resolution[1];
    Throwable[] failure = new Throwable[1];
    // A small stack proves the budget, not a generous default stack, is what keeps this from overflowing.
    Thread small = new Thread(null, () -> {
      try {
        result[0] = RESOLVER.resolve(template);
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "small-stack", 512 * 1024);
    small.start();
    small.join();

    assertThat(failure[0]).isNull();
    assertThat(result[0].unresolved()).containsExactly(new UnresolvedExpression("/resources/0/properties/x",
        "[variables('v0')]", "evaluation nests more than 500 levels deep"));
  }

  @Test
  void longVariableChainsAreCut() throws JsonProcessingException {
    assertThat(RESOLVER.resolve(chainedDeepVariables(40, 0, 0)).unresolved())
        .containsExactly(new UnresolvedExpression("/resources/0/properties/x", "[variables('v0')]",
            "variables and parameters refer to each other more than 32 levels deep"));
    Resolution thirty = RESOLVER.resolve(chainedDeepVariables(30, 0, 0));
    assertThat(thirty.unresolved()).isEmpty();
    assertThat(thirty.resources().get(0).resource().at("/properties/x"))
        .isEqualTo(JSON.readTree("[".repeat(30) + "\"end\"" + "]".repeat(30)));
  }

  /** Thirty variables, each using the previous one twice, so the last one is 2^30 times the first. */
  private static ObjectNode doublingVariables(JsonNode first, Function<String, JsonNode> doubled) {
    ObjectNode template = template("""
        { "resources": [ { "type": "A.B/c", "name": "n",
                           "properties": { "big": "[variables('v30')]", "small": "[variables('v2')]" } } ] }
        """);
    ObjectNode variables = template.putObject("variables");
    variables.set("v0", first);
    for (int i = 1; i <= 30; i++) {
      variables.set("v" + i, doubled.apply("variables('v" + (i - 1) + "')"));
    }
    return template;
  }

  @Test
  void exponentiallyGrowingValuesStopAtABudget() {
    Resolution arrays = RESOLVER.resolve(doublingVariables(JSON.valueToTree("x"),
        previous -> JSON.createArrayNode().add("[" + previous + "]").add("[" + previous + "]")));
    String nodes = "the template expands to more than 1000000 values through its variables; evaluation stopped";
    // Once a budget is spent every later lookup stops too, even of small values.
    assertThat(arrays.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/properties/big", "[variables('v30')]", nodes),
        new UnresolvedExpression("/resources/0/properties/small", "[variables('v2')]", nodes));

    Resolution strings = RESOLVER.resolve(doublingVariables(JSON.valueToTree("xx"),
        previous -> JSON.valueToTree("[concat(" + previous + ", " + previous + ")]")));
    String characters = "the template builds more than 50000000 characters of strings; evaluation stopped";
    assertThat(strings.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/properties/big", "[variables('v30')]", characters),
        new UnresolvedExpression("/resources/0/properties/small", "[variables('v2')]", characters));
  }

  @Test
  void doublingBelowTheBudgetsResolves() {
    ObjectNode template = doublingVariables(JSON.valueToTree("xx"),
        previous -> JSON.valueToTree("[concat(" + previous + ", " + previous + ")]"));
    ((ObjectNode) template.at("/resources/0/properties")).put("big", "[length(variables('v20'))]");

    Resolution resolution = RESOLVER.resolve(template);

    assertThat(resolution.unresolved()).isEmpty();
    assertThat(resolution.resources().get(0).resource().at("/properties/big").intValue()).isEqualTo(2 << 20);
    assertThat(resolution.resources().get(0).resource().at("/properties/small").textValue()).isEqualTo("xxxxxxxx");
  }

  @Test
  void variableCycleIsReportedAtEveryUse() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "variables": { "a": "[variables('b')]", "b": "[concat(variables('a'), 'x')]" },
          "resources": [ { "type": "A.B/c", "name": "n", "properties": { "x": "[variables('a')]", "y": "[variables('b')]" } } ] }
        """));

    assertThat(resolution.unresolved()).containsExactly(
        new UnresolvedExpression("/resources/0/properties/x", "[variables('a')]",
            "circular reference: variables('a') -> variables('b') -> variables('a')"),
        new UnresolvedExpression("/resources/0/properties/y", "[variables('b')]",
            "circular reference: variables('a') -> variables('b') -> variables('a')"));
  }

  @Test
  void pointersEscapeSlashAndTilde() {
    Resolution resolution = RESOLVER.resolve(template("""
        { "resources": [ { "type": "A.B/c", "name": "n", "tags": { "a/b~c": "[utcNow()]" } } ] }
        """));

    assertThat(resolution.unresolved()).containsExactly(new UnresolvedExpression("/resources/0/tags/a~1b~0c",
        "[utcNow()]", "function 'utcNow' is evaluated only at deployment time"));
  }

  @Test
  void inputIsNeverMutatedAndOutputsShareNoNodes() {
    ObjectNode template = template("""
        { "variables": { "shared": { "rules": [ { "port": 22 } ] } },
          "resources": [
            { "type": "A.B/c", "name": "one", "properties": { "cfg": "[variables('shared')]", "raw": { "k": [ 1 ] } } },
            { "type": "A.B/c", "name": "two", "properties": { "cfg": "[variables('shared')]" } } ] }
        """);
    ObjectNode before = template.deepCopy();

    Resolution resolution = RESOLVER.resolve(template);
    assertThat(template).isEqualTo(before);

    ObjectNode one = resolution.resources().get(0).resource();
    ObjectNode two = resolution.resources().get(1).resource();
    ((ObjectNode) one.get("properties").get("cfg").get("rules").get(0)).put("port", 3389);
    ((ArrayNode) one.get("properties").get("raw").get("k")).add(2);
    assertThat(two.get("properties").get("cfg").get("rules").get(0).get("port").intValue()).isEqualTo(22);
    assertThat(template).isEqualTo(before);
    assertThat(RESOLVER.resolve(template).resources().get(0).resource().get("properties").get("cfg"))
        .isEqualTo(template("{ \"rules\": [ { \"port\": 22 } ] }"));
  }

  @Test
  void resolverIsReusableAndRunsAreIndependent() {
    ObjectNode template = template("""
        { "variables": { "v": "[variables('v')]" },
          "resources": [ { "type": "A.B/c", "name": "n", "properties": { "x": "[variables('v')]" } } ] }
        """);
    assertThat(RESOLVER.resolve(template)).isEqualTo(RESOLVER.resolve(template));
  }

  private static java.util.List<String> keys(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }
}
