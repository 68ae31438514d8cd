package dev.plumbline.cli;

import static dev.plumbline.cli.CliRun.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class JunitMarkdownCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIMESTAMP = "2026-11-01T00:00:00Z";

  @TempDir
  Path temp;

  @Test
  void aViolationGivesJunitAndMarkdownWhoseCountsAreTheJsonSummary() throws Exception {
    Path out = temp.resolve("reports");
    CliRun run = audit(example("violations/postgres-15.json"), out);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(out.resolve("plumbline.xml")).exists();
    assertThat(out.resolve("plumbline.md")).exists();
    assertCountsMatch(out, run.exitCode());

    String markdown = Files.readString(out.resolve("plumbline.md"));
    assertThat(markdown).startsWith("<!-- plumbline report -->\n")
        .contains("**Verdict: \u274C FAILED** (exit code 1, fail on: high).")
        .contains("**PCHA-PG-02** Connect.Database.Version")
        .contains("| \u274C FAIL | psql-connect | ")
        .contains("properties.version: 16 \u2192 15")
        .contains("- Generated: " + TIMESTAMP + "\n")
        .contains("- Full reports: plumbline.xml, plumbline.json\n");
    Element failing = testcase(out.resolve("plumbline.xml"), "Connect.Database.Version [psql-connect]");
    assertThat(failing.getAttribute("classname")).isEqualTo("posit-connect-ha.PCHA-PG-02");
    Element failure = (Element) failing.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("HIGH");
    assertThat(failure.getTextContent()).contains("properties.version: expected 16, actual 15")
        .contains("location: " + example("violations/postgres-15.json") + ":");
  }

  @Test
  void repeatRunsAreByteIdenticalAndReplaceTheirOwnReports() throws Exception {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    Path input = example("violations/postgres-storage-missing.json");
    audit(input, first);
    Map<String, byte[]> before = files(first);
    audit(input, first);
    audit(input, second);
    assertThat(before.keySet()).containsExactly("plumbline.json", "plumbline.md", "plumbline.xml");
    for (Map.Entry<String, byte[]> file : before.entrySet()) {
      assertThat(Files.readAllBytes(first.resolve(file.getKey()))).as("rerun " + file.getKey()).isEqualTo(file.getValue());
      assertThat(Files.readAllBytes(second.resolve(file.getKey()))).as("other dir " + file.getKey()).isEqualTo(file.getValue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleGivesCountsThatMatchTheJson(String name) throws Exception {
    Path out = temp.resolve("out");
    CliRun run = audit(example(name), out);
    assertThat(run.exitCode()).isIn(0, 1);
    assertCountsMatch(out, run.exitCode());
  }

  static Stream<String> examples() throws IOException {
    Path root = example("");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(path -> path.toString().endsWith(".json"))
          .map(path -> root.relativize(path).toString().replace('\\', '/')).sorted().toList().stream();
    }
  }

  private static CliRun audit(Path input, Path out) {
    return CliRun.of("audit", input.toString(), "--format", "junit,markdown,json", "-o", out.toString(),
        "--timestamp", TIMESTAMP, "--quiet");
  }

  /** The JUnit totals and the Markdown table say what the JSON summary says. */
  private static void assertCountsMatch(Path out, int exitCode) throws Exception {
    JsonNode summary = JSON.readTree(out.resolve("plumbline.json").toFile()).path("summary");
    int pass = summary.path("PASS").asInt();
    int fail = summary.path("FAIL").asInt();
    int unknown = summary.path("UNKNOWN").asInt();
    int notApplicable = summary.path("NOT_APPLICABLE").asInt();
    int error = summary.path("ERROR").asInt();

    Element root = parse(out.resolve("plumbline.xml")).getDocumentElement();
    assertThat(root.getAttribute("name")).isEqualTo("plumbline");
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(pass + fail + unknown + notApplicable + error));
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(fail + unknown));
    assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(error));
    assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(notApplicable));
    assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(pass + fail + unknown + notApplicable + error);

    String markdown = Files.readString(out.resolve("plumbline.md"), StandardCharsets.UTF_8);
    assertThat(Files.size(out.resolve("plumbline.md"))).isLessThan(1_000_000);
    assertThat(total(markdown, "\u2705 PASS")).isEqualTo(pass);
    assertThat(total(markdown, "\u274C FAIL")).isEqualTo(fail);
    assertThat(total(markdown, "\u2754 UNKNOWN")).isEqualTo(unknown);
    assertThat(total(markdown, "\u2796 NOT\\_APPLICABLE")).isEqualTo(notApplicable);
    assertThat(total(markdown, "\u26A0\uFE0F ERROR")).isEqualTo(error);
    assertThat(markdown).contains(exitCode == 0 ? "**Verdict: \u2705 PASSED** (exit code 0" : "**Verdict: \u274C FAILED** (exit code 1");
  }

  /** The Total column of a status's row in the counts table. */
  private static int total(String markdown, String label) {
    String row = markdown.lines().filter(line -> line.startsWith("| " + label + " | ") && line.matches("[^a-z]*\\| \\d+ \\|$"))
        .findFirst().orElseThrow(() -> new AssertionError("no counts row for " + label));
    String[] cells = row.split("\\|");
    return Integer.parseInt(cells[cells.length - 1].trim());
  }

  private static Element testcase(Path xml, String name) throws Exception {
    var cases = parse(xml).getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (testcase.getAttribute("name").equals(name)) {
        return testcase;
      }
      names.add(testcase.getAttribute("name"));
    }
    throw new AssertionError("no test case " + name + " among " + names);
  }

  private static org.w3c.dom.Document parse(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(xml.toFile());
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(path -> {
        try {
          files.put(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return files;
  }
}
