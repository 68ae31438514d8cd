package dev.plumbline.cli;

import static dev.plumbline.cli.CliRun.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  @Test
  void compliantExamplePrintsTheTableAndExitsZero() {
    CliRun run = CliRun.of("audit", example("compliant.json").toString());
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).startsWith("STATUS  SEVERITY  RULE ")
        .contains("PASS    HIGH      PCHA-PG-02   psql-connect")
        // The only non-PASS is the INFO zone what-if, which reports the single-zone NetApp volume.
        .containsPattern("\\d+ PASS, 1 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR; 16 resources from 1 input; 0 gaps")
        .contains("FAIL    INFO      PCHA-HA-02");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void postgres15ExitsOneAndTheJsonReportShowsTheEvidence() throws Exception {
    Path report = temp.resolve("report.json");
    CliRun run = CliRun.of("audit", example("violations/postgres-15.json").toString(), "--format", "json", "-o", report.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode finding = finding(JSON.readTree(report.toFile()), "PCHA-PG-02");
    assertThat(finding.path("status").asText()).isEqualTo("FAIL");
    assertThat(finding.path("evidence")).hasSize(1);
    assertThat(finding.path("evidence").get(0).path("path").asText()).isEqualTo("properties.version");
    assertThat(finding.path("evidence").get(0).path("expected").asText()).isEqualTo("16");
    assertThat(finding.path("evidence").get(0).path("actual").asText()).isEqualTo("15");
    // The table still goes to the terminal when the report goes to a file.
    assertThat(run.out()).contains("FAIL    HIGH      PCHA-PG-02");
  }

  @Test
  void removedStorageIsUnknownNeverPass() throws Exception {
    Path report = temp.resolve("report.json");
    CliRun run = CliRun.of("audit", example("violations/postgres-storage-missing.json").toString(),
        "--format", "json", "-o", report.toString());
    JsonNode finding = finding(JSON.readTree(report.toFile()), "PCHA-PG-03");
    assertThat(finding.path("status").asText()).isEqualTo("UNKNOWN");
    assertThat(finding.path("evidence").get(0).path("actual").isNull()).isTrue();
    assertThat(run.exitCode()).as("UNKNOWN fails the run by default").isEqualTo(1);
    assertThat(CliRun.of("audit", example("violations/postgres-storage-missing.json").toString(), "--unknown", "warn").exitCode())
        .isEqualTo(0);
  }

  @Test
  void failOnChoosesTheSeverityThatFailsTheRun() {
    String input = example("violations/postgres-15.json").toString();
    assertThat(CliRun.of("audit", input, "--fail-on", "high").exitCode()).isEqualTo(1);
    assertThat(CliRun.of("audit", input, "--fail-on", "never").exitCode()).isEqualTo(0);
    assertThat(CliRun.of("audit", input, "--fail-on", "medium").exitCode()).isEqualTo(1);
  }

  @Test
  void theJsonReportHasTheDocumentedShape() throws Exception {
    Path report = temp.resolve("r.json");
    CliRun.of("audit", example("compliant.json").toString(), "--format", "json", "-o", report.toString());
    JsonNode json = JSON.readTree(report.toFile());
    assertThat(fieldNames(json)).containsExactly(
        "plumblineReport", "tool", "generatedAt", "capturedAt", "inputs", "packs", "summary", "findings", "notes", "gaps");
    assertThat(json.path("plumblineReport").asInt()).isEqualTo(1);
    assertThat(json.path("tool").path("name").asText()).isEqualTo("Plumbline");
    assertThat(json.path("tool").path("version").asText()).isNotBlank().isNotEqualTo("unknown");
    assertThat(fieldNames(json.path("summary"))).containsExactly("PASS", "FAIL", "UNKNOWN", "NOT_APPLICABLE", "ERROR");
    assertThat(json.path("summary").path("PASS").asInt() + json.path("summary").path("FAIL").asInt())
        .isEqualTo(json.path("findings").size());
    for (JsonNode f : json.path("findings")) {
      if (!f.path("status").asText().equals("PASS")) {
        assertThat(f.path("severity").asText()).as(f.toString()).isEqualTo("INFO");
      }
    }
    assertThat(json.path("inputs").get(0).path("shape").asText()).isEqualTo("snapshot");
    assertThat(json.path("inputs").get(0).path("sha256").asText()).matches("[0-9a-f]{64}");
    JsonNode finding = finding(json, "PCHA-PG-02");
    assertThat(fieldNames(finding)).containsExactly(
        "ruleId", "ruleName", "severity", "status", "subject", "subjectType", "message", "evidence", "location");
    assertThat(finding.path("location").path("file").asText()).endsWith("compliant.json");
    assertThat(finding.path("location").path("line").asInt()).isPositive();
    assertThat(finding.path("subject").asText()).endsWith("/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-connect");
  }

  @Test
  void theSameInputGivesTheSameBytes() throws Exception {
    Path first = temp.resolve("a.json");
    Path second = temp.resolve("b.json");
    CliRun.of("audit", example("compliant.json").toString(), "--format", "json", "-o", first.toString(),
        "--timestamp", "2026-11-01T10:00:00+01:00");
    CliRun.of("audit", example("compliant.json").toString(), "--format", "json", "-o", second.toString(),
        "--timestamp", "2026-11-01T09:00:00Z");
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    assertThat(JSON.readTree(first.toFile()).path("generatedAt").asText()).isEqualTo("2026-11-01T09:00:00Z");
  }

  @Test
  void sourceDateEpochPinsTheTimeAndABadTimestampIsAUsageError() throws Exception {
    AuditCommand command = new AuditCommand();
    command.environment = name -> name.equals("SOURCE_DATE_EPOCH") ? "1700000000" : null;
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine line = new picocli.CommandLine(command);
    line.setOut(new java.io.PrintWriter(out));
    assertThat(line.execute(example("compliant.json").toString(), "--format", "json")).isEqualTo(0);
    assertThat(JSON.readTree(out.toString()).path("generatedAt").asText()).isEqualTo("2023-11-14T22:13:20Z");
    CliRun bad = CliRun.of("audit", example("compliant.json").toString(), "--timestamp", "yesterday");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("invalid --timestamp 'yesterday'");
  }

  @Test
  void reportsAreReadableByOthersAndKeepTheModeOfTheReportTheyReplace() throws Exception {
    Path report = temp.resolve("shared.json");
    assertThat(CliRun.of("audit", example("compliant.json").toString(), "--format", "json", "-o", report.toString()).exitCode())
        .isEqualTo(0);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r--r--");
    Files.setPosixFilePermissions(report, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    CliRun.of("audit", example("compliant.json").toString(), "--format", "json", "-o", report.toString());
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-rw----");
  }

  @Test
  void severalFormatsGoToADirectory() {
    Path dir = temp.resolve("out");
    CliRun run = CliRun.of("audit", example("compliant.json").toString(), "--format", "text,json", "-o", dir.toString(), "-q");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(dir.resolve("plumbline.json")).isRegularFile();
    assertThat(dir.resolve("plumbline.txt")).isRegularFile().content().startsWith("STATUS");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void oneFileFormatWithoutOutputGoesToStandardOutputAndUnknownFormatsAreUsageErrors() throws Exception {
    CliRun run = CliRun.of("audit", example("compliant.json").toString(), "--format", "json,json,text");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(JSON.readTree(run.out()).path("plumblineReport").asInt()).isEqualTo(1);
    CliRun unknown = CliRun.of("audit", example("compliant.json").toString(), "--format", "pdf");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown format 'pdf': expected one of text, json");
  }

  @Test
  void neverWritesOverAnInputOrAForeignFile() throws Exception {
    Path input = temp.resolve("input.json");
    Files.copy(example("compliant.json"), input);
    byte[] before = Files.readAllBytes(input);
    CliRun overInput = CliRun.of("audit", input.toString(), "--format", "json", "-o", input.toString());
    assertThat(overInput.exitCode()).isEqualTo(2);
    assertThat(overInput.err()).contains("refusing to write the json report over the input");
    assertThat(Files.readAllBytes(input)).isEqualTo(before);

    Path notes = temp.resolve("notes.json");
    Files.writeString(notes, "{\"mine\": true}");
    CliRun foreign = CliRun.of("audit", input.toString(), "--format", "json", "-o", notes.toString());
    assertThat(foreign.exitCode()).isEqualTo(2);
    assertThat(foreign.err()).contains("refusing to overwrite").contains("--force");
    assertThat(notes).content().isEqualTo("{\"mine\": true}");
    assertThat(CliRun.of("audit", input.toString(), "--format", "json", "-o", notes.toString(), "--force").exitCode()).isEqualTo(0);
    assertThat(notes).content().contains("\"plumblineReport\"");
    // A previous report is replaced without asking.
    assertThat(CliRun.of("audit", input.toString(), "--format", "json", "-o", notes.toString()).exitCode()).isEqualTo(0);
  }

  @Test
  void badParametersAndOptionsAreUsageErrors() {
    String input = example("compliant.json").toString();
    CliRun unknownRule = CliRun.of("audit", input, "--param", "NOPE-01.x=1");
    assertThat(unknownRule.exitCode()).isEqualTo(2);
    assertThat(unknownRule.err()).contains("unknown rule or pack 'NOPE-01'");
    CliRun badValue = CliRun.of("audit", input, "--param", "PCHA-PG-03.minStorageGb=big");
    assertThat(badValue.exitCode()).isEqualTo(2);
    assertThat(badValue.err()).contains("PCHA-PG-03.minStorageGb: expected a whole number, got 'big'");
    assertThat(CliRun.of("audit", input, "--fail-on", "critical").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("audit", input, "--unknown", "maybe").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("audit").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("audit", input, "--no-such-option").exitCode()).isEqualTo(2);
  }

  @Test
  void aParameterChangesTheOutcome() {
    CliRun run = CliRun.of("audit", example("compliant.json").toString(), "--param", "PCHA-PG-03.minStorageGb=256");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL    HIGH      PCHA-PG-03");
  }

  static JsonNode finding(JsonNode report, String ruleId) {
    for (JsonNode finding : report.path("findings")) {
      if (finding.path("ruleId").asText().equals(ruleId)) {
        return finding;
      }
    }
    throw new AssertionError("no finding for " + ruleId + " in " + report);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static ObjectNode read(Path file) throws Exception {
    return (ObjectNode) JSON.readTree(file.toFile());
  }
}
