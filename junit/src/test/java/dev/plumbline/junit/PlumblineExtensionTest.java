package dev.plumbline.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.dsl.ResourceConditions;
import dev.plumbline.core.rule.dsl.ResourceRules;
import dev.plumbline.core.rule.dsl.ValueConditions;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.Pillar;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the real JUnit engine and reads what happened to each test, as
 * a user's build would see it. The nested classes are not run by Surefire on their own.
 */
class PlumblineExtensionTest {

  private static Events run(Class<?>... classes) {
    var request = EngineTestKit.engine("junit-jupiter");
    for (Class<?> type : classes) {
      request = request.selectors(selectClass(type));
    }
    return request.execute().testEvents();
  }

  private static List<String> names(Events events, EventType type, TestExecutionResult.Status status) {
    return events.stream().filter(e -> e.getType() == type)
        .filter(e -> status == null || e.getPayload(TestExecutionResult.class).map(r -> r.getStatus() == status).orElse(false))
        .map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  private static String failureMessage(Events events, String nameStart) {
    return events.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().startsWith(nameStart))
        .findFirst().orElseThrow()
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
  }

  @PlumblineTest(snapshot = "../examples/posit-connect-ha/compliant.json")
  static class CompliantCase {
    @TestFactory
    Stream<DynamicTest> referenceDesign(PlumblineAudit audit) {
      return audit.dynamicTests();
    }
  }

  @Test
  void theCompliantExamplePassesAndTheInfoFindingIsSkippedWithItsReason() {
    Events events = run(CompliantCase.class);

    assertThat(events.failed().count()).isZero();
    assertThat(events.succeeded().count()).isGreaterThan(40);
    assertThat(names(events, EventType.FINISHED, TestExecutionResult.Status.ABORTED))
        .containsExactly("PCHA-HA-02 Connect.Resilience.ZoneLoss [zone-1]");
    Event aborted = events.aborted().stream().findFirst().orElseThrow();
    assertThat(aborted.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
        .startsWith("FAIL below the fail-on severity LOW (rule is INFO):");
  }

  @Test
  void eachDynamicTestIsNamedByRuleAndSubjectAndLinksTheRulePage() {
    Events events = run(CompliantCase.class);

    Event gateway = events.started().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals("PCHA-AGW-04 Connect.Gateway.Redundancy [agw-connect]"))
        .findFirst().orElseThrow();
    assertThat(gateway.getTestDescriptor().getSource()).get().isInstanceOf(UriSource.class)
        .extracting(source -> ((UriSource) source).getUri())
        .isEqualTo(URI.create("https://plumbline.dev/rules/PCHA-AGW-04"));
  }

  @PlumblineTest(snapshot = "../examples/posit-connect-ha/violations/no-cookie-affinity.json")
  static class ViolationCase {
    @TestFactory
    Stream<DynamicTest> referenceDesign(PlumblineAudit audit) {
      return audit.dynamicTests();
    }
  }

  @Test
  void aViolationFailsExactlyItsRulesTestWithARuleResourcePropertyMessage() {
    Events events = run(ViolationCase.class);

    assertThat(names(events, EventType.FINISHED, TestExecutionResult.Status.FAILED))
        .containsExactly("PCHA-AGW-02 Connect.Gateway.CookieAffinity [settings-connect]");
    assertThat(failureMessage(events, "PCHA-AGW-02"))
        .startsWith("PCHA-AGW-02 Connect.Gateway.CookieAffinity failed for settings-connect:\n")
        .contains("  rule:     PCHA-AGW-02 Connect.Gateway.CookieAffinity (HIGH)\n")
        .contains("  property: properties.cookieBasedAffinity\n  expected: Enabled\n  actual:   Disabled\n");
  }

  @PlumblineTest(snapshot = "../examples/posit-connect-ha/compliant.json")
  static class ParameterCase {
    static final List<Object> SEEN = new ArrayList<>();

    @Test
    void first(Topology topology, AuditResult result) {
      SEEN.add(topology);
      SEEN.add(result);
    }
  }

  @PlumblineTest(snapshot = "../examples/posit-connect-ha/compliant.json")
  static class SameSourceCase {
    @Test
    void second(Topology topology, AuditResult result) {
      ParameterCase.SEEN.add(topology);
      ParameterCase.SEEN.add(result);
    }
  }

  @Test
  void classesWithTheSameSourceShareOneLoadedTopologyAndResult() {
    ParameterCase.SEEN.clear();

    Events events = run(ParameterCase.class, SameSourceCase.class);

    assertThat(events.succeeded().count()).isEqualTo(2);
    assertThat(ParameterCase.SEEN).hasSize(4);
    assertThat(ParameterCase.SEEN.get(0)).isSameAs(ParameterCase.SEEN.get(2));
    assertThat(ParameterCase.SEEN.get(1)).isSameAs(ParameterCase.SEEN.get(3));
  }

  static class LiveWithoutCredentialsCase {
    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder()
        .live("00000000-0000-0000-0000-000000000000", "rg-posit-connect")
        .environment(Map.of("AZURE_CONFIG_DIR", "/nonexistent/plumbline-test-azure-config"))
        .build();

    @Test
    void audit(AuditResult result) {
      throw new AssertionError("must not run without credentials");
    }
  }

  @Test
  void aLiveScopeWithoutCredentialsAbortsWithTheReasonInsteadOfFailing() {
    Events events = run(LiveWithoutCredentialsCase.class);

    assertThat(events.failed().count()).isZero();
    Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LiveWithoutCredentialsCase.class))
        .execute().containerEvents();
    Event aborted = all.aborted().stream().findFirst().orElseThrow();
    assertThat(aborted.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
        .startsWith("Live audit of subscription 00000000-0000-0000-0000-000000000000, resource group rg-posit-connect"
            + " skipped: no Azure credentials found.")
        .contains("AZURE_CLIENT_ID").contains("az login");
  }

  @PlumblineTest(snapshot = "../examples/posit-connect-ha/violations/postgres-15.json",
      suppressions = "src/test/resources/suppressions/postgres-15-accepted.json")
  static class SuppressedCase {
    @TestFactory
    Stream<DynamicTest> referenceDesign(PlumblineAudit audit) {
      return audit.dynamicTests("PCHA-PG-02");
    }
  }

  @Test
  void aSuppressedFindingIsSkippedWithItsJustification() {
    Events events = run(SuppressedCase.class);

    assertThat(events.failed().count()).isZero();
    Event aborted = events.aborted().stream().findFirst().orElseThrow();
    assertThat(aborted.getTestDescriptor().getDisplayName()).isEqualTo("PCHA-PG-02 Connect.Database.Version [psql-connect]");
    assertThat(aborted.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
        .startsWith("Suppressed until 2099-12-31: Upgrade to 16 is scheduled with the vendor.");
  }

  static class CustomRuleCase {
    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder()
        .snapshot(Examples.compliant())
        .rules(ResourceRules.resources().ofType(ResourceType.VIRTUAL_MACHINE)
            .should(ResourceConditions.haveProperty("properties.priority", ValueConditions.equalTo("Spot")))
            .because("this test wants a failure")
            .asRule("ACME-VM-01", "Acme.Vm.Spot", Severity.MEDIUM, Pillar.COST))
        .failOn(Severity.HIGH)
        .unknown(UnknownPolicy.ABORT)
        .build();

    @TestFactory
    Stream<DynamicTest> custom(PlumblineAudit audit) {
      return audit.dynamicTests("ACME-VM-01");
    }
  }

  @Test
  void customRulesRunBesideThePacksAndFailuresBelowFailOnAreSkippedNotPassed() {
    Events events = run(CustomRuleCase.class);

    assertThat(events.failed().count()).isZero();
    assertThat(names(events, EventType.FINISHED, TestExecutionResult.Status.ABORTED))
        .containsExactlyInAnyOrder("ACME-VM-01 Acme.Vm.Spot [vm-connect-1]", "ACME-VM-01 Acme.Vm.Spot [vm-connect-2]");
  }

  @PlumblineTest(snapshot = "src/test/resources/broken/truncated.json")
  static class BrokenInputCase {
    @Test
    void audit(AuditResult result) {
      throw new AssertionError("must not run on a broken input");
    }
  }

  @Test
  void anUnreadableInputFailsTheClassWithItsOneLineError() {
    Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenInputCase.class)).execute().allEvents();

    Event failed = all.failed().stream().findFirst().orElseThrow();
    String message = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    assertThat(message).startsWith("Plumbline could not load the topology: ")
        .contains(Path.of("src/test/resources/broken/truncated.json").toAbsolutePath().toString() + ":")
        .doesNotContain("\n");
  }


  private static final dev.plumbline.core.rule.Rule NO_NAT = ResourceRules.resources().ofType(ResourceType.NAT_GATEWAY)
      .should(ResourceConditions.haveProperty("sku.name", ValueConditions.equalTo("Standard"))).allowEmptyShould(true)
      .asRule("ACME-NAT-01", "Acme.Nat.Sku", Severity.HIGH, Pillar.RELIABILITY);

  private static final dev.plumbline.core.rule.Rule OWNER_KNOWN = ResourceRules.resources().ofType(ResourceType.VIRTUAL_MACHINE)
      .should(ResourceConditions.haveProperty("properties.extendedLocation.name", ValueConditions.present()))
      .asRule("ACME-VM-02", "Acme.Vm.EdgeZone", Severity.HIGH, Pillar.RELIABILITY);

  static class UnknownFailsCase {
    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder().snapshot(Examples.compliant())
        .rules(NO_NAT, OWNER_KNOWN).build();

    @TestFactory
    Stream<DynamicTest> custom(PlumblineAudit audit) {
      return audit.dynamicTests("ACME-NAT-01", "ACME-VM-02");
    }
  }

  static class UnknownAbortsCase {
    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder().snapshot(Examples.compliant())
        .rules(OWNER_KNOWN).unknown(UnknownPolicy.ABORT).build();

    @TestFactory
    Stream<DynamicTest> custom(PlumblineAudit audit) {
      return audit.dynamicTests("ACME-VM-02");
    }
  }

  @Test
  void notApplicableIsSkippedWithItsReasonAndUnknownFailsUnlessTheSuiteSaysOtherwise() {
    Events strict = run(UnknownFailsCase.class);
    Events lenient = run(UnknownAbortsCase.class);

    assertThat(names(strict, EventType.FINISHED, TestExecutionResult.Status.ABORTED))
        .containsExactly("ACME-NAT-01 Acme.Nat.Sku [scope]");
    assertThat(strict.aborted().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow().getMessage())
        .isEqualTo("Not applicable: No NAT gateway is in scope, and the rule allows that.");
    assertThat(names(strict, EventType.FINISHED, TestExecutionResult.Status.FAILED))
        .containsExactlyInAnyOrder("ACME-VM-02 Acme.Vm.EdgeZone [vm-connect-1]", "ACME-VM-02 Acme.Vm.EdgeZone [vm-connect-2]");
    assertThat(failureMessage(strict, "ACME-VM-02"))
        .startsWith("ACME-VM-02 Acme.Vm.EdgeZone could not be decided for vm-connect-")
        .contains("  property: properties.extendedLocation.name\n  expected: a value\n  actual:   (absent)\n");
    assertThat(lenient.failed().count()).isZero();
    assertThat(names(lenient, EventType.FINISHED, TestExecutionResult.Status.ABORTED)).hasSize(2);
  }

  /** The compliant example split in two: its resources without node facts, and the facts alone. */
  private static final Path[] SPLIT = split();

  private static Path[] split() {
    try {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var whole = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Examples.compliant().toFile());
      Path dir = java.nio.file.Files.createTempDirectory("plumbline-node-facts");
      var resources = whole.deepCopy();
      resources.remove("nodes");
      var facts = whole.deepCopy();
      facts.set("resources", json.createArrayNode());
      facts.remove("gaps");
      Path resourcesFile = dir.resolve("resources.json");
      Path factsFile = dir.resolve("node-facts.json");
      json.writeValue(resourcesFile.toFile(), resources);
      json.writeValue(factsFile.toFile(), facts);
      resourcesFile.toFile().deleteOnExit();
      factsFile.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return new Path[] {resourcesFile, factsFile};
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static class WithoutNodeFactsCase {
    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder().snapshot(SPLIT[0]).build();

    @TestFactory
    Stream<DynamicTest> parity(PlumblineAudit audit) {
      return audit.dynamicTests("PCHA-VM-06");
    }
  }

  static class WithNodeFactsCase {
    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder().snapshot(SPLIT[0]).nodeFacts(SPLIT[1]).build();

    @TestFactory
    Stream<DynamicTest> parity(PlumblineAudit audit) {
      return audit.dynamicTests("PCHA-VM-06");
    }
  }

  @Test
  void nodeFactsGivenBesideTheSnapshotDecideTheNodeFactRules() {
    Events without = run(WithoutNodeFactsCase.class);
    Events with = run(WithNodeFactsCase.class);

    assertThat(without.failed().count()).isPositive();
    assertThat(failedMessages(without)).allSatisfy(message -> assertThat(message).contains("UNKNOWN"));
    assertThat(with.failed().count()).isZero();
    assertThat(with.succeeded().count()).isPositive();
  }

  private static List<String> failedMessages(Events events) {
    return events.failed().stream().map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
        .orElseThrow().getMessage()).toList();
  }

  static class LiveCase {
    static final dev.plumbline.core.live.FakeArm ARM = startArm();

    @RegisterExtension
    static PlumblineExtension plumbline = PlumblineExtension.builder()
        .live(dev.plumbline.core.live.ReferenceDeployment.SUBSCRIPTION)
        .armEndpoint(URI.create(ARM.baseUrl()), ARM.certificatePem())
        .environment(Map.of("PLUMBLINE_ACCESS_TOKEN", dev.plumbline.core.live.ReferenceDeployment.TOKEN))
        .unknown(UnknownPolicy.ABORT)
        .build();

    private static dev.plumbline.core.live.FakeArm startArm() {
      try {
        return dev.plumbline.core.live.FakeArm.start(true).serve(dev.plumbline.core.live.ReferenceDeployment.reference());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @TestFactory
    Stream<DynamicTest> referenceDesign(PlumblineAudit audit) {
      return audit.dynamicTests();
    }
  }

  @Test
  void aLiveScopeIsAuditedThroughTheSameLoaderAsTheCommandLine() {
    try {
      Events events = run(LiveCase.class);

      assertThat(failedMessages(events)).isEmpty();
      assertThat(events.succeeded().count()).isGreaterThan(40);
      assertThat(names(events, EventType.FINISHED, TestExecutionResult.Status.ABORTED))
          .anyMatch(name -> name.startsWith("PCHA-VM-06 Connect.Nodes.Version"));
      assertThat(LiveCase.ARM.requests()).hasSizeLessThanOrEqualTo(3);
    } finally {
      LiveCase.ARM.close();
    }
  }
}
