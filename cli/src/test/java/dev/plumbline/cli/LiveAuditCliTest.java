package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.live.FakeArm;
import dev.plumbline.core.live.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline audit} and {@code snapshot} against a local HTTPS stand-in for ARM, through the real SDK. */
class LiveAuditCliTest {

  private static final String SUBSCRIPTION = ReferenceDeployment.SUBSCRIPTION;
  private static final String TOKEN = ReferenceDeployment.TOKEN;
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeArm arm;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    arm = FakeArm.start(true);
  }

  @AfterEach
  void stop() {
    arm.close();
  }

  private String[] live(String... more) throws Exception {
    Path token = dir.resolve("token");
    if (!Files.exists(token)) {
      Files.writeString(token, TOKEN + "\n");
    }
    List<String> args = new ArrayList<>(List.of("--subscription", SUBSCRIPTION, "--arm-endpoint", arm.baseUrl(),
        "--access-token-file", token.toString(), "--ca-file", arm.certificatePem().toString(),
        "--timeout", "2", "--retries", "1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String[] join(String first, String[] rest) {
    return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
  }

  @Test
  void aLiveAuditOfTheReferenceDeploymentPassesInThreeRequestsAndMatchesItsSnapshot() throws Exception {
    arm.serve(ReferenceDeployment.reference());
    Path snapshot = dir.resolve("topology.json");

    CliRun live = CliRun.of(join("audit", live("--format", "json", "-o", dir.resolve("live.json").toString(),
        "--save-snapshot", snapshot.toString(), "--timestamp", "2026-11-27T00:00:00Z", "--unknown", "warn")));
    // A live scope holds no Connect node facts, so the node-fact rules are UNKNOWN: warned about here, not failed.
    CliRun offline = CliRun.of("audit", snapshot.toString(), "--format", "json", "-o", dir.resolve("offline.json").toString(),
        "--timestamp", "2026-11-27T00:00:00Z", "--unknown", "warn");

    assertThat(live.exitCode()).as(live.err()).isZero();
    assertThat(arm.requests()).hasSizeLessThanOrEqualTo(3);
    assertThat(offline.exitCode()).as(offline.err()).isZero();
    JsonNode liveFindings = JSON.readTree(dir.resolve("live.json").toFile()).path("findings");
    JsonNode offlineFindings = JSON.readTree(dir.resolve("offline.json").toFile()).path("findings");
    assertThat(liveFindings.size()).isGreaterThan(30);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    liveFindings.forEach(f -> a.add(f.path("ruleId").asText() + f.path("subject").asText() + f.path("status").asText() + f.path("message").asText()));
    offlineFindings.forEach(f -> b.add(f.path("ruleId").asText() + f.path("subject").asText() + f.path("status").asText() + f.path("message").asText()));
    assertThat(a).isEqualTo(b);
    assertThat(Files.readString(snapshot)).startsWith("{\n  \"plumblineSnapshot\" : 1").doesNotContain(TOKEN);
  }

  @Test
  void everyFaultEndsInAVerdictAndEveryGapIsInEveryReport() throws Exception {
    List<com.fasterxml.jackson.databind.JsonNode> app = ReferenceDeployment.reference().stream()
        .filter(r -> !r.path("type").asText().toLowerCase(java.util.Locale.ROOT).contains("netapp")).toList();
    arm.serve(app)
        .fault("POST", "resourcegraph", FakeArm.Fault.status(429).retryAfterSeconds(1).times(1))
        .fault("GET", "require_secure_transport", FakeArm.Fault.hang())
        .fault("GET", "/resourcegroups/rg-storage$", FakeArm.Fault.status(403));
    Path out = dir.resolve("reports");

    Path snapshot = dir.resolve("faulty-snapshot.json");
    CliRun run = CliRun.of(join("audit", live("-g", "rg-posit-connect", "-g", "rg-storage", "--verbose",
        "--format", "text,json,sarif,html", "-o", out.toString(), "--save-snapshot", snapshot.toString())));

    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    for (String report : List.of("plumbline.txt", "plumbline.json", "plumbline.sarif", "plumbline.html")) {
      String text = Files.readString(out.resolve(report));
      assertThat(text).as(report).contains("rg-storage").contains("require_secure_transport").doesNotContain(TOKEN);
    }
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    JsonNode saved = JSON.readTree(snapshot.toFile());
    assertThat(saved.path("gaps").toString()).contains("rg-storage").contains("require_secure_transport");
    assertThat(saved.path("scopes").toString()).contains("\"resourceGroup\":\"rg-storage\",\"status\":\"denied\"");
    assertThat(run.err()).contains("GET " + arm.baseUrl()).contains("retry POST");
    assertThat(arm.requests()).allSatisfy(request -> assertThat(request.method().equals("GET")
        || request.path().equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources")).isTrue());
  }

  @Test
  void snapshotWritesTheLiveTopologyAndRefusesToOverwriteWhatItDidNotWrite() throws Exception {
    arm.serve(ReferenceDeployment.reference());
    Path target = dir.resolve("topology.json");
    Path foreign = dir.resolve("notes.json");
    Files.writeString(foreign, "{\"mine\": true}");

    CliRun written = CliRun.of(join("snapshot", live("-o", target.toString())));
    CliRun again = CliRun.of(join("snapshot", live("-o", target.toString())));
    CliRun refused = CliRun.of(join("snapshot", live("-o", foreign.toString())));

    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(JSON.readTree(target.toFile()).path("resources").size()).isEqualTo(ReferenceDeployment.reference().size());
    assertThat(JSON.readTree(target.toFile()).path("source").path("kind").asText()).isEqualTo("live");
    assertThat(again.exitCode()).isZero();
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("refusing to overwrite " + foreign);
    assertThat(Files.readString(foreign)).isEqualTo("{\"mine\": true}");
  }

  @Test
  void aLiveScopeAndInputFilesTogetherIsAUsageError() throws Exception {
    CliRun run = CliRun.of(join("audit", live(CliRun.example("compliant.json").toString())));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("not both");
    assertThat(arm.requests()).isEmpty();
  }

  @Test
  void anEmptyTokenFileIsAUsageErrorThatNamesTheFile() throws Exception {
    Path empty = dir.resolve("empty-token");
    Files.writeString(empty, "  \n");

    CliRun run = CliRun.of("audit", "--subscription", SUBSCRIPTION, "--arm-endpoint", arm.baseUrl(),
        "--access-token-file", empty.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--access-token-file " + empty + " is empty");
  }
}
