package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 3 with one line naming file, line and column, and no stack trace. */
class MalformedInputCliTest {

  @TempDir
  Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      truncated         | [{"id": "/subscriptions/s/resourceGroups/r/providers/A.B/c/d",\\n  "type": "A.B/c",\\n  "properties": {  | :3:18: unexpected end of file
      wrong shape       | {\\n  "foo": 1\\n}                                                                                        | :1:1: expected a JSON array of ARM resources
      missing id        | [\\n  {"type": "Microsoft.Network/virtualNetworks", "name": "v"}\\n]                                    | :2:3: the resource has no "id"
      missing type      | [\\n  {"id": "/subscriptions/s/resourceGroups/r/providers/A.B"}\\n]                                     | :2:3: the resource has no "type" and its "id" does not name one
      id is a number    | [\\n  {\\n    "id": 42,\\n    "type": "A.B/c"\\n  }\\n]                                               | :3:11: expected "id" to be a non-empty string; found the number 42
      zones is text     | [{"id": "/subscriptions/s/resourceGroups/r/providers/A.B/c/d", "type": "A.B/c",\\n "zones": "1"}]      | :2:11: expected "zones" to be an array or null; found the string "1"
      not JSON          | resources: none                                                                                       | :1:1: malformed JSON
      """)
  void exitsThreeWithFileLineAndColumn(String name, String content, String expected) throws Exception {
    Path file = temp.resolve(name.replace(' ', '-') + ".json");
    Files.writeString(file, content.replace("\\n", "\n"));
    CliRun run = CliRun.of("audit", file.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("plumbline: " + file + expected);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingFileExitsThree() {
    CliRun run = CliRun.of("audit", temp.resolve("absent.json").toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("plumbline: " + temp.resolve("absent.json") + ": no such file" + System.lineSeparator());
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path file = temp.resolve("bad.json");
    Files.writeString(file, "[{\"type\": \"A.B/c\"}]");
    CliRun run = CliRun.of("audit", file.toString(), "--verbose");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("\tat ");
  }
}
