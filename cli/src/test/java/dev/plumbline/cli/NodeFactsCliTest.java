package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.nodes.FakeConnect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node facts from two fake Connect nodes' APIs, their configuration files and the collection
 * script's mounts, fed to a live-like topology without facts: every node-fact rule decides, and
 * one difference flips exactly its rule.
 */
class NodeFactsCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NODE_RULES = List.of("PCHA-VM-06", "PCHA-VM-07", "PCHA-VM-08", "PCHA-CFG-01");
  private static final String URL_PASSWORD = "Sup3rS3cretInUrl";
  private static final String PASSWORD = "hunter2-never-shown";

  @TempDir
  Path dir;

  private final List<FakeConnect> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(FakeConnect::close);
  }

  private FakeConnect node(String name, String version, String python) throws Exception {
    FakeConnect node = FakeConnect.start(name, version, List.of("3.11.9", python), List.of("4.3.3", "4.4.1"), List.of("1.5.57"));
    nodes.add(node);
    return node;
  }

  private Path config(String name, String serviceLog) throws Exception {
    Path file = dir.resolve(name + ".gcfg");
    Files.writeString(file, String.join("\n",
        "; /etc/rstudio-connect/rstudio-connect.gcfg on " + name,
        "[Server]",
        "Address = https://connect.example.com/",
        "DataDir = /mnt/connect-data/rstudio-connect",
        "[HTTP]",
        "Listen = :3939",
        "NoWarning = true",
        "[Database]",
        "Provider = postgres",
        "[Postgres]",
        "URL = \"postgres://connect:" + URL_PASSWORD + "@psql-connect.postgres.database.azure.com/connect?sslmode=require\"",
        "Password = " + PASSWORD,
        "[Metrics]",
        "DataPath = /var/lib/rstudio-connect-metrics/" + name + "   ; unique per node",
        "[Python]",
        "Enabled = true",
        "Executable = /opt/python/3.12.4/bin/python",
        "Executable = /opt/python/3.11.9/bin/python",
        "[R]",
        "Executable = /opt/R/4.4.1/bin/R",
        "Executable = /opt/R/4.3.3/bin/R",
        "[Quarto]",
        "Enabled = true",
        "Executable = /opt/quarto/1.5.57/bin/quarto",
        "[Applications]",
        "RunAs = rstudio-connect",
        "[Logging]",
        "ServiceLog = " + serviceLog,
        ""));
    return file;
  }

  /** What only the node itself can tell (the collection script's part): its mounts, clock and users. */
  private Path hostFacts() throws Exception {
    Path file = dir.resolve("host-facts.json");
    StringBuilder json = new StringBuilder("[");
    for (String name : List.of("connect-1", "connect-2")) {
      json.append(json.length() > 1 ? "," : "").append("{\"name\": \"").append(name).append("\", \"source\": \"collect-script\",")
          .append(" \"mounts\": [{\"source\": \"10.20.3.4:/connect-data\", \"target\": \"/mnt/connect-data\", \"fstype\": \"nfs4\"}],")
          .append(" \"clockSynchronized\": true, \"users\": {\"rstudio-connect\": {\"uid\": 999, \"gid\": 999}}}");
    }
    Files.writeString(file, json.append(']').toString());
    return file;
  }

  /** The compliant example's resources without its node facts, as a live read would give them. */
  private Path resources() throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(CliRun.example("compliant.json").toFile());
    snapshot.remove("nodes");
    Path file = dir.resolve("resources.json");
    JSON.writeValue(file.toFile(), snapshot);
    return file;
  }

  private Map<String, String> audit(String secondVersion, String secondPython, String secondServiceLog, String... more)
      throws Exception {
    FakeConnect first = node("connect-1", "2026.08.0", "3.12.4");
    FakeConnect second = node("connect-2", secondVersion, secondPython);
    Path report = dir.resolve("report-" + System.nanoTime() + ".json");
    List<String> args = new ArrayList<>(List.of("audit", resources().toString(),
        "--connect-node", "connect-1=" + first.baseUrl(), "--connect-node", "connect-2=" + second.baseUrl(),
        "--connect-config", "connect-1=" + config("connect-1", "STDOUT"),
        "--connect-config", "connect-2=" + config("connect-2", secondServiceLog),
        "--node-facts", hostFacts().toString(), "--format", "json", "-o", report.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.withEnvironment(Map.of("CONNECT_API_KEY", FakeConnect.API_KEY), args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    Map<String, String> outcomes = new TreeMap<>();
    for (JsonNode finding : JSON.readTree(report.toFile()).path("findings")) {
      String rule = finding.path("ruleId").asText();
      if (NODE_RULES.contains(rule)) {
        outcomes.merge(rule, finding.path("status").asText() + ": " + finding.path("message").asText(), (a, b) -> a + " | " + b);
      }
    }
    return outcomes;
  }

  private static Map<String, String> statuses(Map<String, String> outcomes) {
    Map<String, String> statuses = new TreeMap<>();
    outcomes.forEach((rule, text) -> statuses.put(rule, text.substring(0, text.indexOf(':'))));
    return statuses;
  }

  @Test
  void twoMatchingNodesPassEveryNodeFactRule() throws Exception {
    assertThat(statuses(audit("2026.08.0", "3.12.4", "STDOUT")))
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("PCHA-CFG-01", "PASS", "PCHA-VM-06", "PASS", "PCHA-VM-07", "PASS",
            "PCHA-VM-08", "PASS")));
  }

  @Test
  void anotherConnectVersionFlipsExactlyTheVersionRuleAndShowsBothVersions() throws Exception {
    Map<String, String> outcomes = audit("2026.09.1", "3.12.4", "STDOUT");

    assertThat(statuses(outcomes)).containsEntry("PCHA-VM-06", "FAIL").containsEntry("PCHA-VM-07", "PASS")
        .containsEntry("PCHA-VM-08", "PASS").containsEntry("PCHA-CFG-01", "PASS");
    assertThat(outcomes.get("PCHA-VM-06")).contains("2026.08.0").contains("2026.09.1");
  }

  @Test
  void anotherRuntimeFlipsExactlyTheRuntimeRule() throws Exception {
    Map<String, String> outcomes = audit("2026.08.0", "3.12.5", "STDOUT");

    assertThat(statuses(outcomes)).containsEntry("PCHA-VM-08", "FAIL").containsEntry("PCHA-VM-06", "PASS")
        .containsEntry("PCHA-VM-07", "PASS").containsEntry("PCHA-CFG-01", "PASS");
    assertThat(outcomes.get("PCHA-VM-08")).contains("3.12.4").contains("3.12.5");
  }

  @Test
  void anotherSharedSettingFlipsExactlyTheConfigurationRuleWithEachNodesValue() throws Exception {
    Map<String, String> outcomes = audit("2026.08.0", "3.12.4", "/var/log/rstudio-connect.log");

    assertThat(statuses(outcomes)).containsEntry("PCHA-VM-07", "FAIL").containsEntry("PCHA-VM-06", "PASS")
        .containsEntry("PCHA-VM-08", "PASS").containsEntry("PCHA-CFG-01", "PASS");
    assertThat(outcomes.get("PCHA-VM-07")).contains("logging.servicelog").contains("STDOUT").contains("/var/log/rstudio-connect.log");
  }

  @Test
  void noPasswordFromAConfigurationReachesAnyReport() throws Exception {
    FakeConnect first = node("connect-1", "2026.08.0", "3.12.4");
    FakeConnect second = node("connect-2", "2026.08.0", "3.12.4");
    Path out = dir.resolve("reports");
    Path snapshot = dir.resolve("snapshot.json");

    CliRun run = CliRun.withEnvironment(Map.of("CONNECT_API_KEY", FakeConnect.API_KEY), "audit", resources().toString(),
        "--connect-node", "connect-1=" + first.baseUrl(), "--connect-node", "connect-2=" + second.baseUrl(),
        "--connect-config", "connect-1=" + config("connect-1", "STDOUT"), "--connect-config", "connect-2=" + config("connect-2", "STDOUT"),
        "--format", "text,json,sarif,html,markdown,junit", "-o", out.toString(), "--save-snapshot", snapshot.toString());

    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    List<Path> written = new ArrayList<>();
    try (var files = Files.list(out)) {
      files.forEach(written::add);
    }
    written.add(snapshot);
    assertThat(written).hasSize(7).allSatisfy(file -> assertThat(Files.readString(file)).as(file.toString())
        .doesNotContain(URL_PASSWORD).doesNotContain(PASSWORD).doesNotContain(FakeConnect.API_KEY));
    assertThat(run.out() + run.err()).doesNotContain(URL_PASSWORD).doesNotContain(PASSWORD);
    JsonNode stored = JSON.readTree(snapshot.toFile()).path("nodes");
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).at("/config/settings/postgres.url/0").asText()).contains("connect:REDACTED@psql-connect");
    assertThat(stored.get(0).at("/connect/version").asText()).isEqualTo("2026.08.0");
  }

  @Test
  void aNodeThatDoesNotAnswerIsAGapAndItsRulesAreUnknown() throws Exception {
    FakeConnect first = node("connect-1", "2026.08.0", "3.12.4");
    FakeConnect second = node("connect-2", "2026.08.0", "3.12.4").hang();
    Path report = dir.resolve("silent.json");

    CliRun run = CliRun.withEnvironment(Map.of("CONNECT_API_KEY", FakeConnect.API_KEY), "audit", resources().toString(),
        "--connect-node", "connect-1=" + first.baseUrl(), "--connect-node", "connect-2=" + second.baseUrl(),
        "--connect-timeout", "1", "--format", "json", "-o", report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = JSON.readTree(report.toFile());
    assertThat(json.path("gaps").toString()).contains("Connect node connect-2").contains("did not answer");
    List<String> versionStatuses = new ArrayList<>();
    json.path("findings").forEach(f -> {
      if (f.path("ruleId").asText().equals("PCHA-VM-06")) {
        versionStatuses.add(f.path("status").asText());
      }
    });
    assertThat(versionStatuses).contains("UNKNOWN").doesNotContain("PASS");
  }

  @Test
  void readingNodesWithoutAnApiKeyIsAUsageErrorNamingTheVariable() throws Exception {
    CliRun run = CliRun.withEnvironment(Map.of(), "audit", resources().toString(), "--connect-node", "connect-1=https://10.0.0.1:3939/");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("environment variable CONNECT_API_KEY");
  }

  @Test
  void nodesNamedUnlikeTheirVmsAreTiedToThemWithConnectVm() throws Exception {
    String vm = "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect/providers/"
        + "Microsoft.Compute/virtualMachines/vm-connect-";
    List<String> common = List.of("audit", resources().toString(), "--connect-config", "alpha=" + config("connect-1", "STDOUT"),
        "--connect-config", "beta=" + config("connect-2", "STDOUT"), "--format", "json");

    CliRun untied = CliRun.withEnvironment(Map.of(), common.toArray(String[]::new));
    List<String> tiedArgs = new ArrayList<>(common);
    tiedArgs.addAll(List.of("--connect-vm", "alpha=" + vm + "1", "--connect-vm", "beta=" + vm + "2"));
    CliRun tied = CliRun.withEnvironment(Map.of(), tiedArgs.toArray(String[]::new));

    assertThat(statusOf(untied, "PCHA-VM-07")).isEqualTo("UNKNOWN");
    assertThat(statusOf(tied, "PCHA-VM-07")).isEqualTo("PASS");
  }

  private static String statusOf(CliRun run, String rule) throws Exception {
    for (JsonNode finding : JSON.readTree(run.out()).path("findings")) {
      if (finding.path("ruleId").asText().equals(rule)) {
        return finding.path("status").asText();
      }
    }
    throw new AssertionError(rule + " has no finding: " + run.err());
  }
}
