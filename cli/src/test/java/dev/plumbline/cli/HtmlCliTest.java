package dev.plumbline.cli;

import static dev.plumbline.cli.CliRun.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML report as the command line writes it, with the real rule pack and its doc pages. */
class HtmlCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIME = "2026-11-01T00:00:00Z";
  private static final Pattern COUNT = Pattern.compile("<td class=\"total\" data-status=\"([A-Z_]+)\" data-count=\"(\\d+)\">");

  @TempDir
  Path temp;

  static Stream<String> examples() throws IOException {
    List<String> names = new ArrayList<>();
    names.add("compliant.json");
    try (Stream<Path> files = Files.list(example("violations"))) {
      files.map(p -> "violations/" + p.getFileName()).sorted().forEach(names::add);
    }
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleGivesTheSameHtmlTwiceWithTheJsonsCounts(String name) throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    CliRun run = CliRun.of("audit", example(name).toString(), "--format", "html,json", "-o", first.toString(), "--timestamp", TIME, "-q");
    CliRun again = CliRun.of("audit", example(name).toString(), "--format", "html,json", "-o", second.toString(), "--timestamp", TIME, "-q");
    assertThat(run.err()).isEmpty();
    assertThat(again.exitCode()).isEqualTo(run.exitCode());
    byte[] html = Files.readAllBytes(first.resolve("plumbline.html"));
    assertThat(Files.readAllBytes(second.resolve("plumbline.html"))).isEqualTo(html);

    String page = Files.readString(first.resolve("plumbline.html"));
    JsonNode summary = JSON.readTree(first.resolve("plumbline.json").toFile()).get("summary");
    Matcher m = COUNT.matcher(page);
    int statuses = 0;
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(2))).as(name + " " + m.group(1)).isEqualTo(summary.get(m.group(1)).asInt());
      statuses++;
    }
    assertThat(statuses).isEqualTo(5);
    assertThat(page).contains("Exit code " + run.exitCode() + ":").contains("Generated</dt><dd>" + TIME)
        .contains("Same run</dt><dd>plumbline.json").contains("<h4>Why</h4>").contains("<summary>How to fix</summary>")
        .contains("<svg ");
  }

  @Test
  void aReportFromAnEarlierRunIsReplacedWithoutForce() throws IOException {
    Path report = temp.resolve("audit.html");
    assertThat(CliRun.of("audit", example("compliant.json").toString(), "--format", "html", "-o", report.toString(), "-q").err())
        .isEmpty();
    CliRun again = CliRun.of("audit", example("violations/postgres-15.json").toString(), "--format", "html", "-o", report.toString(), "-q");
    assertThat(again.err()).isEmpty();
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(Files.readString(report)).contains("Does not conform: ").contains("PCHA-PG-02");

    Path foreign = temp.resolve("notes.html");
    Files.writeString(foreign, "<!DOCTYPE html><html><head><title>My notes</title></head></html>");
    CliRun refused = CliRun.of("audit", example("compliant.json").toString(), "--format", "html", "-o", foreign.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("refusing to overwrite");
  }

  @Test
  void writesTheSampleReportIntoTheBuildOutput() throws IOException {
    // The same report the reviewer looks at: every format of one run, kept under target/ (never committed).
    Path dir = Path.of("target", "html-report");
    CliRun run = CliRun.of("audit", example("violations/node-single-zone.json").toString(), "--format", "html,json,sarif",
        "-o", dir.toString(), "--timestamp", TIME, "-q", "--force");
    assertThat(run.err()).isEmpty();
    assertThat(dir.resolve("plumbline.html")).isNotEmptyFile();
  }
}
