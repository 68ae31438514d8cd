package dev.plumbline.cli;

import static dev.plumbline.cli.CliRun.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.SnapshotSchema;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/collect-node-facts.sh, run with /bin/sh against a fake root (PLUMBLINE_ROOT) with stub commands first
 * on PATH: it prints one node entry of the snapshot schema, secrets removed, that the node-fact rules can judge.
 */
class CollectNodeFactsScriptTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SH = Path.of("/bin/sh");
  private static final Path SCRIPT = Path.of(System.getProperty("plumbline.root"), "scripts", "collect-node-facts.sh");

  /** The ordinary tools the script (and the dpkg-query stub) use; everything else on PATH is a stub or absent. */
  private static final List<String> TOOLS = List.of("awk", "cat", "date", "sed", "sort", "uniq", "sha256sum", "timeout");

  private static final String CONFIG = """
      ; Posit Connect configuration of an HA node (test fixture)
      # Comments start with ; or #, also after a value.
      [Server]
      Address = https://connect.example.com/
      DataDir = /mnt/connect-data/rstudio-connect   ; the NetApp volume
      SenderEmailDisplayName = "Posit Connect; HA"  # a quoted ; belongs to the value

      [HTTP]
      Listen = :3939
      NoWarning = true

      [Database]
      Provider = postgres

      [Postgres]
      URL = "postgres://connect:Pa55%40word@psql-connect.postgres.database.azure.com/connect?sslmode=require"
      Password = hunter2

      [Metrics]
      DataPath = METRICS

      [Python]
      Enabled = true
      Executable = /opt/python/3.12.4/bin/python
      Executable = /opt/python/3.11.9/bin/python

      [R]
      Executable = /opt/R/4.4.1/bin/R
      Executable = /opt/R/4.3.3/bin/R

      [Quarto]
      Enabled = true
      Executable = /opt/quarto/1.5.57/bin/quarto

      [RPackageRepository "CRAN"]
      URL = https://packagemanager.posit.co/cran/__linux__/jammy/latest

      [Applications]
      RunAs = rstudio-connect
      """;

  private static final String MOUNTS = """
      /dev/sda1 / ext4 rw,relatime 0 0
      proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
      10.20.3.4:/connect-data /mnt/connect-data nfs4 rw,relatime,vers=4.1,hard,proto=tcp,sec=sys 0 0
      """;

  /** Answers -f FORMAT for an installed rstudio-connect 2026.08.0, as dpkg-query -W does. */
  private static final String DPKG_QUERY = """
      for arg; do case $arg in -f*) format=${arg#-f}; format=${format#=} ;; esac; done
      printf '%s' "${format:-2026.08.0}" | sed -e 's/${Status}/install ok installed/' -e 's/${Version}/2026.08.0/'
      """;

  /** id -u/-g for the one user that exists. */
  private static final String ID = """
      if [ "$2" = rstudio-connect ]; then echo 999; else echo "id: '$2': no such user" >&2; exit 1; fi
      """;

  @TempDir
  Path temp;

  private Path tools;

  @BeforeEach
  void linkTheRealTools() throws IOException {
    assumeTrue(Files.isExecutable(SH), "/bin/sh is missing");
    tools = Files.createDirectories(temp.resolve("tools"));
    for (String tool : TOOLS) {
      Optional<Path> found = onPath(tool);
      assertThat(found).as("%s on PATH", tool).isPresent();
      // A wrapper, not a symbolic link: JUnit warns about links that leave the temporary directory.
      executable(tools.resolve(tool), "exec '" + found.get() + "' \"$@\"");
    }
  }

  @Test
  void printsOneNodeEntryOfTheSnapshotSchemaWithTheNodesFacts() throws Exception {
    Node node = node("connect-1", "10.20.1.4", "/var/lib/rstudio-connect-metrics/connect-1");
    Run run = run(node, "--vm-id", vmId("vm-connect-1"));
    assertThat(run.exit()).as(run.err()).isZero();

    JsonNode facts = JSON.readTree(run.out());
    assertThat(new SnapshotSchema().firstViolation(snapshotOf(facts))).as(run.out()).isEmpty();
    assertThat(fieldNames(facts)).containsExactly("name", "vmId", "hostname", "privateIp", "source", "collectedAt",
        "connect", "runtimes", "config", "mounts", "clockSynchronized", "users");
    assertThat(facts.path("name").asText()).isEqualTo("connect-1");
    assertThat(facts.path("vmId").asText()).isEqualTo(vmId("vm-connect-1"));
    assertThat(facts.path("hostname").asText()).isEqualTo("connect-1");
    assertThat(facts.path("privateIp").asText()).isEqualTo("10.20.1.4");
    assertThat(facts.path("source").asText()).isEqualTo("collect-script");
    assertThat(facts.path("collectedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(facts.path("connect").toString()).isEqualTo("{\"version\":\"2026.08.0\"}");
    assertThat(facts.path("runtimes").toString())
        .isEqualTo("{\"python\":[\"3.11.9\",\"3.12.4\"],\"r\":[\"4.3.3\",\"4.4.1\"],\"quarto\":[\"1.5.57\"]}");
    assertThat(facts.path("config").path("digest").asText())
        .isEqualTo("sha256:" + sha256(node.root().resolve("etc/rstudio-connect/rstudio-connect.gcfg")));

    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("server.address", List.of("https://connect.example.com/"));
    expected.put("server.datadir", List.of("/mnt/connect-data/rstudio-connect"));
    expected.put("server.senderemaildisplayname", List.of("Posit Connect; HA"));
    expected.put("http.listen", List.of(":3939"));
    expected.put("http.nowarning", List.of("true"));
    expected.put("database.provider", List.of("postgres"));
    expected.put("postgres.url",
        List.of("postgres://connect:REDACTED@psql-connect.postgres.database.azure.com/connect?sslmode=require"));
    expected.put("metrics.datapath", List.of("/var/lib/rstudio-connect-metrics/connect-1"));
    expected.put("python.enabled", List.of("true"));
    expected.put("python.executable", List.of("/opt/python/3.12.4/bin/python", "/opt/python/3.11.9/bin/python"));
    expected.put("r.executable", List.of("/opt/R/4.4.1/bin/R", "/opt/R/4.3.3/bin/R"));
    expected.put("quarto.enabled", List.of("true"));
    expected.put("quarto.executable", List.of("/opt/quarto/1.5.57/bin/quarto"));
    expected.put("rpackagerepository \"CRAN\".url", List.of("https://packagemanager.posit.co/cran/__linux__/jammy/latest"));
    expected.put("applications.runas", List.of("rstudio-connect"));
    assertThat(settings(facts)).containsExactlyEntriesOf(expected);
    // The settings are the compliant example's, the password in the URL aside.
    JsonNode example = JSON.readTree(example("compliant.json").toFile()).path("nodes").get(0).path("config").path("settings");
    example.fields().forEachRemaining(setting -> {
      if (!setting.getKey().equals("postgres.url")) {
        assertThat(facts.path("config").path("settings").path(setting.getKey())).as(setting.getKey())
            .isEqualTo(setting.getValue());
      }
    });

    assertThat(facts.path("mounts").toString())
        .isEqualTo("[{\"source\":\"10.20.3.4:/connect-data\",\"target\":\"/mnt/connect-data\",\"fstype\":\"nfs4\"}]");
    assertThat(facts.path("clockSynchronized").isBoolean()).isTrue();
    assertThat(facts.path("clockSynchronized").asBoolean()).isTrue();
    assertThat(facts.path("users").toString()).isEqualTo("{\"rstudio-connect\":{\"uid\":999,\"gid\":999}}");

    assertThat(run.out() + run.err()).doesNotContain("hunter2", "Pa55");
    assertThat(run.err()).contains("left out as secrets: postgres.password");
  }

  @Test
  void theScriptsFactsMakeTheNodeRulesPassOnTheCompliantDeployment() throws Exception {
    JsonNode first = facts(node("connect-1", "10.20.1.4", "/var/lib/rstudio-connect-metrics/connect-1"),
        "--vm-id", vmId("vm-connect-1"));
    JsonNode second = facts(node("connect-2", "10.20.1.5", "/var/lib/rstudio-connect-metrics/connect-2"),
        "--vm-id", vmId("vm-connect-2"));
    // The two configurations differ in the one per-node setting only.
    Map<String, List<String>> firstSettings = settings(first);
    Map<String, List<String>> secondSettings = settings(second);
    firstSettings.remove("metrics.datapath");
    secondSettings.remove("metrics.datapath");
    assertThat(firstSettings).isEqualTo(secondSettings);

    ObjectNode snapshot = (ObjectNode) JSON.readTree(example("compliant.json").toFile());
    snapshot.set("nodes", JSON.createArrayNode().add(first).add(second));
    Path file = temp.resolve("snapshot.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), snapshot);

    CliRun run = CliRun.of("audit", file.toString(), "--format", "json");
    assertThat(run.err()).isEmpty();
    JsonNode report = JSON.readTree(run.out());
    Map<String, List<String>> statuses = statuses(report);
    for (String rule : List.of("PCHA-VM-06", "PCHA-VM-07", "PCHA-VM-08")) {
      assertThat(statuses.get(rule)).as(rule + " in " + run.out()).containsExactly("PASS");
    }
    assertThat(statuses.get("PCHA-CFG-01")).as("PCHA-CFG-01, one finding a node").containsExactly("PASS", "PASS");
    // Every rule judges the script's facts as it judges the example's hand-written ones.
    JsonNode original = JSON.readTree(CliRun.of("audit", example("compliant.json").toString(), "--format", "json").out());
    assertThat(statuses).isEqualTo(statuses(original));
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void secretsAreLeftOutOrRedactedAndNeverPrinted() throws Exception {
    Node node = node("connect-1", "10.20.1.4", "/var/lib/rstudio-connect-metrics/connect-1");
    write(node.root().resolve("etc/rstudio-connect/rstudio-connect.gcfg"), """
        [Server]
        Address = https://connect.example.com/
        SecretKey = sk-server-1
        [Postgres]
        URL = postgres://connect:p@ss/w0rd@psql-connect.postgres.database.azure.com/connect?sslmode=require
        Password = hunter2
        [HTTPS]
        Certificate = /etc/rstudio-connect/connect.crt
        Key = /etc/rstudio-connect/connect-key-1.pem
        [OAuth2]
        ClientSecret = "oauth-secret-1"
        ClientId = connect-client
        [LDAP]
        BindPassword = ldap-pw-1
        [Mail]
        URL = smtp://mailer:m41l-pw@smtp.example.com:587
        Dsn = "host=db user=connect password='dsn pw 1' sslmode=require"
        [Authentication "API"]
        AccessToken = tok-1
        ApiKey = apikey-1
        """);
    Run run = run(node);
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode facts = JSON.readTree(run.out());
    assertThat(new SnapshotSchema().firstViolation(snapshotOf(facts))).isEmpty();
    assertThat(settings(facts)).containsOnlyKeys("server.address", "postgres.url", "https.certificate",
        "oauth2.clientid", "mail.url", "mail.dsn");
    assertThat(settings(facts).get("postgres.url"))
        .containsExactly("postgres://connect:REDACTED@psql-connect.postgres.database.azure.com/connect?sslmode=require");
    assertThat(settings(facts).get("mail.url")).containsExactly("smtp://mailer:REDACTED@smtp.example.com:587");
    assertThat(settings(facts).get("mail.dsn")).containsExactly("host=db user=connect password=REDACTED sslmode=require");
    for (String secret : List.of("sk-server-1", "hunter2", "p@ss", "w0rd", "connect-key-1", "oauth-secret-1", "ldap-pw-1",
        "m41l-pw", "dsn pw 1", "tok-1", "apikey-1")) {
      assertThat(run.out() + run.err()).as(secret).doesNotContain(secret);
    }
    assertThat(run.err()).contains("left out as secrets: server.secretkey, postgres.password, https.key,"
        + " oauth2.clientsecret, ldap.bindpassword, authentication \"API\".accesstoken, authentication \"API\".apikey");
  }

  @Test
  void textIsEscapedAsJson() throws Exception {
    Node node = node("connect-1", "10.20.1.4", "/var/lib/rstudio-connect-metrics/connect-1");
    write(node.root().resolve("etc/rstudio-connect/rstudio-connect.gcfg"), """
        [Server]
        Address = "https://connect.example.com/ \\"quoted\\" back\\\\slash\\ttab"   ; comment
        DataDir = /mnt/connect data/été \\
          continued
        [Sub "Case \\"Kept\\""]
        Name = value
        """);
    write(node.root().resolve("proc/mounts"), "10.20.3.4:/connect\\040data /mnt/connect\\040data nfs4 rw 0 0\n");
    String name = "node \"1\" \\ é\n\t\u0001end";
    Run run = run(node, "--name", name);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("\u0001", "\t");
    JsonNode facts = JSON.readTree(run.out());
    assertThat(new SnapshotSchema().firstViolation(snapshotOf(facts))).isEmpty();
    assertThat(facts.path("name").asText()).isEqualTo(name);
    assertThat(settings(facts)).containsExactly(
        Map.entry("server.address", List.of("https://connect.example.com/ \"quoted\" back\\slash\ttab")),
        Map.entry("server.datadir", List.of("/mnt/connect data/été   continued")),
        Map.entry("sub \"Case \\\"Kept\\\"\".name", List.of("value")));
    assertThat(facts.path("mounts").get(0).path("source").asText()).isEqualTo("10.20.3.4:/connect data");
    assertThat(facts.path("mounts").get(0).path("target").asText()).isEqualTo("/mnt/connect data");
  }

  @Test
  void factsThatCannotBeEstablishedAreLeftOutNotGuessed() throws Exception {
    Path root = temp.resolve("bare/root");
    Path bin = Files.createDirectories(temp.resolve("bare/bin"));
    write(root.resolve("etc/rstudio-connect/rstudio-connect.gcfg"), """
        [Python]
        Executable = /opt/python/3.12.4/bin/python
        Executable = /opt/python/broken/bin/python
        [Quarto]
        Executable = quarto
        [Applications]
        RunAs = connect-svc
        """);
    executable(root.resolve("opt/python/broken/bin/python"), "echo 'error while loading shared libraries' >&2; exit 127");
    executable(bin.resolve("quarto"), "echo 1.5.57");
    executable(bin.resolve("id"), ID);
    // No dpkg-query, rpm, timedatectl, hostname or ip; no /proc/mounts.
    Run run = run(new Node(root, bin), "--name", "connect-9");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode facts = JSON.readTree(run.out());
    assertThat(new SnapshotSchema().firstViolation(snapshotOf(facts))).isEmpty();
    assertThat(fieldNames(facts)).containsExactly("name", "source", "collectedAt", "runtimes", "config");
    // Python is configured but neither executable runs: none is usable. R is not configured: unknown.
    assertThat(facts.path("runtimes").toString()).isEqualTo("{\"python\":[],\"quarto\":[\"1.5.57\"]}");
    assertThat(run.err()).contains(
        "python executable /opt/python/3.12.4/bin/python does not exist or is not executable: skipped",
        "python executable /opt/python/broken/bin/python --version failed (exit 127): skipped",
        "runtimes.r left out",
        "connect.version left out",
        "clockSynchronized left out",
        "user connect-svc does not exist here: users left out",
        "mounts left out",
        "privateIp left out");
  }

  @Test
  void aMissingConfigurationFailsWithOneLine() throws Exception {
    Node node = node("connect-1", "10.20.1.4", "/var/lib/rstudio-connect-metrics/connect-1");
    Run run = run(node, "--config", "/etc/rstudio-connect/missing.gcfg");
    assertThat(run.exit()).isNotZero();
    assertThat(run.out()).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(run.err()).hasSize(1);
    assertThat(lines.get(0)).contains(node.root().resolve("etc/rstudio-connect/missing.gcfg").toString());
  }

  // --- A fake node -------------------------------------------------------------------------------

  /** A fake root (the files the script reads) and a directory of stub commands. */
  private record Node(Path root, Path bin) {}

  private record Run(int exit, String out, String err) {}

  private Node node(String host, String ip, String metricsPath) throws IOException {
    Path root = temp.resolve(host).resolve("root");
    Path bin = Files.createDirectories(temp.resolve(host).resolve("bin"));
    write(root.resolve("etc/rstudio-connect/rstudio-connect.gcfg"), CONFIG.replace("METRICS", metricsPath));
    write(root.resolve("proc/mounts"), MOUNTS);
    executable(root.resolve("opt/python/3.12.4/bin/python"), "echo 'Python 3.12.4'");
    executable(root.resolve("opt/python/3.11.9/bin/python"), "echo 'Python 3.11.9'");
    executable(root.resolve("opt/R/4.4.1/bin/R"), """
        echo 'R version 4.4.1 (2024-06-14) -- "Race for Your Life"'
        echo 'Copyright (C) 2024 The R Foundation for Statistical Computing'
        """);
    executable(root.resolve("opt/R/4.3.3/bin/R"), """
        echo 'R version 4.3.3 (2024-02-29) -- "Angel Food Cake"'
        echo 'Copyright (C) 2024 The R Foundation for Statistical Computing'
        """);
    executable(root.resolve("opt/quarto/1.5.57/bin/quarto"), "echo 1.5.57");
    executable(bin.resolve("dpkg-query"), DPKG_QUERY);
    executable(bin.resolve("hostname"), "if [ \"${1:-}\" = -I ]; then echo '" + ip + " fd00::4'; else echo " + host + "; fi");
    executable(bin.resolve("timedatectl"), "echo yes");
    executable(bin.resolve("id"), ID);
    return new Node(root, bin);
  }

  private Run run(Node node, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(SH.toString(), SCRIPT.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(temp, "out", ".json");
    Path err = Files.createTempFile(temp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", node.bin() + File.pathSeparator + tools);
    builder.environment().put("PLUMBLINE_ROOT", node.root().toString());
    Process process = builder.start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the script finished").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private JsonNode facts(Node node, String... args) throws Exception {
    Run run = run(node, args);
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static ObjectNode snapshotOf(JsonNode node) {
    ObjectNode snapshot = JSON.createObjectNode();
    snapshot.put("plumblineSnapshot", 1);
    snapshot.set("resources", JSON.createArrayNode());
    ArrayNode nodes = snapshot.putArray("nodes");
    nodes.add(node);
    return snapshot;
  }

  private static String vmId(String name) throws IOException {
    for (JsonNode resource : JSON.readTree(example("compliant.json").toFile()).path("resources")) {
      if (resource.path("type").asText().equals("Microsoft.Compute/virtualMachines") && resource.path("name").asText().equals(name)) {
        return resource.path("id").asText();
      }
    }
    throw new AssertionError("no VM " + name + " in compliant.json");
  }

  private static Map<String, List<String>> settings(JsonNode facts) {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    facts.path("config").path("settings").fields().forEachRemaining(setting -> {
      List<String> values = new ArrayList<>();
      setting.getValue().forEach(value -> values.add(value.asText()));
      settings.put(setting.getKey(), values);
    });
    return settings;
  }

  /** Each rule's finding statuses, in report order. */
  private static Map<String, List<String>> statuses(JsonNode report) {
    Map<String, List<String>> statuses = new TreeMap<>();
    for (JsonNode finding : report.path("findings")) {
      statuses.computeIfAbsent(finding.path("ruleId").asText(), rule -> new ArrayList<>()).add(finding.path("status").asText());
    }
    return statuses;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void executable(Path file, String body) throws IOException {
    write(file, "#!/bin/sh\n" + body + (body.endsWith("\n") ? "" : "\n"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static Optional<Path> onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
