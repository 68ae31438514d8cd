package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure SDK costs seconds to load, so an offline audit must never load it; a live one does.
 * Each case runs the command line in its own JVM and lists the classes it loaded.
 */
class OfflineStartupTest {

  @TempDir
  Path dir;

  private List<String> azureClassesLoaded(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-verbose:class", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Main.class.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve("classes-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    process.waitFor();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains("[class,load] com.azure.")).toList();
  }

  @Test
  void anOfflineAuditLoadsNoAzureSdkClassButALiveOneDoes() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "not-a-real-token");

    List<String> offline = azureClassesLoaded("audit", CliRun.example("compliant.json").toString(), "-q");
    List<String> live = azureClassesLoaded("audit", "--subscription", "00000000-0000-0000-0000-000000000000",
        "--arm-endpoint", "http://127.0.0.1:9/", "--access-token-file", token.toString(), "--retries", "0", "--timeout", "1");

    assertThat(offline).isEmpty();
    assertThat(live).isNotEmpty();
  }
}
