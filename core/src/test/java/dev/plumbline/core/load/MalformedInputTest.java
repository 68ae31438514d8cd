package dev.plumbline.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs the loader must refuse, each with a one-line message {@code file:line:column: problem} that
 * points at the offending value. The multi-line inputs sit in {@code src/test/resources/inputs/malformed}.
 */
class MalformedInputTest {

  private static final String EXPECTED_SHAPES = "expected a JSON array of ARM resources, an ARM list {\"value\": [...]},"
      + " a Resource Graph result {\"data\": [...]}, an ARM template export {\"$schema\", \"resources\": [...]},"
      + " a single ARM resource {\"id\", \"type\", ...} or a Plumbline snapshot {\"plumblineSnapshot\": 1, ...}";

  @TempDir Path temp;

  // ---------------------------------------------------------------- not JSON, or cut short

  @Test
  void truncatedFileIsRejectedWhereItEndsNamingTheObjectLeftOpen() throws Exception {
    Path compliant = Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json");
    List<String> lines = Files.readAllLines(compliant);
    // Cut just after vm-connect-1's size, leaving its hardwareProfile object open.
    int vmSize = indexOfFirst(lines, "\"vmSize\"");
    int hardwareProfile = vmSize - 1;
    assertThat(lines.get(hardwareProfile)).contains("\"hardwareProfile\": {");
    Path truncated = temp.resolve("truncated.json");
    Files.writeString(truncated, String.join("\n", lines.subList(0, vmSize + 1)));
    int lastLine = vmSize + 1;
    int endColumn = lines.get(vmSize).length() + 1;

    InputException e = rejected(truncated);

    assertThat(e.getMessage()).startsWith(truncated + ":" + lastLine + ":" + endColumn + ": ");
    assertThat(e.problem()).isEqualTo("unexpected end of file: the JSON is truncated; expected '}' to close the object opened at line "
        + (hardwareProfile + 1) + ", column " + (lines.get(hardwareProfile).indexOf('{') + 1));
    assertThat(e.line()).isEqualTo(lastLine);
    assertThat(e.column()).isEqualTo(endColumn);
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @Test
  void malformedJsonIsRejectedAtTheBadToken() throws Exception {
    Path file = temp.resolve("bad.json");
    Files.writeString(file, "[\n  {\"id\": \"/subscriptions/s\",\n   \"type\" \"Microsoft.Network/virtualNetworks\"}\n]\n");

    InputException e = rejected(file);

    assertThat(e.getMessage()).startsWith(file + ":3:11: malformed JSON: ");
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @Test
  void duplicateKeyInOneObjectIsRejectedAtTheSecondKey() throws Exception {
    Path file = input("duplicate-key.json");

    InputException e = rejected(file);

    assertThat(e.getMessage()).isEqualTo(file + ":6:15: duplicate key 'location' in one object; each key may appear once");
  }

  // ---------------------------------------------------------------- none of the shapes

  static Stream<Arguments> unknownShapes() {
    return Stream.of(
        Arguments.of("object-of-unknown-shape.json", EXPECTED_SHAPES + "; found an object with keys foo"),
        Arguments.of("number.json", EXPECTED_SHAPES + "; found the number 42"),
        Arguments.of("text.json", EXPECTED_SHAPES + "; found the string \"text\""),
        Arguments.of("empty.json", "the file is empty; " + EXPECTED_SHAPES),
        Arguments.of("blank.json", "the file is empty; " + EXPECTED_SHAPES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownShapes")
  void fileOfNoKnownShapeIsRejectedSayingWhatWasExpected(String name, String problem) throws Exception {
    Path file = input(name);

    InputException e = rejected(file);

    assertThat(e.getMessage()).isEqualTo(file + ":1:1: " + problem);
  }

  // ---------------------------------------------------------------- resources and containers of the wrong kind

  static Stream<Arguments> malformedResources() {
    return Stream.of(
        Arguments.of("resource-without-id.json", 7, 5,
            "the resource has no \"id\"; every resource needs a text \"id\" (resource named \"vm-connect-2\")"),
        Arguments.of("resource-without-type.json", 7, 3,
            "the resource has no \"type\" and its \"id\" does not name one; every resource needs a text \"type\""
                + " (resource named \"vm-connect-2\")"),
        Arguments.of("id-as-number.json", 4, 13, "expected \"id\" to be a non-empty string; found the number 12345"),
        Arguments.of("id-not-an-arm-id.json", 4, 9, "expected \"id\" to be an ARM resource id such as "
            + "/subscriptions/.../resourceGroups/.../providers/...; found the string \"vm-connect-1\""),
        Arguments.of("zones-as-string.json", 7, 16, "expected \"zones\" to be an array or null; found the string \"1\""),
        Arguments.of("properties-as-array.json", 8, 9, "expected \"properties\" to be an object or null; found an array"),
        Arguments.of("resource-not-an-object.json", 6, 3, "expected an ARM resource object; found the string \"/subscriptions/3f2a9c1e-5b7d-4e8a-9c6...\""),
        Arguments.of("resource-graph-data-not-rows.json", 4, 11,
            "expected \"data\" to be an array of rows or a table {\"columns\", \"rows\"}; found the string \"Resources | limit 1\""),
        Arguments.of("list-value-not-an-array.json", 2, 12, "expected \"value\" to be an array of ARM resources; found an object"),
        Arguments.of("template-resource-name-not-text.json", 8, 15,
            "expected the template resource to have a text \"name\"; found an array"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedResources")
  void malformedResourceIsRejectedAtTheOffendingValue(String name, int line, int column, String problem) throws Exception {
    Path file = input(name);

    InputException e = rejected(file);

    assertThat(e.getMessage()).isEqualTo(file + ":" + line + ":" + column + ": " + problem);
    assertThat(e.file()).isEqualTo(file.toString());
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }

  // ---------------------------------------------------------------- snapshots against their schema

  static Stream<Arguments> invalidSnapshots() {
    return Stream.of(
        Arguments.of("snapshot-version-2.json", 2, 24, "must be the constant value '1'"),
        Arguments.of("snapshot-resources-not-an-array.json", 4, 16, "object found, array expected"),
        Arguments.of("snapshot-unknown-gap-kind.json", 11, 15, "does not have a value in the enumeration [\"DANGLING_REFERENCE\","
            + " \"UNRESOLVED_MEMBER\", \"UNRESOLVED_EXPRESSION\", \"DUPLICATE_CONFLICT\", \"UNREAD\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSnapshots")
  void invalidSnapshotIsRejectedAtTheValueTheSchemaRefuses(String name, int line, int column, String problem) throws Exception {
    Path file = input(name);

    InputException e = rejected(file);

    assertThat(e.getMessage()).isEqualTo(file + ":" + line + ":" + column + ": not a valid Plumbline snapshot: " + problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "resource-without-id.json", "resource-without-type.json", "id-as-number.json", "zones-as-string.json",
      "properties-as-array.json", "snapshot-version-2.json", "snapshot-resources-not-an-array.json",
      "snapshot-unknown-gap-kind.json", "duplicate-key.json", "empty.json", "object-of-unknown-shape.json"})
  void everyMessageIsOneLine(String name) throws Exception {
    assertThat(rejected(input(name)).getMessage()).doesNotContain("\n").doesNotContain("\r");
  }

  // ---------------------------------------------------------------- files that are not there

  @Test
  void missingFileIsRejectedNamingTheFile() {
    Path missing = temp.resolve("no-such-topology.json");

    InputException e = rejected(missing);

    assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
    assertThat(e.file()).isEqualTo(missing.toString());
    assertThat(e.line()).isZero();
  }

  @Test
  void oneBadFileAmongSeveralRejectsTheLoadNamingThatFile() throws Exception {
    Path good = temp.resolve("good.json");
    Files.writeString(good, "[]");
    Path bad = input("zones-as-string.json");

    InputException e = catchThrowableOfType(InputException.class, () -> new TopologyLoader().load(List.of(good, bad)));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith(bad + ":7:16: ");
  }

  // ---------------------------------------------------------------- helpers

  private static InputException rejected(Path file) {
    InputException e = catchThrowableOfType(InputException.class, () -> new TopologyLoader().load(file));
    assertThat(e).as("loading %s throws an InputException", file).isNotNull();
    return e;
  }

  private static Path input(String name) throws URISyntaxException {
    return Path.of(MalformedInputTest.class.getResource("/inputs/malformed/" + name).toURI());
  }

  private static int indexOfFirst(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not found");
  }
}
