package dev.plumbline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyPathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode read(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void aParsedPathReadsWhatItsTextReads() throws Exception {
    JsonNode root = read("{'properties': {'rules': [{'name': 'a', 'ports': ['22', '80']}, {'name': 'b'}],"
        + " 'tags': {'a.b': 'dotted', '0': 'zero'}, 'nothing': null}, 'zones': ['1', '2']}");
    List<String> paths = List.of("properties.rules[0].name", "properties.rules[1].name", "properties.rules[0].ports[1]",
        "properties.rules[2].name", "properties.tags['a.b']", "properties.tags[\"a.b\"]", "properties.tags[0]",
        "properties.tags['0']", "properties.nothing", "properties.nothing.deeper", "zones", ".zones..[1]", "",
        "properties.rules[", "properties.rules[x]", "properties.rules[].name", "missing.rules[0]", "zones[1]]");
    for (String path : paths) {
      // Twice: the second read takes the steps kept from the first.
      assertThat(PropertyPath.resolve(root, path)).as(path).isEqualTo(PropertyPath.resolveByText(root, path));
      assertThat(PropertyPath.resolve(root, path)).as(path).isEqualTo(PropertyPath.resolveByText(root, path));
    }
    assertThat(PropertyPath.resolve(root, "properties.tags['a.b']").asText()).isEqualTo("dotted");
    assertThat(PropertyPath.resolve(root, "properties.rules[").isMissingNode()).isTrue();
  }

  @Test
  void keptStepsReadEachDocumentItsOwnValue() throws Exception {
    JsonNode first = read("{'properties': {'version': '15'}}");
    JsonNode second = read("{'properties': {'version': '16'}}");
    assertThat(PropertyPath.resolve(first, "properties.version").asText()).isEqualTo("15");
    assertThat(PropertyPath.resolve(second, "properties.version").asText()).isEqualTo("16");
    assertThat(PropertyPath.resolve(read("{}"), "properties.version").isMissingNode()).isTrue();
  }

  @Test
  void anIndexPastAnIntFailsAsItAlwaysDidWhereItIsReached() throws Exception {
    JsonNode root = read("{'a': [1]}");
    assertThatThrownBy(() -> PropertyPath.resolve(root, "a[99999999999]")).isInstanceOf(NumberFormatException.class);
    assertThat(PropertyPath.resolve(root, "b[99999999999]").isMissingNode()).isTrue();
  }
}
