package dev.plumbline.cli;

import static dev.plumbline.cli.CliRun.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example topology's SARIF, written by the command line: valid against the SARIF 2.1.0 schema,
 * free of errors under Microsoft's SARIF Multitool with the GitHub rules, and the same bytes every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SarifCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TIMESTAMP = "2026-11-01T00:00:00Z";

  /** Markup, quotes, C0 controls, separators and a right-to-left override, for names, tags and values. */
  private static final String HOSTILE = "<script>alert(\"x\")</script>'\u0000\u0001\u001B\u001F\u007F\u0085"
      + " a\u2028b\u2029c \u202Egnp.exe\u200B";

  /** One directory for the whole class: the examples are audited once, then checked by each test. */
  private Path temp;

  /** Each SARIF file written, by a label naming its input and options. */
  private final Map<String, Path> written = new LinkedHashMap<>();

  /** The second run of each input, for the byte comparison. */
  private final Map<String, Path> rewritten = new LinkedHashMap<>();

  @BeforeAll
  void writeEveryExample(@TempDir Path directory) throws IOException {
    temp = directory;
    List<Path> inputs = new ArrayList<>();
    inputs.add(example("compliant.json"));
    try (Stream<Path> violations = Files.list(example("violations"))) {
      violations.filter(path -> path.toString().endsWith(".json")).sorted().forEach(inputs::add);
    }
    assertThat(inputs).hasSizeGreaterThan(20);
    for (Path input : inputs) {
      String name = input.getFileName().toString().replace(".json", "");
      written.put(name, audit(input, name + ".sarif"));
      rewritten.put(name, audit(input, name + ".again.sarif"));
    }
    // A relative input path (so the SRCROOT base), passes included and a category.
    Path relative = Path.of("").toAbsolutePath().relativize(example("compliant.json").toAbsolutePath());
    String[] options = {"--sarif-include-passing", "--sarif-category", "posit/ha"};
    written.put("compliant+passing", audit(relative, "compliant-passing.sarif", options));
    rewritten.put("compliant+passing", audit(relative, "compliant-passing.again.sarif", options));
    Path hostile = hostileTopology();
    written.put("hostile", audit(hostile, "hostile.sarif", options));
    rewritten.put("hostile", audit(hostile, "hostile.again.sarif", options));
  }

  private Path audit(Path input, String fileName, String... options) {
    Path output = temp.resolve(fileName);
    List<String> args = new ArrayList<>(List.of("audit", input.toString(), "--format", "sarif", "-o", output.toString(),
        "--timestamp", TIMESTAMP, "--quiet"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code of %s: %s", input, run.err()).isIn(ExitCodes.CLEAN, ExitCodes.FINDINGS);
    assertThat(output).exists();
    return output;
  }

  /**
   * The compliant example with hostile tags and property values on every resource and one more,
   * hostile-named node VM, so the real rules echo hostile text into messages and evidence.
   */
  private Path hostileTopology() throws IOException {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(example("compliant.json").toFile());
    ObjectNode template = null;
    for (JsonNode resource : snapshot.path("resources")) {
      ((ObjectNode) resource).putObject("tags").put("owner", HOSTILE).put(HOSTILE, HOSTILE).put("role",
          resource.path("tags").path("role").asText(""));
      if (template == null && resource.path("type").asText().equals("Microsoft.Compute/virtualMachines")) {
        template = (ObjectNode) resource;
      }
    }
    assertThat(template).isNotNull();
    ObjectNode extra = template.deepCopy();
    String name = "vm-" + HOSTILE.replace("/", "");
    String id = template.path("id").asText();
    extra.put("id", id.substring(0, id.lastIndexOf('/') + 1) + name);
    extra.put("name", name);
    extra.withObject("/tags").put("role", "posit-connect");
    ((com.fasterxml.jackson.databind.node.ArrayNode) snapshot.withArray("resources")).add(extra);
    Path file = temp.resolve("hostile \u202E topology.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void everySarifIsValidAgainstTheSchema() throws IOException {
    Schema schema;
    Path schemaFile = Path.of(System.getProperty("plumbline.shared"), "schemas", "sarif-schema-2.1.0.json");
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"kind\": \"bogus\"}]}]}")))
        .as("the validator catches a broken log").isNotEmpty();
    Map<String, List<String>> errors = new TreeMap<>();
    for (Map.Entry<String, Path> sarif : written.entrySet()) {
      List<Error> found = schema.validate(JSON.readTree(sarif.getValue().toFile()));
      if (!found.isEmpty()) {
        errors.put(sarif.getKey(), found.stream().map(Error::toString).toList());
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void twoRunsGiveTheSameBytes() throws IOException {
    for (Map.Entry<String, Path> sarif : written.entrySet()) {
      assertThat(Files.readAllBytes(rewritten.get(sarif.getKey())))
          .as(sarif.getKey()).isEqualTo(Files.readAllBytes(sarif.getValue()));
    }
  }

  @Test
  void theOptionsAndTheFindingsReachTheLog() throws IOException {
    JsonNode postgres = JSON.readTree(written.get("postgres-15").toFile()).path("runs").get(0);
    JsonNode version = null;
    for (JsonNode result : postgres.path("results")) {
      if (result.path("ruleId").asText().equals("PCHA-PG-02")) {
        version = result;
      }
    }
    assertThat(version).isNotNull();
    assertThat(version.path("kind").asText()).isEqualTo("fail");
    assertThat(version.path("level").asText()).isEqualTo("error");
    assertThat(version.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
        .startsWith("file:///").endsWith("/examples/posit-connect-ha/violations/postgres-15.json");
    assertThat(version.path("properties").path("evidence").get(0).path("actual").asText()).isEqualTo("15");
    assertThat(postgres.path("invocations").get(0).path("exitCode").asInt()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(postgres.path("invocations").get(0).path("endTimeUtc").asText()).isEqualTo(TIMESTAMP);
    assertThat(postgres.path("tool").path("driver").path("rules").size()).isGreaterThan(20);
    for (JsonNode result : postgres.path("results")) {
      assertThat(result.path("kind").asText()).isNotEqualTo("pass");
    }

    JsonNode passing = JSON.readTree(written.get("compliant+passing").toFile()).path("runs").get(0);
    assertThat(passing.path("automationDetails").path("id").asText()).isEqualTo("posit/ha/");
    assertThat(passing.path("results").findValuesAsText("kind")).contains("pass");
    assertThat(passing.path("results").get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation")
        .path("uriBaseId").asText()).isEqualTo("SRCROOT");

    // The hostile node's name reaches the log as data, and no raw control or override character does.
    String hostileText = Files.readString(written.get("hostile"));
    JsonNode hostile = JSON.readTree(hostileText).path("runs").get(0);
    assertThat(hostile.path("results").findValuesAsText("name")).contains("vm-" + HOSTILE.replace("/", ""));
    assertThat(hostileText).doesNotContain("\u202E", "\u2028", "\u0000", "\u001B").contains("\\u202E");
  }

  @Test
  void theMultitoolFindsNoErrorsWithTheGitHubRules() throws Exception {
    Path tool = Path.of(System.getProperty("plumbline.root"), ".tools", "node_modules", "@microsoft", "sarif-multitool-linux",
        "Sarif.Multitool");
    if (!Files.isExecutable(tool)) {
      if ("true".equals(System.getenv("PLUMBLINE_REQUIRE_TOOLS"))) {
        fail("the SARIF Multitool is required but missing at " + tool + " (.ci/run installs it)");
      }
      assumeTrue(false, "the SARIF Multitool is not installed at " + tool);
    }
    Path findings = temp.resolve("multitool.sarif");
    // SARIF2006 (a note) fetches every helpUri over HTTP: a test makes no network calls, and it costs seconds a file.
    Path configuration = temp.resolve("multitool.config.xml");
    Files.writeString(configuration, """
        <?xml version="1.0" encoding="utf-8"?>
        <Properties>
          <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
            <Property Key="RuleEnabled" Value="Disabled" />
          </Properties>
        </Properties>
        """);
    List<String> command = new ArrayList<>(List.of(tool.toString(), "validate", "--rule-kind", "Sarif;Ghas",
        "--config", configuration.toString(), "--level", "Error;Warning;Note",
        "--threads", String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())),
        "--log", "ForceOverwrite", "--output", findings.toString()));
    // One invocation for every file: the tool costs a second or more to start.
    written.values().forEach(path -> command.add(path.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve("multitool.txt").toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the Multitool finished").isTrue();
    String console = Files.readString(temp.resolve("multitool.txt"));
    // Exit 0 means the analysis ran; findings, even errors, are in the log, not in the exit code.
    assertThat(process.exitValue()).as(console).isZero();

    JsonNode run = JSON.readTree(findings.toFile()).path("runs").get(0);
    assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).as(console).isTrue();
    JsonNode rules = run.path("tool").path("driver").path("rules");
    List<String> errors = new ArrayList<>();
    Map<String, Integer> others = new TreeMap<>();
    for (JsonNode result : run.path("results")) {
      String level = level(result, rules);
      String rule = result.path("ruleId").asText();
      if (level.equals("error")) {
        errors.add(rule + " " + result.path("locations").findValuesAsText("uri") + " " + result.path("message"));
      } else {
        others.merge(level + " " + rule, 1, Integer::sum);
      }
    }
    System.out.println("SARIF Multitool over " + written.size() + " files: " + errors.size() + " errors; below error: " + others);
    assertThat(errors).as(console).isEmpty();
    // Below error only notes remain (see the README): rule names with dots (SARIF2012), ids with hyphens (SARIF2009),
    // no message arguments (SARIF2002), snippets (SARIF2010, SARIF2011), version control (SARIF2003), embedded
    // files (SARIF2013), and absolute file URIs where the inputs were named by absolute paths (SARIF2016).
    assertThat(others.keySet()).as("warnings and notes").allMatch(key -> key.startsWith("note "));
  }

  /** A result's level: its own, else its rule's default, else SARIF's default, warning. */
  private static String level(JsonNode result, JsonNode rules) {
    if (result.hasNonNull("level")) {
      return result.path("level").asText();
    }
    JsonNode rule = rules.path(result.path("ruleIndex").asInt(-1));
    return rule.path("defaultConfiguration").path("level").asText("warning");
  }
}
