package dev.plumbline.cli;

import static dev.plumbline.cli.CliRun.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PLUMBLINE_TIMINGS=1 prints the phases the benchmark reads; without it, nothing. */
class PhaseTimingsTest {

  private static final Pattern TIMING = Pattern.compile("(?m)^plumbline-timing (\\S+) (\\d+)$");

  @TempDir
  Path directory;

  @Test
  void everyPhaseIsTimedAndAStreamedLoadIsSplitIntoParseAndModel() throws Exception {
    Path resources = directory.resolve("resources.json");
    ObjectMapper json = new ObjectMapper();
    json.writeValue(resources.toFile(), json.readTree(example("compliant.json").toFile()).get("resources"));

    CliRun run = CliRun.withEnvironment(Map.of("PLUMBLINE_TIMINGS", "1"), "audit", resources.toString(),
        "--format", "json,sarif", "-o", directory.resolve("out").toString(), "--fail-on", "never", "-q");

    assertThat(run.exitCode()).isZero();
    Map<String, Long> timings = new LinkedHashMap<>();
    Matcher line = TIMING.matcher(run.err());
    while (line.find()) {
      timings.put(line.group(1), Long.parseLong(line.group(2)));
    }
    assertThat(timings).containsKeys("floor", "load", "load:parse", "load:model", "relations",
        "pack:posit-connect-ha", "report:json", "report:sarif", "total");
    // Each is printed in whole milliseconds, rounded down.
    assertThat(timings.get("load:parse") + timings.get("load:model")).isBetween(timings.get("load") - 1, timings.get("load"));
    assertThat(run.err()).containsPattern("(?m)^plumbline-memory peak-rss-kb \\d+$");
  }

  @Test
  void withoutTheVariableNothingIsTimed() throws Exception {
    CliRun run = CliRun.withEnvironment(Map.of(), "audit", example("compliant.json").toString(),
        "--format", "json", "-o", directory.resolve("out").toString(), "--fail-on", "never", "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("plumbline-timing");
  }
}
