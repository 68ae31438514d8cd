package dev.plumbline.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.load.SnapshotWriter;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.dsl.ResourceConditions;
import dev.plumbline.core.rule.dsl.ResourceRules;
import dev.plumbline.core.rule.dsl.ValueConditions;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Severity;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Azure SDK against a local HTTPS stand-in for ARM and Resource Graph: no network. */
class LiveTopologyLoaderTest {

  static final String SUBSCRIPTION = ReferenceDeployment.SUBSCRIPTION;
  static final String TOKEN = ReferenceDeployment.TOKEN;
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeArm arm;
  private final List<String> logged = Collections.synchronizedList(new ArrayList<>());

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

  static List<JsonNode> reference() {
    return ReferenceDeployment.reference();
  }

  static Path compliant() {
    return ReferenceDeployment.compliant();
  }

  private LiveOptions options(LiveScope scope) {
    return LiveOptions.of(scope).withArmEndpoint(URI.create(arm.baseUrl())).withAccessToken(TOKEN)
        .withCaCertificates(arm.certificatePem())
        .withRetries(2, Duration.ofMillis(50), Duration.ofSeconds(2))
        .withLogs(logged::add, logged::add);
  }

  private static List<String> outcomes(Topology topology) throws Exception {
    RulePack pack = RulePack.of("test", "Test", "1", List.of(
        ResourceRules.resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
            .should(ResourceConditions.haveProperty("properties.version", ValueConditions.equalTo("16")))
            .asRule("TEST-PG-01", "Test.Pg", Severity.HIGH, Pillar.RELIABILITY),
        ResourceRules.resources().ofType(ResourceType.APPLICATION_GATEWAY)
            .should(ResourceConditions.haveEach("properties.backendHttpSettingsCollection",
                ResourceConditions.haveProperty("properties.cookieBasedAffinity", ValueConditions.equalTo("Enabled"))))
            .asRule("TEST-AGW-01", "Test.Agw", Severity.HIGH, Pillar.RELIABILITY)));
    return new AuditEngine().evaluate(topology, List.of(pack), RuleParameters.defaults()).findings().stream()
        .map(f -> f.ruleId() + " " + f.subject().id() + " " + f.status() + " " + f.message()).toList();
  }

  @Test
  void theReferenceDeploymentLoadsInOneResourceGraphPageAndTwoGets() throws Exception {
    arm.serve(reference());

    LiveTopologyLoader.LiveLoad load = new LiveTopologyLoader().load(options(LiveScope.subscription(SUBSCRIPTION)));

    assertThat(arm.requests()).hasSizeLessThanOrEqualTo(3);
    assertThat(load.requests()).isEqualTo(arm.requests().size());
    assertThat(load.resourceGraphPages()).isEqualTo(1);
    assertThat(arm.requests()).allSatisfy(request -> {
      assertThat(request.method().equals("GET") || request.method().equals("POST")
          && request.path().equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources")).isTrue();
      assertThat(request.headers().get("authorization")).containsExactly("Bearer " + TOKEN);
    });
    assertThat(load.topology().topLevelResources()).hasSize(reference().size());
    assertThat(load.topology().gaps()).isEmpty();
    assertThat(String.join("\n", logged)).doesNotContain(TOKEN);
    assertThat(arm.requests()).filteredOn(request -> request.method().equals("GET"))
        .allSatisfy(request -> assertThat(request.body()).isEmpty());
    assertThat(arm.requests()).filteredOn(request -> request.method().equals("POST")).singleElement().satisfies(post -> {
      JsonNode body = JSON.readTree(post.body());
      assertThat(body.fieldNames()).toIterable().isSubsetOf("subscriptions", "managementGroups", "query", "options", "facets");
      assertThat(body.path("query").asText()).startsWith("Resources");
    });
  }

  @Test
  void whenArmSaysFewReadsAreLeftTheLoaderSlowsDownAndSaysSo() throws Exception {
    arm.serve(reference()).readsRemaining(95);

    LiveTopologyLoader.LiveLoad load = new LiveTopologyLoader().load(options(LiveScope.subscription(SUBSCRIPTION)));

    assertThat(load.topology().gaps()).isEmpty();
    assertThat(logged).contains("Azure Resource Manager reports 95 reads left; slowing down to avoid throttling");
  }

  @Test
  void theLiveTopologyAndASnapshotOfItGiveTheSameFindingsAsTheExportedFile() throws Exception {
    arm.serve(reference());
    Topology live = new LiveTopologyLoader().load(options(LiveScope.subscription(SUBSCRIPTION))).topology();
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    new SnapshotWriter().write(live, JSON.createObjectNode().put("kind", "live"), snapshot);
    Path file = dir.resolve("snapshot.json");
    Files.write(file, snapshot.toByteArray());

    Topology reloaded = new TopologyLoader().load(file);
    Topology exported = new TopologyLoader().load(compliant());

    assertThat(outcomes(live)).isNotEmpty().isEqualTo(outcomes(reloaded)).isEqualTo(outcomes(exported));
    assertThat(reloaded.scopes()).isEqualTo(live.scopes());
  }

  @Test
  void tenThousandResourcesTakeTenResourceGraphPagesAndNoOtherRequest() throws Exception {
    arm.serve(ReferenceDeployment.synthetic(10_000, SUBSCRIPTION));

    LiveTopologyLoader.LiveLoad load = new LiveTopologyLoader().load(options(LiveScope.subscription(SUBSCRIPTION)));

    assertThat(load.resourceGraphPages()).isEqualTo(10);
    assertThat(arm.requests()).hasSize(10).allSatisfy(request -> assertThat(request.method()).isEqualTo("POST"));
    assertThat(load.topology().topLevelResources()).hasSize(10_000);
    assertThat(load.topology().gaps()).isEmpty();
  }

  @Test
  void throttlingWithRetryAfterAndAServerErrorAreRetriedAndLeaveNoGap() throws Exception {
    arm.serve(reference())
        .fault("POST", "resourcegraph", FakeArm.Fault.status(429).retryAfterSeconds(1).times(1))
        .fault("GET", "require_secure_transport", FakeArm.Fault.status(500).times(1));

    LiveTopologyLoader.LiveLoad load = new LiveTopologyLoader().load(options(LiveScope.subscription(SUBSCRIPTION)));

    assertThat(load.retries()).isEqualTo(2);
    assertThat(arm.requests()).extracting(FakeArm.RecordedRequest::method).filteredOn("POST"::equals).hasSize(2);
    assertThat(load.topology().gaps()).isEmpty();
    assertThat(load.topology().topLevelResources()).hasSize(reference().size());
  }

  @Test
  void aDeniedResourceGroupIsAGapAndTheRulesThatNeededItSayUnknown() throws Exception {
    List<JsonNode> app = reference().stream()
        .filter(r -> !r.path("type").asText().toLowerCase(Locale.ROOT).contains("dbforpostgresql")).toList();
    List<JsonNode> moved = new ArrayList<>(app);
    arm.serve(moved).fault("GET", "/resourcegroups/rg-data$", FakeArm.Fault.status(403));
    LiveScope scope = new LiveScope(List.of(SUBSCRIPTION), List.of(), List.of("rg-posit-connect", "rg-data"), java.util.Map.of());

    Topology topology = new LiveTopologyLoader().load(options(scope)).topology();

    assertThat(topology.gaps()).filteredOn(gap -> gap.kind() == Gap.Kind.UNREAD).singleElement().satisfies(gap -> {
      assertThat(gap.subject()).isEqualTo("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-data");
      assertThat(gap.reason()).contains("HTTP 403 AuthorizationFailed");
    });
    assertThat(outcomes(topology)).filteredOn(line -> line.startsWith("TEST-PG-01")).singleElement()
        .satisfies(line -> assertThat(line).contains(" UNKNOWN ").contains("could not be read"));
    assertThat(topology.scopes()).extracting(node -> node.path("resourceGroup").asText() + ":" + node.path("status").asText())
        .contains("rg-data:denied", "rg-posit-connect:read");
  }

  @Test
  void withoutResourceGraphEachGroupIsListedAndEachResourceReadWithItsProvidersVersion() throws Exception {
    arm.serve(reference()).fault("GET", "/resourceGroups/rg-data/resources", FakeArm.Fault.status(403));
    LiveScope scope = new LiveScope(List.of(SUBSCRIPTION), List.of(), List.of("rg-posit-connect", "rg-data"), java.util.Map.of());

    Topology topology = new LiveTopologyLoader().load(options(scope).withResourceGraph(false)).topology();

    assertThat(arm.requests()).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    assertThat(arm.requests()).allSatisfy(request -> assertThat(request.query()).contains("api-version="));
    assertThat(topology.topLevelResources()).hasSizeGreaterThanOrEqualTo(reference().size() - 1);
    assertThat(topology.gaps()).filteredOn(gap -> gap.kind() == Gap.Kind.UNREAD).singleElement()
        .extracting(Gap::subject).isEqualTo("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-data");
  }

  @Test
  void aHangingResponseHitsTheTimeoutAndBecomesAGap() throws Exception {
    arm.serve(reference()).fault("GET", "require_secure_transport", FakeArm.Fault.hang());

    Topology topology = new LiveTopologyLoader().load(options(LiveScope.subscription(SUBSCRIPTION))
        .withRetries(1, Duration.ofMillis(50), Duration.ofSeconds(1))).topology();

    assertThat(topology.gaps()).singleElement().satisfies(gap -> {
      assertThat(gap.kind()).isEqualTo(Gap.Kind.UNREAD);
      assertThat(gap.subject()).endsWith("/configurations/require_secure_transport");
      assertThat(gap.reason()).contains("no response within the timeout");
    });
  }

  @Test
  void theReadOnlyGuardRefusesWritesBeforeTheyLeave() {
    assertThatThrownBy(() -> ReadOnlyGuard.check(new HttpRequest(HttpMethod.PUT,
        arm.baseUrl() + "subscriptions/s/resourceGroups/rg?api-version=2021-04-01")))
        .isInstanceOf(ReadOnlyGuard.ReadOnlyViolation.class).hasMessageContaining("refused PUT");
    assertThatThrownBy(() -> ReadOnlyGuard.check(new HttpRequest(HttpMethod.POST,
        arm.baseUrl() + "subscriptions/s/providers/Microsoft.Compute/virtualMachines/vm/start")))
        .isInstanceOf(ReadOnlyGuard.ReadOnlyViolation.class);
    assertThatThrownBy(() -> ReadOnlyGuard.check(new HttpRequest(HttpMethod.DELETE, arm.baseUrl() + "subscriptions/s")))
        .isInstanceOf(ReadOnlyGuard.ReadOnlyViolation.class);
    ReadOnlyGuard.check(new HttpRequest(HttpMethod.GET, arm.baseUrl() + "subscriptions/s"));
    ReadOnlyGuard.check(new HttpRequest(HttpMethod.POST, arm.baseUrl() + "providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01"));
    assertThat(arm.requests()).isEmpty();
  }

  @Test
  void aWriteThroughTheClientNeverReachesTheServer() {
    ArmClient client = new ArmClient(options(LiveScope.subscription(SUBSCRIPTION)));
    HttpRequest put = new HttpRequest(HttpMethod.PUT, arm.baseUrl() + "subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg?api-version=2021-04-01");

    assertThatThrownBy(() -> client.pipeline().sendSync(put, com.azure.core.util.Context.NONE))
        .hasMessageContaining("Plumbline is read-only");
    assertThat(arm.requests()).isEmpty();
  }

  @Test
  void aTokenOverPlainHttpIsRefusedExceptOnLoopback() {
    assertThatThrownBy(() -> LiveOptions.of(LiveScope.subscription(SUBSCRIPTION))
        .withArmEndpoint(URI.create("http://management.example.com/")))
        .hasMessageContaining("must use https");
    assertThat(LiveOptions.of(LiveScope.subscription(SUBSCRIPTION)).withArmEndpoint(URI.create("http://127.0.0.1:8080"))
        .endpoint()).isEqualTo("http://127.0.0.1:8080/");
  }

  @Test
  void theQueryNarrowsToResourceGroupsAndTagsAndShapesRowsAsArmResources() {
    String kql = LiveTopologyLoader.query(new LiveScope(List.of(SUBSCRIPTION), List.of(), List.of("rg-a", "rg'b"),
        java.util.Map.of("app", "connect")));

    assertThat(kql).contains("| where resourceGroup in~ ('rg-a', 'rg\\'b')")
        .contains("| where tags['app'] =~ 'connect'")
        .contains("| project id, name, type, kind, location, zones, sku, tags, identity, properties");
  }


  @Test
  void microsoftsOwnExampleResponsesLoadThroughTheSdkAsTheyAre() throws Exception {
    Path examples = Path.of(System.getProperty("plumbline.shared", "../../shared")).resolve("fixtures/azure-rest-examples");
    arm.serveExamples(examples);

    LiveTopologyLoader.LiveLoad load = new LiveTopologyLoader().load(options(
        new LiveScope(List.of("subid", "ffffffff-ffff-ffff-ffff-ffffffffffff", "D633CC2E-722B-4AE1-B636-BBD9E4C60ED9"),
            List.of(), List.of(), java.util.Map.of())));

    assertThat(load.resourceGraphPages()).isEqualTo(1);
    assertThat(load.topology().ofType(ResourceType.APPLICATION_GATEWAY)).isNotEmpty();
    assertThat(load.topology().ofType(ResourceType.VIRTUAL_NETWORK)).isNotEmpty();
    assertThat(load.topology().ofType(ResourceType.NETAPP_VOLUME)).isNotEmpty();
    assertThat(load.topology().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)).isNotEmpty();
    assertThat(arm.requests()).allSatisfy(request -> assertThat(request.method().equals("GET")
        || request.path().equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources")).isTrue());
  }
}
