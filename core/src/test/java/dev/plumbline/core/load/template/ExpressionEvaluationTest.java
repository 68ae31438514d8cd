package dev.plumbline.core.load.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluates single expressions through the public API, placed as a property value of one resource. */
class ExpressionEvaluationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUB = "8f3c2a71-5d1e-4b6a-9c0f-2e7d4a9b1c35";
  private static final String RG = "rg-app";
  private static final String VALUE_POINTER = "/resources/0/properties/value";

  private static final String DECLARATIONS = """
      {
        "parameters": {
          "name": { "type": "string", "defaultValue": "app" },
          "count": { "type": "int", "defaultValue": 3 },
          "flag": { "type": "bool", "defaultValue": true },
          "noDefault": { "type": "securestring" },
          "settings": { "type": "object", "defaultValue": { "tier": "Basic", "subnets": [ { "name": "a" }, { "name": "b" } ] } },
          "loc": { "type": "string", "defaultValue": "[resourceGroup().location]" },
          "zones": { "type": "array", "defaultValue": [ "1", "2", "3" ] }
        },
        "variables": {
          "prefix": "[concat(parameters('name'), '-prod')]",
          "fullName": "[concat(variables('prefix'), '-01')]",
          "config": { "sku": "[toUpper('standard')]", "zones": "[parameters('zones')]", "note": "[[raw]" },
          "cycleA": "[variables('cycleB')]",
          "cycleB": "[variables('cycleA')]",
          "self": "[concat('x', variables('self'))]",
          "usesCycle": "[variables('cycleA')]",
          "late": { "key": "[listKeys('st', '2023-01-01').keys[0].value]" },
          "copy": [ { "name": "disks", "count": 2, "input": "[copyIndex('disks')]" } ],
          "looped": { "copy": [ { "name": "items", "count": 2, "input": "x" } ] },
          "empty": ""
        }
      }
      """;

  private static ObjectNode template(JsonNode value) {
    try {
      ObjectNode template = (ObjectNode) JSON.readTree(DECLARATIONS);
      ObjectNode resource = template.putArray("resources").addObject();
      resource.put("type", "Test.Provider/things");
      resource.put("name", "thing");
      resource.putObject("properties").set("value", value);
      return template;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Resolution resolve(String value, String location) {
    return new TemplateResolver(SUB, RG, location).resolve(template(TextNode.valueOf(value)));
  }

  /** The evaluated value, asserting that nothing was left unresolved. */
  private static JsonNode value(String expression) {
    Resolution resolution = resolve(expression, "westeurope");
    assertThat(resolution.unresolved()).as("unresolved for %s", expression).isEmpty();
    return resolution.resources().get(0).resource().get("properties").get("value");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reason, asserting the expression was kept verbatim and reported exactly once. */
  private static String reason(String expression) {
    return reason(expression, "westeurope");
  }

  private static String reason(String expression, String location) {
    Resolution resolution = resolve(expression, location);
    assertThat(resolution.resources().get(0).resource().get("properties").get("value"))
        .isEqualTo(TextNode.valueOf(expression));
    assertThat(resolution.unresolved()).hasSize(1);
    UnresolvedExpression only = resolution.unresolved().get(0);
    assertThat(only.pointer()).isEqualTo(VALUE_POINTER);
    assertThat(only.expression()).isEqualTo(expression);
    return only.reason();
  }

  @Nested
  class Escapes {

    @Test
    void doubledOpeningBracketIsALiteralWithOneBracketDropped() {
      assertThat(value("[[literal]")).isEqualTo(TextNode.valueOf("[literal]"));
      assertThat(value("[[concat('a', 'b')]")).isEqualTo(TextNode.valueOf("[concat('a', 'b')]"));
    }

    @Test
    void stringsThatAreNotBracketedStayAsTheyAre() {
      assertThat(value("plain [text]")).isEqualTo(TextNode.valueOf("plain [text]"));
      assertThat(value("[not closed")).isEqualTo(TextNode.valueOf("[not closed"));
      assertThat(value("[[not closed")).isEqualTo(TextNode.valueOf("[[not closed"));
      assertThat(value("[")).isEqualTo(TextNode.valueOf("["));
    }

    @Test
    void doubledQuoteInsideAnExpressionString() {
      assertThat(value("[concat('it''s', ' fine')]")).isEqualTo(TextNode.valueOf("it's fine"));
    }

    @Test
    void emptyBracketsAreAnInvalidExpression() {
      assertThat(reason("[]")).isEqualTo("invalid expression: it is empty");
    }
  }

  @Nested
  class WholeValues {

    @Test
    void expressionBecomesTheJsonValueOfItsResult() {
      assertThat(value("[parameters('count')]")).isEqualTo(json("3"));
      assertThat(value("[parameters('flag')]")).isEqualTo(json("true"));
      assertThat(value("[parameters('settings')]"))
          .isEqualTo(json("{\"tier\":\"Basic\",\"subnets\":[{\"name\":\"a\"},{\"name\":\"b\"}]}"));
      assertThat(value("[parameters('zones')]")).isEqualTo(json("[\"1\",\"2\",\"3\"]"));
      assertThat(value("[null()]")).isEqualTo(json("null"));
      assertThat(value("[42]")).isEqualTo(json("42"));
    }

    @Test
    void propertyAndIndexAccessOnResults() {
      assertThat(value("[parameters('settings').tier]")).isEqualTo(TextNode.valueOf("Basic"));
      assertThat(value("[parameters('settings').subnets[1].name]")).isEqualTo(TextNode.valueOf("b"));
      assertThat(value("[parameters('settings')['subnets'][0]['name']]")).isEqualTo(TextNode.valueOf("a"));
      assertThat(value("[parameters('settings').TIER]")).isEqualTo(TextNode.valueOf("Basic"));
      assertThat(value("[split('a,b,c', ',')[2]]")).isEqualTo(TextNode.valueOf("c"));
    }

    @Test
    void badAccessIsUnresolved() {
      assertThat(reason("[parameters('settings').missing]")).isEqualTo("property 'missing' does not exist");
      assertThat(reason("[parameters('zones')[3]]")).isEqualTo("index 3 is out of range for an array of 3 elements");
      assertThat(reason("[parameters('name').length]")).isEqualTo("cannot read property 'length' of a string");
      assertThat(reason("[parameters('zones')['x']]")).isEqualTo("cannot index an array with a string");
    }

    @Test
    void syntaxErrorsAreUnresolvedNotThrown() {
      assertThat(reason("[concat('a', 'b']"))
          .isEqualTo("invalid expression: unbalanced parentheses, 'concat(' at position 1 is never closed");
      assertThat(reason("[concat('a'))]"))
          .isEqualTo("invalid expression: unbalanced parentheses, unexpected ')' at position 12");
      assertThat(reason("[concat('a]")).isEqualTo("invalid expression: string literal is never closed at position 8");
    }
  }

  @Nested
  class ParametersAndVariables {

    @Test
    void parameterDefaultsAndCaseInsensitiveNames() {
      assertThat(value("[parameters('name')]")).isEqualTo(TextNode.valueOf("app"));
      assertThat(value("[PARAMETERS('NAME')]")).isEqualTo(TextNode.valueOf("app"));
      assertThat(value("[parameters('loc')]")).isEqualTo(TextNode.valueOf("westeurope"));
    }

    @Test
    void parameterWithoutDefaultOrDeclarationIsUnresolved() {
      assertThat(reason("[parameters('noDefault')]")).isEqualTo("parameter 'noDefault' has no defaultValue");
      assertThat(reason("[concat('pw-', parameters('noDefault'))]"))
          .isEqualTo("parameter 'noDefault' has no defaultValue");
      assertThat(reason("[parameters('nope')]")).isEqualTo("parameter 'nope' is not declared");
    }

    @Test
    void variablesResolveRecursively() {
      assertThat(value("[variables('prefix')]")).isEqualTo(TextNode.valueOf("app-prod"));
      assertThat(value("[variables('fullName')]")).isEqualTo(TextNode.valueOf("app-prod-01"));
      assertThat(value("[variables('config')]"))
          .isEqualTo(json("{\"sku\":\"STANDARD\",\"zones\":[\"1\",\"2\",\"3\"],\"note\":\"[raw]\"}"));
      assertThat(value("[variables('config').zones[0]]")).isEqualTo(TextNode.valueOf("1"));
      assertThat(value("[empty(variables('empty'))]")).isEqualTo(json("true"));
    }

    @Test
    void cyclesAreDetected() {
      assertThat(reason("[variables('cycleA')]"))
          .isEqualTo("circular reference: variables('cycleA') -> variables('cycleB') -> variables('cycleA')");
      assertThat(reason("[variables('self')]"))
          .isEqualTo("circular reference: variables('self') -> variables('self')");
      assertThat(reason("[variables('usesCycle')]"))
          .isEqualTo("circular reference: variables('cycleA') -> variables('cycleB') -> variables('cycleA')");
    }

    @Test
    void variableWithADeploymentTimeValueIsUnresolved() {
      assertThat(reason("[variables('late').key]")).isEqualTo("function 'listKeys' is evaluated only at deployment time");
    }

    @Test
    void variableLoopsAreNotExpanded() {
      assertThat(reason("[variables('disks')]")).isEqualTo("variable copy loops are not expanded");
      assertThat(reason("[variables('looped')]")).isEqualTo("variable copy loops are not expanded");
      assertThat(reason("[variables('missing')]")).isEqualTo("variable 'missing' is not declared");
    }
  }

  @Nested
  class ResourceIdFunctions {

    @Test
    void resourceIdInTheCurrentResourceGroup() {
      assertThat(value("[resourceId('Microsoft.Network/virtualNetworks', 'vnet1')]")).isEqualTo(TextNode.valueOf(
          "/subscriptions/" + SUB + "/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet1"));
      assertThat(value("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1', 'default')]"))
          .isEqualTo(TextNode.valueOf("/subscriptions/" + SUB
              + "/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default"));
      assertThat(value("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1/default')]"))
          .isEqualTo(TextNode.valueOf("/subscriptions/" + SUB
              + "/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default"));
    }

    @Test
    void leadingArgumentsWithoutSlashAreResourceGroupAndSubscription() {
      assertThat(value("[resourceId('rg-other', 'Microsoft.Storage/storageAccounts', 'st1')]"))
          .isEqualTo(TextNode.valueOf("/subscriptions/" + SUB
              + "/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/st1"));
      assertThat(value("[resourceId('sub-2', 'rg-other', 'Microsoft.Storage/storageAccounts', 'st1')]"))
          .isEqualTo(TextNode.valueOf(
              "/subscriptions/sub-2/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/st1"));
    }

    @Test
    void subscriptionResourceId() {
      assertThat(value("[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg-x')]"))
          .isEqualTo(TextNode.valueOf("/subscriptions/" + SUB + "/providers/Microsoft.Resources/resourceGroups/rg-x"));
      assertThat(value("[subscriptionResourceId('sub-2', 'Microsoft.Resources/resourceGroups', 'rg-x')]"))
          .isEqualTo(TextNode.valueOf("/subscriptions/sub-2/providers/Microsoft.Resources/resourceGroups/rg-x"));
    }

    @Test
    void wrongNameCountsAndTypesAreUnresolved() {
      assertThat(reason("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1')]"))
          .isEqualTo("function 'resourceId' needs 2 name(s) for type 'Microsoft.Network/virtualNetworks/subnets' but got 1");
      assertThat(reason("[resourceId('Microsoft.Network/virtualNetworks', 'a', 'b')]"))
          .isEqualTo("function 'resourceId' needs 1 name(s) for type 'Microsoft.Network/virtualNetworks' but got 2");
      assertThat(reason("[resourceId('vnet1', 'default')]"))
          .isEqualTo("function 'resourceId' has no resource type argument such as 'Microsoft.Network/virtualNetworks'");
      assertThat(reason("[resourceId('a', 'b', 'c', 'Microsoft.Network/virtualNetworks', 'v')]"))
          .isEqualTo("function 'resourceId' takes at most 2 arguments before the resource type but got 3");
      assertThat(reason("[resourceId('Microsoft.Network/', 'v')]"))
          .isEqualTo("function 'resourceId' got an invalid resource type 'Microsoft.Network/'");
      assertThat(reason("[resourceId('Microsoft.Network/virtualNetworks', 1)]"))
          .isEqualTo("function 'resourceId' expects a string but got an integer");
    }
  }

  @Nested
  class ScopeFunctions {

    @Test
    void subscriptionObject() {
      assertThat(value("[subscription()]"))
          .isEqualTo(json("{\"id\":\"/subscriptions/" + SUB + "\",\"subscriptionId\":\"" + SUB + "\"}"));
      assertThat(value("[subscription().subscriptionId]")).isEqualTo(TextNode.valueOf(SUB));
      assertThat(reason("[subscription().tenantId]")).isEqualTo("subscription().tenantId is known only at deployment time");
    }

    @Test
    void resourceGroupObject() {
      assertThat(value("[resourceGroup()]")).isEqualTo(json("{\"id\":\"/subscriptions/" + SUB
          + "/resourceGroups/rg-app\",\"name\":\"rg-app\",\"type\":\"Microsoft.Resources/resourceGroups\","
          + "\"location\":\"westeurope\"}"));
      assertThat(value("[resourceGroup().location]")).isEqualTo(TextNode.valueOf("westeurope"));
      assertThat(value("[resourceGroup().name]")).isEqualTo(TextNode.valueOf("rg-app"));
      assertThat(reason("[resourceGroup().tags]")).isEqualTo("resourceGroup().tags is known only at deployment time");
    }

    @Test
    void resourceGroupLocationWithoutALocationIsUnresolved() {
      assertThat(reason("[resourceGroup().location]", null))
          .isEqualTo("resourceGroup().location is unknown because no location was given");
      assertThat(reason("[parameters('loc')]", null))
          .isEqualTo("resourceGroup().location is unknown because no location was given");
    }
  }

  @Nested
  class StringFunctions {

    @Test
    void concat() {
      assertThat(value("[concat('a', 'b', 'c')]")).isEqualTo(TextNode.valueOf("abc"));
      assertThat(value("[concat('n', 1, '-', true)]")).isEqualTo(TextNode.valueOf("n1-True"));
      assertThat(value("[concat(parameters('zones'), split('4,5', ','))]"))
          .isEqualTo(json("[\"1\",\"2\",\"3\",\"4\",\"5\"]"));
      assertThat(reason("[concat('a', parameters('settings'))]"))
          .isEqualTo("function 'concat' cannot join an object with strings");
      assertThat(reason("[concat('a', parameters('zones'))]"))
          .isEqualTo("function 'concat' cannot join an array with strings");
      assertThat(reason("[concat()]")).isEqualTo("function 'concat' expects at least 1 argument but got 0");
    }

    @Test
    void format() {
      assertThat(value("[format('{0}-{1}', 'vm', 7)]")).isEqualTo(TextNode.valueOf("vm-7"));
      assertThat(value("[format('{1}{0}{1}', 'a', 'b')]")).isEqualTo(TextNode.valueOf("bab"));
      assertThat(value("[format('{{0}} is {0}', 'x')]")).isEqualTo(TextNode.valueOf("{0} is x"));
      assertThat(value("[format('vm{0:D3}', 7)]")).isEqualTo(TextNode.valueOf("vm007"));
      assertThat(value("[format('{0:X}|{0:x4}', 255)]")).isEqualTo(TextNode.valueOf("FF|00ff"));
      assertThat(value("[format('[{0,4}|{1,-3}]', 'ab', 'c')]")).isEqualTo(TextNode.valueOf("[  ab|c  ]"));
      assertThat(value("[format('{0:N2} and {1}', 'text', false)]")).isEqualTo(TextNode.valueOf("text and False"));
      assertThat(reason("[format('{2}', 'a')]"))
          .isEqualTo("function 'format' refers to argument {2} but has 1 argument(s) to format");
      assertThat(reason("[format('a}b')]")).isEqualTo("function 'format' has an unmatched '}' in its format string");
      assertThat(reason("[format('a{0')]")).isEqualTo("function 'format' has an unclosed '{' in its format string");
      assertThat(reason("[format('{x}', 1)]")).isEqualTo("function 'format' has an invalid placeholder '{x}'");
      assertThat(reason("[format('{0:N2}', 5)]")).isEqualTo("format specifier 'N2' is not supported");
    }

    @Test
    void caseConversionAndReplace() {
      assertThat(value("[toLower('VNet-Hub')]")).isEqualTo(TextNode.valueOf("vnet-hub"));
      assertThat(value("[toUpper('vnet-hub')]")).isEqualTo(TextNode.valueOf("VNET-HUB"));
      assertThat(value("[replace('a-b-c', '-', '_')]")).isEqualTo(TextNode.valueOf("a_b_c"));
      assertThat(reason("[toLower(1)]")).isEqualTo("function 'toLower' expects a string but got an integer");
      assertThat(reason("[replace('abc', '', 'x')]")).isEqualTo("function 'replace' cannot replace an empty string");
      assertThat(reason("[toUpper('a', 'b')]")).isEqualTo("function 'toUpper' expects 1 argument but got 2");
    }

    @Test
    void stringAndInt() {
      assertThat(value("[string(5)]")).isEqualTo(TextNode.valueOf("5"));
      assertThat(value("[string(true)]")).isEqualTo(TextNode.valueOf("True"));
      assertThat(value("[string('x')]")).isEqualTo(TextNode.valueOf("x"));
      assertThat(value("[string(parameters('zones'))]")).isEqualTo(TextNode.valueOf("[\"1\",\"2\",\"3\"]"));
      assertThat(value("[int('42')]")).isEqualTo(json("42"));
      assertThat(value("[int(-3)]")).isEqualTo(json("-3"));
      assertThat(reason("[int('4x')]")).isEqualTo("function 'int' cannot convert '4x' to an integer");
      assertThat(reason("[int(true)]")).isEqualTo("function 'int' cannot convert a boolean to an integer");
    }

    @Test
    void split() {
      assertThat(value("[split('a,b,,c', ',')]")).isEqualTo(json("[\"a\",\"b\",\"\",\"c\"]"));
      assertThat(value("[split('a;b,c', split(';|,', '|'))]")).isEqualTo(json("[\"a\",\"b\",\"c\"]"));
      assertThat(value("[split('abc', '-')]")).isEqualTo(json("[\"abc\"]"));
    }
  }

  @Nested
  class CollectionAndLogicFunctions {

    @Test
    void firstLastLengthEmpty() {
      assertThat(value("[first(parameters('zones'))]")).isEqualTo(TextNode.valueOf("1"));
      assertThat(value("[last(parameters('zones'))]")).isEqualTo(TextNode.valueOf("3"));
      assertThat(value("[first('abc')]")).isEqualTo(TextNode.valueOf("a"));
      assertThat(value("[last('abc')]")).isEqualTo(TextNode.valueOf("c"));
      assertThat(value("[first(split('', ','))]")).isEqualTo(TextNode.valueOf(""));
      assertThat(value("[length('abcd')]")).isEqualTo(json("4"));
      assertThat(value("[length(parameters('zones'))]")).isEqualTo(json("3"));
      assertThat(value("[length(parameters('settings'))]")).isEqualTo(json("2"));
      assertThat(value("[empty('')]")).isEqualTo(json("true"));
      assertThat(value("[empty(parameters('zones'))]")).isEqualTo(json("false"));
      assertThat(value("[empty(null())]")).isEqualTo(json("true"));
      assertThat(reason("[first(1)]")).isEqualTo("function 'first' expects an array or a string but got an integer");
      assertThat(reason("[length(true)]"))
          .isEqualTo("function 'length' expects a string, an array or an object but got a boolean");
    }

    @Test
    void ifEqualsNotAndOr() {
      assertThat(value("[if(equals(parameters('name'), 'app'), 'yes', 'no')]")).isEqualTo(TextNode.valueOf("yes"));
      assertThat(value("[if(false, 'yes', parameters('count'))]")).isEqualTo(json("3"));
      assertThat(value("[equals(parameters('count'), 3)]")).isEqualTo(json("true"));
      assertThat(value("[equals('A', 'a')]")).isEqualTo(json("false"));
      assertThat(value("[equals(parameters('zones'), split('1,2,3', ','))]")).isEqualTo(json("true"));
      assertThat(value("[not(parameters('flag'))]")).isEqualTo(json("false"));
      assertThat(value("[and(true, parameters('flag'), not(false))]")).isEqualTo(json("true"));
      assertThat(value("[or(false, equals(1, 2))]")).isEqualTo(json("false"));
      assertThat(value("[or(false, true)]")).isEqualTo(json("true"));
      assertThat(reason("[if('yes', 1, 2)]")).isEqualTo("function 'if' expects a boolean but got a string");
      assertThat(reason("[and(true)]")).isEqualTo("function 'and' expects at least 2 arguments but got 1");
    }

    @Test
    void onlyTheChosenBranchOfIfIsEvaluated() {
      assertThat(value("[if(true, 'static', reference('st1').primaryEndpoints.blob)]"))
          .isEqualTo(TextNode.valueOf("static"));
      assertThat(reason("[if(false, 'static', reference('st1').primaryEndpoints.blob)]"))
          .isEqualTo("function 'reference' is evaluated only at deployment time");
    }

    @Test
    void andOrAreDecidedByAnyArgumentThatFixesTheResult() {
      assertThat(value("[and(reference('x').enabled, false)]")).isEqualTo(json("false"));
      assertThat(value("[or(reference('x').enabled, true)]")).isEqualTo(json("true"));
      assertThat(reason("[and(reference('x').enabled, true)]"))
          .isEqualTo("function 'reference' is evaluated only at deployment time");
    }
  }

  @Nested
  class NonStaticFunctions {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[reference('st1').primaryEndpoints.blob]           | function 'reference' is evaluated only at deployment time",
        "[listKeys('st1', '2023-01-01').keys[0].value]        | function 'listKeys' is evaluated only at deployment time",
        "[listSecrets('app', '2023-01-01')]                   | function 'listSecrets' is evaluated only at deployment time",
        "[list('app', '2023-01-01')]                          | function 'list' is evaluated only at deployment time",
        "[newGuid()]                                          | function 'newGuid' is evaluated only at deployment time",
        "[utcNow()]                                           | function 'utcNow' is evaluated only at deployment time",
        "[deployment().name]                                  | function 'deployment' is evaluated only at deployment time",
        "[environment().suffixes.storage]                     | function 'environment' is evaluated only at deployment time",
        "[uniqueString(resourceGroup().id)]                   | function 'uniqueString' is evaluated only at deployment time",
        "[concat('st', uniqueString(resourceGroup().id))]     | function 'uniqueString' is evaluated only at deployment time",
        "[copyIndex()]                                        | function 'copyIndex' is evaluated only inside an expanded copy loop",
        "[foo('a')]                                           | function 'foo' is not supported",
        "[contoso.uniqueName('a')]                            | function 'contoso.uniqueName' is not supported",
        "[concat('a', bar())]                                 | function 'bar' is not supported",
    })
    void areUnresolvedWithAReason(String expression, String expected) {
      assertThat(reason(expression)).isEqualTo(expected);
    }
  }
}
