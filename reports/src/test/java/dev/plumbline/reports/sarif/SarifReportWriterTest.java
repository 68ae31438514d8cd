package dev.plumbline.reports.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import dev.plumbline.reports.ReportContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String VNET = "Microsoft.Network/virtualNetworks";

  /** Markup, quotes, every C0 control, DEL, C1, line and paragraph separators, a right-to-left override. */
  static final String HOSTILE;

  static {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    HOSTILE = "<script>alert(\"x\")</script>'\"" + controls + "\u007F\u0085 a\u2028b\u2029c \u202Egnp.exe\u200B`|";
  }

  private static Schema schema;

  @TempDir
  Path temp;

  @BeforeAll
  static void loadSchema() throws IOException {
    Path file = Path.of(System.getProperty("plumbline.shared"), "schemas", "sarif-schema-2.1.0.json");
    try (InputStream in = Files.newInputStream(file)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"kind\": \"bogus\"}]}]}")))
        .as("the validator catches a broken log").isNotEmpty();
  }

  @RuleDefinition(id = "TEST-SEC-01", name = "Test.Security.Network", summary = "Virtual networks are fenced.",
      severity = Severity.HIGH, pillar = Pillar.SECURITY)
  static final class FailingSecurityRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return context.topology().ofType(ResourceType.of(VNET)).stream()
          .map(vnet -> context.fail(vnet, "Network " + vnet.name() + " is open.",
              new Evidence("properties.addressSpace.addressPrefixes", "10.0.0.0/8", vnet.text("properties.addressSpace.addressPrefixes[0]").orElse(null))))
          .toList();
    }
  }

  @RuleDefinition(id = "TEST-REL-01", name = "Test.Reliability.Gateway", summary = "A gateway is in scope.",
      severity = Severity.MEDIUM, pillar = Pillar.RELIABILITY)
  static final class MissingRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return List.of(context.missing("an application gateway", "No application gateway is in scope."));
    }
  }

  @RuleDefinition(id = "TEST-OPS-01", name = "Test.Operations.Tags", summary = "Resources say who owns them.",
      severity = Severity.LOW, pillar = Pillar.OPERATIONS)
  static final class UnknownRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      Resource first = context.topology().topLevelResources().get(0);
      return List.of(context.unknown(first, "The owner of " + first.name() + " is not recorded.",
          Evidence.absent("tags.owner", "a team")));
    }
  }

  @RuleDefinition(id = "TEST-SEC-02", name = "Test.Security.Passing", summary = "Everything is fine.",
      severity = Severity.INFO, pillar = Pillar.SECURITY)
  static final class PassingRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return context.topology().topLevelResources().stream()
          .map(resource -> context.pass(resource, resource.name() + " is fine.")).toList();
    }
  }

  @RuleDefinition(id = "TEST-COST-01", name = "Test.Cost.Reservations", summary = "Reservations are used.",
      severity = Severity.LOW, pillar = Pillar.COST)
  static final class NotApplicableRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return List.of(context.notApplicable(Subject.scope(), "Nothing is reserved in scope."));
    }
  }

  @RuleDefinition(id = "TEST-REL-02", name = "Test.Reliability.Broken", summary = "Never finishes.",
      severity = Severity.MEDIUM, pillar = Pillar.RELIABILITY)
  static final class ThrowingRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      throw new IllegalStateException("broken on purpose");
    }
  }

  /** Echoes every name, tag and property of the hostile topology into messages and evidence. */
  @RuleDefinition(id = "TEST-ECHO-01", name = "Test.Echo", summary = "Echoes names.", severity = Severity.HIGH,
      pillar = Pillar.SECURITY)
  static final class EchoRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return context.topology().topLevelResources().stream()
          .map(resource -> context.fail(resource, "Resource " + resource.name() + " tagged " + resource.tags() + ".",
              new Evidence("tags.owner", "a team", resource.tag("owner").orElse(null)),
              new Evidence("properties.description", "plain", resource.text("properties.description").orElse(null))))
          .toList();
    }
  }

  private static RulePack pack(Rule... rules) {
    return RulePack.of("test-pack", "Test pack", "1.0.0", List.of(rules));
  }

  private static final String DOC_PAGE = """
      # TEST-SEC-01 Test.Security.Network

      ## Synopsis
      Networks are fenced.

      ## Why
      Open networks let anyone in.

      ## How to fix
      ```bash
      ## not a heading inside a fence
      az network vnet update
      ```
      """;

  private static ReportContext context(boolean includePassing, Optional<String> category) {
    return new ReportContext(1, "high", includePassing, category, List.of(),
        id -> id.equals("TEST-SEC-01") ? Optional.of(DOC_PAGE) : Optional.empty());
  }

  private static AuditResult audit(Path input, Rule... rules) throws Exception {
    Topology topology = new TopologyLoader().load(input);
    return new AuditEngine().evaluate(topology, List.of(pack(rules)), RuleParameters.defaults())
        .generatedAt("2026-11-01T00:00:00Z");
  }

  private static Rule[] allRules() {
    return new Rule[] {new FailingSecurityRule(), new MissingRule(), new UnknownRule(), new PassingRule(),
        new NotApplicableRule(), new ThrowingRule()};
  }

  /** The compliant example, named by a path relative to the working directory, as a user would. */
  private static Path compliantRelative() {
    Path absolute = Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json");
    return Path.of("").toAbsolutePath().relativize(absolute);
  }

  private static String sarif(AuditResult result, ReportContext context) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReportWriter().write(result, context, out);
    return out.toString();
  }

  private static JsonNode validated(String sarif) throws IOException {
    JsonNode log = JSON.readTree(sarif);
    List<Error> errors = schema.validate(log);
    assertThat(errors).as("schema errors").isEmpty();
    return log;
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static JsonNode resultOf(JsonNode run, String ruleId) {
    return list(run.path("results")).stream().filter(r -> r.path("ruleId").asText().equals(ruleId)).findFirst().orElseThrow();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFailingAuditIsValidAndListsEveryRuleButOnlyTheNonPassingResults() throws Exception {
    Path input = compliantRelative();
    AuditResult result = audit(input, allRules());
    String text = sarif(result, context(false, Optional.empty()));
    JsonNode log = validated(text);
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("runs")).hasSize(1);
    JsonNode run = log.path("runs").get(0);

    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("Plumbline");
    assertThat(driver.path("informationUri").asText()).isEqualTo("https://plumbline.dev");
    assertThat(list(driver.path("rules"))).extracting(r -> r.path("id").asText())
        .containsExactly("TEST-SEC-01", "TEST-REL-01", "TEST-OPS-01", "TEST-SEC-02", "TEST-COST-01", "TEST-REL-02");
    assertThat(list(driver.path("rules"))).extracting(r -> r.path("defaultConfiguration").path("level").asText())
        .containsExactly("error", "warning", "note", "note", "note", "warning");
    assertThat(list(driver.path("rules"))).extracting(r -> r.path("properties").path("security-severity").asText(null))
        .containsExactly("8.0", null, null, "1.0", null, null);
    JsonNode security = driver.path("rules").get(0);
    assertThat(list(security.path("properties").path("tags"))).extracting(JsonNode::asText).containsExactly("test-pack", "security");
    assertThat(list(driver.path("rules").get(1).path("properties").path("tags"))).extracting(JsonNode::asText)
        .containsExactly("test-pack", "reliability");
    assertThat(security.path("shortDescription").path("text").asText()).isEqualTo("Virtual networks are fenced.");
    assertThat(security.path("fullDescription").path("text").asText()).isEqualTo("Networks are fenced.\n\nOpen networks let anyone in.");
    assertThat(security.path("help").path("markdown").asText()).isEqualTo(DOC_PAGE);
    assertThat(security.path("helpUri").asText()).isEqualTo("https://plumbline.dev/rules/TEST-SEC-01");
    JsonNode undocumented = driver.path("rules").get(1);
    assertThat(undocumented.path("fullDescription").path("text").asText()).isEqualTo("A gateway is in scope.");
    assertThat(undocumented.path("help").path("text").asText())
        .isEqualTo("A gateway is in scope. See https://plumbline.dev/rules/TEST-REL-01 for the rule's page.");

    // FAIL, UNKNOWN and ERROR only: no pass, no notApplicable.
    assertThat(list(run.path("results"))).extracting(r -> r.path("ruleId").asText() + " " + r.path("kind").asText()
        + " " + r.path("level").asText() + " " + r.path("ruleIndex").asInt())
        .containsExactly("TEST-SEC-01 fail error 0", "TEST-REL-01 fail warning 1", "TEST-OPS-01 review none 2",
            "TEST-REL-02 open none 5");

    JsonNode failed = resultOf(run, "TEST-SEC-01");
    Finding vnetFinding = result.findings().stream().filter(f -> f.ruleId().equals("TEST-SEC-01")).findFirst().orElseThrow();
    assertThat(failed.path("partialFingerprints").path("plumbline/v1").asText()).isEqualTo(sha256(
        "TEST-SEC-01|" + vnetFinding.subject().id().toLowerCase() + "|properties.addressSpace.addressPrefixes"));
    assertThat(failed.path("message").path("text").asText()).isEqualTo("Network vnet-connect is open. Evidence: "
        + "properties.addressSpace.addressPrefixes expected '10.0.0.0/8', found '10.20.0.0/16'.");
    JsonNode location = failed.path("locations").get(0);
    String uri = input.toString().replace('\\', '/');
    assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo(uri);
    assertThat(location.path("physicalLocation").path("artifactLocation").path("uriBaseId").asText()).isEqualTo("SRCROOT");
    assertThat(location.path("physicalLocation").path("artifactLocation").path("index").asInt()).isZero();
    assertThat(location.path("physicalLocation").path("region").path("startLine").asInt())
        .isEqualTo(vnetFinding.subject().provenance().line()).isGreaterThan(1);
    assertThat(location.path("physicalLocation").path("region").path("startColumn").asInt())
        .isEqualTo(vnetFinding.subject().provenance().column());
    assertThat(location.path("logicalLocations").get(0).path("fullyQualifiedName").asText()).isEqualTo(vnetFinding.subject().id());
    assertThat(location.path("logicalLocations").get(0).path("kind").asText()).isEqualTo("resource");
    assertThat(failed.path("properties").path("severity").asText()).isEqualTo("HIGH");
    assertThat(failed.path("properties").path("status").asText()).isEqualTo("FAIL");
    assertThat(failed.path("properties").path("subjectType").asText()).isEqualTo(VNET);
    assertThat(failed.path("properties").path("evidence").get(0).path("actual").asText()).isEqualTo("10.20.0.0/16");

    // The scope has no place in a file: it points at line 1 of the first input.
    JsonNode scope = resultOf(run, "TEST-REL-01").path("locations").get(0);
    assertThat(scope.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo(uri);
    assertThat(scope.path("physicalLocation").path("region").toString()).isEqualTo("{\"startLine\":1}");
    assertThat(scope.path("logicalLocations").get(0).path("fullyQualifiedName").asText()).isEqualTo("scope");
    assertThat(scope.path("logicalLocations").get(0).has("kind")).isFalse();

    JsonNode invocation = run.path("invocations").get(0);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
    assertThat(invocation.path("endTimeUtc").asText()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(invocation.path("exitCode").asInt()).isEqualTo(1);
    JsonNode notification = invocation.path("toolExecutionNotifications").get(0);
    assertThat(invocation.path("toolExecutionNotifications")).hasSize(1);
    assertThat(notification.path("level").asText()).isEqualTo("error");
    assertThat(notification.path("associatedRule").path("id").asText()).isEqualTo("TEST-REL-02");
    assertThat(notification.path("associatedRule").path("index").asInt()).isEqualTo(5);
    assertThat(notification.path("message").path("text").asText()).startsWith("Rule TEST-REL-02 did not finish for the audited scope: ");

    assertThat(run.path("artifacts")).hasSize(1);
    assertThat(run.path("artifacts").get(0).path("location").path("uri").asText()).isEqualTo(uri);
    assertThat(run.path("artifacts").get(0).path("hashes").path("sha-256").asText()).isEqualTo(result.inputs().get(0).sha256());
    assertThat(run.path("originalUriBaseIds").has("SRCROOT")).isTrue();
    assertThat(run.has("automationDetails")).isFalse();
    assertThat(new SarifReportWriter().wrote(text.substring(0, Math.min(1024, text.length())))).isTrue();
  }

  @Test
  void passingResultsAndTheCategoryComeOnRequest() throws Exception {
    AuditResult result = audit(compliantRelative(), new PassingRule(), new NotApplicableRule());
    String text = sarif(result, context(true, Optional.of("posit/ha")));
    JsonNode run = validated(text).path("runs").get(0);
    List<JsonNode> results = list(run.path("results"));
    assertThat(results).hasSize(result.findings().size());
    assertThat(results).extracting(r -> r.path("kind").asText() + " " + r.path("level").asText())
        .containsOnly("pass none", "notApplicable none").contains("notApplicable none");
    assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("posit/ha/");
    assertThat(run.path("invocations").get(0).path("toolExecutionNotifications")).isEmpty();

    // Without the option the same audit has no results at all, and a category ending in "/" is kept.
    JsonNode quiet = validated(sarif(result, context(false, Optional.of("posit/ha/")))).path("runs").get(0);
    assertThat(quiet.path("results")).isEmpty();
    assertThat(quiet.path("automationDetails").path("id").asText()).isEqualTo("posit/ha/");
  }

  @Test
  void theSameAuditGivesTheSameBytes() throws Exception {
    AuditResult result = audit(compliantRelative(), allRules());
    assertThat(sarif(result, context(true, Optional.of("x")))).isEqualTo(sarif(result, context(true, Optional.of("x"))));
    AuditResult again = audit(compliantRelative(), allRules());
    assertThat(sarif(again, context(false, Optional.empty()))).isEqualTo(sarif(result, context(false, Optional.empty())));
  }

  /** A topology whose names, tags and property values hold markup, quotes and every kind of control character. */
  private Path hostileTopology(String name, String prefix) throws IOException {
    ArrayNode resources = JSON.createArrayNode();
    for (int i = 0; i < 2; i++) {
      // ARM names hold no "/"; everything else hostile stays.
      String resourceName = "vnet-" + i + HOSTILE.replace("/", "");
      ObjectNode vnet = resources.addObject();
      vnet.put("id", "/subscriptions/s/resourceGroups/rg/providers/" + VNET + "/" + resourceName);
      vnet.put("name", resourceName);
      vnet.put("type", VNET);
      vnet.put("location", "eastus2");
      vnet.putObject("tags").put("owner", HOSTILE).put(HOSTILE, "key" + HOSTILE);
      vnet.putObject("properties").put("description", "</script><script>alert(1)</script>" + HOSTILE)
          .putObject("addressSpace").putArray("addressPrefixes").add("10.0.0.0/16");
    }
    Path file = temp.resolve(name);
    Files.writeString(file, prefix + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(resources), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void hostileNamesStayDataAndNeverBreakTheDocument() throws Exception {
    AuditResult result = audit(hostileTopology("hostile \u202E names.json", ""), new EchoRule(), new UnknownRule());
    String text = sarif(result, context(true, Optional.of("cat" + HOSTILE)));
    JsonNode log = validated(text);
    // No raw control, format or separator character anywhere but the pretty-printer's newlines.
    assertThat(text.chars().filter(c -> c != '\n' && dev.plumbline.reports.UntrustedText.invisible(c))).isEmpty();
    assertThat(text).contains("\\u202E", "\\u2028", "\\u0000", "\\u0085", "\\u007F");

    JsonNode run = log.path("runs").get(0);
    List<JsonNode> echoed = list(run.path("results")).stream().filter(r -> r.path("ruleId").asText().equals("TEST-ECHO-01")).toList();
    assertThat(echoed).hasSize(2);
    JsonNode first = echoed.get(0);
    // Data round-trips exactly: the evidence and the ARM id are the input's own strings.
    assertThat(first.path("properties").path("evidence").get(0).path("actual").asText()).isEqualTo(HOSTILE);
    assertThat(first.path("properties").path("evidence").get(1).path("actual").asText())
        .isEqualTo("</script><script>alert(1)</script>" + HOSTILE);
    assertThat(first.path("locations").get(0).path("logicalLocations").get(0).path("name").asText()).isEqualTo("vnet-0" + HOSTILE.replace("/", ""));
    // Sentences show the hidden characters instead of obeying them.
    String message = first.path("message").path("text").asText();
    assertThat(message).contains("<script>alert(\"x\")</script>", "\\u202Egnp.exe", "\\u0000", "\\u001F", "\\u2028")
        .doesNotContain("\u202E", "\u2028", "\u0000", "\n");
    assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("cat" + HOSTILE + "/");
    assertThat(run.path("artifacts").get(0).path("location").path("uri").asText()).startsWith("file:///").endsWith("/hostile%20%E2%80%AE%20names.json");
  }

  @Test
  void theFingerprintDoesNotMoveWhenTheFileGainsLinesAtTheTop() throws Exception {
    AuditResult before = audit(hostileTopology("before.json", ""), new EchoRule());
    AuditResult after = audit(hostileTopology("after.json", "\n\n\n\n\n"), new EchoRule());
    List<JsonNode> was = list(validated(sarif(before, context(false, Optional.empty()))).path("runs").get(0).path("results"));
    List<JsonNode> is = list(validated(sarif(after, context(false, Optional.empty()))).path("runs").get(0).path("results"));
    assertThat(is).hasSameSizeAs(was).hasSize(2);
    List<String> fingerprints = new ArrayList<>();
    for (int i = 0; i < was.size(); i++) {
      String fingerprint = was.get(i).path("partialFingerprints").path("plumbline/v1").asText();
      assertThat(is.get(i).path("partialFingerprints").path("plumbline/v1").asText()).isEqualTo(fingerprint).hasSize(64);
      assertThat(line(is.get(i))).isEqualTo(line(was.get(i)) + 5);
      fingerprints.add(fingerprint);
    }
    assertThat(fingerprints).doesNotHaveDuplicates();
  }

  private static int line(JsonNode result) {
    return result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt();
  }

  @Test
  void fiftyThousandFindingsStreamQuickly() throws Exception {
    AuditResult small = audit(compliantRelative(), new FailingSecurityRule());
    Finding template = small.findings().get(0);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      Subject subject = new Subject(template.subject().id() + i, template.subject().name() + i, template.subject().type(),
          template.subject().provenance());
      findings.add(new Finding(template.ruleId(), subject, i % 10 == 0 ? Status.UNKNOWN : Status.FAIL, template.message(),
          template.evidence()));
    }
    AuditResult large = new AuditResult(small.inputs(), small.packs(), small.rules(), small.parameters(), findings, List.of(),
        List.of(), small.capturedAt(), small.resources(), small.generatedAt());
    long[] written = {0};
    java.io.Writer counting = new java.io.Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) {
        written[0] += length;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    long start = System.nanoTime();
    new SarifReportWriter().write(large, context(false, Optional.empty()), counting);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("SARIF for 50,000 findings: " + written[0] + " characters in " + millis + " ms");
    assertThat(written[0]).isGreaterThan(50_000L * 500);
    assertThat(millis).isLessThan(20_000);
  }

  @Test
  void fileNamesBecomeUriReferences() {
    assertThat(SarifReportWriter.FileUri.of("examples/a b#1.json"))
        .isEqualTo(new SarifReportWriter.FileUri("examples/a%20b%231.json", true));
    assertThat(SarifReportWriter.FileUri.of("./x.json")).isEqualTo(new SarifReportWriter.FileUri("x.json", true));
    assertThat(SarifReportWriter.FileUri.of("a:b.json")).isEqualTo(new SarifReportWriter.FileUri("./a:b.json", true));
    assertThat(SarifReportWriter.FileUri.of("..\\up\\ü.json")).isEqualTo(new SarifReportWriter.FileUri("../up/%C3%BC.json", true));
    assertThat(SarifReportWriter.FileUri.of("/work/a b.json")).isEqualTo(new SarifReportWriter.FileUri("file:///work/a%20b.json", false));
    assertThat(SarifReportWriter.FileUri.of("C:\\work\\a.json")).isEqualTo(new SarifReportWriter.FileUri("file:///C:/work/a.json", false));
  }

  @Test
  void levelsKindsAndScoresFollowTheSeverity() {
    assertThat(Map.of(Severity.HIGH, SarifReportWriter.level(Severity.HIGH), Severity.MEDIUM, SarifReportWriter.level(Severity.MEDIUM),
        Severity.LOW, SarifReportWriter.level(Severity.LOW), Severity.INFO, SarifReportWriter.level(Severity.INFO)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.HIGH, "error", Severity.MEDIUM, "warning", Severity.LOW, "note",
            Severity.INFO, "note"));
    assertThat(List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)).extracting(SarifReportWriter::securitySeverity)
        .containsExactly("8.0", "5.0", "3.0", "1.0");
    assertThat(List.of(Status.values())).extracting(SarifReportWriter::kind)
        .containsExactly("pass", "fail", "review", "notApplicable", "open");
  }
}
