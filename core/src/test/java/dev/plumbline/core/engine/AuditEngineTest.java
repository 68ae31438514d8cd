package dev.plumbline.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.TopologyBuilder;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEngineTest {

  @RuleDefinition(id = "TEST-OK-01", name = "Test.Ok", summary = "Passes every resource.", severity = Severity.HIGH,
      pillar = Pillar.RELIABILITY,
      parameters = @RuleDefinition.Parameter(name = "threshold", type = ParameterType.INTEGER, defaultValue = "5",
          description = "A number."))
  static final class PassingRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      long threshold = context.integer("threshold");
      return context.topology().resources().stream()
          .map(r -> context.pass(r, "Threshold is " + threshold + ".")).toList();
    }
  }

  @RuleDefinition(id = "TEST-THROW-01", name = "Test.Throws", summary = "Throws.", severity = Severity.MEDIUM,
      pillar = Pillar.SECURITY)
  static final class ThrowingRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      throw new IllegalStateException("boom\nsecond line");
    }
  }

  @RuleDefinition(id = "TEST-SILENT-01", name = "Test.Silent", summary = "Says nothing.", severity = Severity.LOW,
      pillar = Pillar.OPERATIONS)
  static final class SilentRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return List.of();
    }
  }

  @RuleDefinition(id = "TEST-UNKNOWN-01", name = "Test.Unknown", summary = "Cannot tell.", severity = Severity.LOW,
      pillar = Pillar.OPERATIONS)
  static final class UnknownRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return List.of(context.unknown(Subject.scope(), "Data is missing."));
    }
  }

  @RuleDefinition(id = "TEST-FOREIGN-01", name = "Test.Foreign", summary = "Claims another rule's id.", severity = Severity.LOW,
      pillar = Pillar.OPERATIONS)
  static final class ForeignIdRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return List.of(new Finding("TEST-OK-01", Subject.scope(), Status.PASS, "Not mine.", List.of()));
    }
  }

  private static Topology topology() throws Exception {
    ObjectMapper json = new ObjectMapper();
    TopologyBuilder builder = new TopologyBuilder();
    for (String name : List.of("b-vnet", "a-vnet")) {
      builder.add(json.readTree("{\"id\": \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/"
          + name + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"" + name + "\"}"),
          new Provenance("t.json", "", 1, 1), pointer -> new Provenance("t.json", pointer, 1, 1));
    }
    return builder.build();
  }

  private static RulePack pack(Rule... rules) {
    return RulePack.of("test", "Test pack", "1", List.of(rules));
  }

  @Test
  void aThrowingRuleBecomesOneErrorFindingAndTheAuditGoesOn() throws Exception {
    AuditResult result = new AuditEngine().evaluate(topology(),
        List.of(pack(new ThrowingRule(), new PassingRule())), RuleParameters.defaults());
    assertThat(result.findings()).extracting(Finding::ruleId, Finding::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("TEST-THROW-01", Status.ERROR),
        org.assertj.core.groups.Tuple.tuple("TEST-OK-01", Status.PASS),
        org.assertj.core.groups.Tuple.tuple("TEST-OK-01", Status.PASS));
    assertThat(result.findings().get(0).message())
        .isEqualTo("The rule failed with IllegalStateException: boom; its requirement was not checked.");
  }

  @Test
  void aRuleThatReturnsNothingOrAnotherRulesFindingIsAnError() throws Exception {
    AuditResult result = new AuditEngine().evaluate(topology(),
        List.of(pack(new SilentRule(), new ForeignIdRule())), RuleParameters.defaults());
    assertThat(result.findings()).extracting(Finding::status).containsExactly(Status.ERROR, Status.ERROR);
    assertThat(result.summary()).containsEntry(Status.ERROR, 2).containsEntry(Status.PASS, 0);
  }

  @Test
  void findingsOfOneRuleAreSortedBySubjectSoOutputIsDeterministic() throws Exception {
    AuditResult result = new AuditEngine().evaluate(topology(), List.of(pack(new PassingRule())), RuleParameters.defaults());
    assertThat(result.findings()).extracting(f -> f.subject().name()).containsExactly("a-vnet", "b-vnet");
  }

  @Test
  void parameterOverridesReachTheRuleAndAreReported() throws Exception {
    AuditResult result = new AuditEngine().evaluate(topology(), List.of(pack(new PassingRule())),
        RuleParameters.parse(List.of("TEST-OK-01.threshold=9")));
    assertThat(result.findings()).extracting(Finding::message).containsOnly("Threshold is 9.");
    assertThat(result.parameters()).isEqualTo(Map.of("TEST-OK-01", Map.of("threshold", "9")));
  }

  @Test
  void parameterOverridesThatNameNoRuleOrParameterOrHaveBadValuesAreRejected() throws Exception {
    AuditEngine engine = new AuditEngine();
    List<RulePack> packs = List.of(pack(new PassingRule()));
    assertThatThrownBy(() -> engine.evaluate(topology(), packs, RuleParameters.parse(List.of("NOPE-01.x=1"))))
        .isInstanceOf(ParameterException.class).hasMessageContaining("unknown rule or pack 'NOPE-01'");
    assertThatThrownBy(() -> engine.evaluate(topology(), packs, RuleParameters.parse(List.of("TEST-OK-01.other=1"))))
        .isInstanceOf(ParameterException.class).hasMessageContaining("has no parameter 'other'; it takes threshold");
    assertThatThrownBy(() -> engine.evaluate(topology(), packs, RuleParameters.parse(List.of("TEST-OK-01.threshold=lots"))))
        .isInstanceOf(ParameterException.class).hasMessageContaining("expected a whole number, got 'lots'");
    assertThatThrownBy(() -> RuleParameters.parse(List.of("threshold=1")))
        .isInstanceOf(ParameterException.class).hasMessageContaining("expected RULE-ID.name=value");
  }

  @Test
  void blockingFindingsFollowSeverityThresholdAndUnknownPolicy() throws Exception {
    AuditResult result = new AuditEngine().evaluate(topology(),
        List.of(pack(new ThrowingRule(), new UnknownRule(), new PassingRule())), RuleParameters.defaults());
    assertThat(result.blocking(Severity.HIGH, true)).isEmpty();
    assertThat(result.blocking(Severity.MEDIUM, true)).extracting(Finding::ruleId).containsExactly("TEST-THROW-01");
    assertThat(result.blocking(Severity.LOW, true)).extracting(Finding::ruleId).containsExactly("TEST-THROW-01", "TEST-UNKNOWN-01");
    assertThat(result.blocking(Severity.LOW, false)).extracting(Finding::ruleId).containsExactly("TEST-THROW-01");
  }

  @Test
  void packParametersReachEveryRuleOfThePackAndTheNotes() throws Exception {
    RulePack pack = new RulePack() {
      @Override
      public String id() {
        return "shared";
      }

      @Override
      public String name() {
        return "Shared";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public List<Rule> rules() {
        return List.of(new PackParameterRule());
      }

      @Override
      public java.util.Optional<String> docPage(String ruleId) {
        return java.util.Optional.empty();
      }

      @Override
      public List<dev.plumbline.core.rule.RuleMetadata.ParameterSpec> parameters() {
        return List.of(new dev.plumbline.core.rule.RuleMetadata.ParameterSpec("label", ParameterType.TEXT, "plain", "A label."));
      }

      @Override
      public List<dev.plumbline.core.rule.Note> notes(Topology topology, Map<String, Object> parameters) {
        return List.of(new dev.plumbline.core.rule.Note(id(), "Label", List.of(String.valueOf(parameters.get("label")))));
      }
    };
    AuditResult result = new AuditEngine().evaluate(topology(), List.of(pack), RuleParameters.parse(List.of("shared.label=fancy")));
    assertThat(result.findings()).extracting(Finding::message).containsExactly("Label is fancy.");
    assertThat(result.notes()).extracting(note -> note.lines().get(0)).containsExactly("fancy");
    assertThat(result.parameters()).containsEntry("shared", Map.of("label", "fancy"));
    assertThatThrownBy(() -> new AuditEngine().evaluate(topology(), List.of(pack), RuleParameters.parse(List.of("shared.colour=red"))))
        .isInstanceOf(ParameterException.class).hasMessageContaining("pack shared has no parameter 'colour'; it takes label");
  }

  @RuleDefinition(id = "TEST-PACK-01", name = "Test.PackParameter", summary = "Reads a pack parameter.", severity = Severity.LOW,
      pillar = Pillar.OPERATIONS)
  static final class PackParameterRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      return List.of(context.pass(Subject.scope(), "Label is " + context.packParameters().get("label") + "."));
    }
  }

  /** Counts computations of the derived value, so sharing shows as equal numbers. */
  private static final java.util.concurrent.atomic.AtomicInteger COMPUTED = new java.util.concurrent.atomic.AtomicInteger();

  @RuleDefinition(id = "TEST-DERIVED-01", name = "Test.DerivedOne", summary = "Reads a derived value.", severity = Severity.LOW,
      pillar = Pillar.OPERATIONS)
  static final class DerivedOne implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      Integer value = context.derived("shared", Integer.class, COMPUTED::incrementAndGet);
      return List.of(context.pass(Subject.scope(), "Value " + value + "."));
    }
  }

  @RuleDefinition(id = "TEST-DERIVED-02", name = "Test.DerivedTwo", summary = "Reads the same derived value.",
      severity = Severity.LOW, pillar = Pillar.OPERATIONS)
  static final class DerivedTwo implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      Integer value = context.derived("shared", Integer.class, COMPUTED::incrementAndGet);
      return List.of(context.pass(Subject.scope(), "Value " + value + "."));
    }
  }

  @Test
  void derivedValuesAreComputedOncePerPackAndAuditAndNeverShared() throws Exception {
    AuditEngine engine = new AuditEngine();
    AuditResult first = engine.evaluate(topology(),
        List.of(RulePack.of("one", "One", "1", List.of(new DerivedOne(), new DerivedTwo()))), RuleParameters.defaults());
    assertThat(first.findings()).extracting(Finding::message).hasSize(2).containsOnly(first.findings().get(0).message());
    AuditResult second = engine.evaluate(topology(),
        List.of(RulePack.of("one", "One", "1", List.of(new DerivedOne())), RulePack.of("two", "Two", "1", List.of(new DerivedTwo()))),
        RuleParameters.defaults());
    assertThat(second.findings().get(0).message()).isNotEqualTo(second.findings().get(1).message());
  }

  /** Counts computations of values derived from parameters. */
  private static final java.util.concurrent.atomic.AtomicInteger COMPILED = new java.util.concurrent.atomic.AtomicInteger();

  @RuleDefinition(id = "TEST-PARAM-01", name = "Test.FromParameters", summary = "Derives a value from its parameter.",
      severity = Severity.LOW, pillar = Pillar.OPERATIONS,
      parameters = @RuleDefinition.Parameter(name = "word", type = ParameterType.TEXT, defaultValue = "plain",
          description = "A word."))
  static final class FromParametersRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      String word = context.fromParameters("upper", String.class, () -> {
        COMPILED.incrementAndGet();
        return context.text("word").toUpperCase(java.util.Locale.ROOT);
      });
      return List.of(context.pass(Subject.scope(), word + " in " + context.topology().size() + "."));
    }
  }

  /** A pack that audits each resource of the scope as a deployment of its own, built when asked for. */
  private static RulePack perResource(java.util.concurrent.atomic.AtomicInteger built, Rule... rules) {
    RulePack plain = pack(rules);
    return new RulePack() {
      @Override
      public String id() {
        return plain.id();
      }

      @Override
      public String name() {
        return plain.name();
      }

      @Override
      public String version() {
        return plain.version();
      }

      @Override
      public List<Rule> rules() {
        return plain.rules();
      }

      @Override
      public java.util.Optional<String> docPage(String ruleId) {
        return java.util.Optional.empty();
      }

      @Override
      public List<dev.plumbline.core.rule.Deployment> deployments(Topology topology, Map<String, Object> parameters) {
        return topology.topLevelResources().stream().map(resource -> dev.plumbline.core.rule.Deployment.builtOnDemand(
            resource.name(), () -> {
              built.incrementAndGet();
              if (resource.name().equals("broken")) {
                throw new IllegalStateException("cannot cut");
              }
              return topology.subset(List.of(resource));
            })).toList();
      }
    };
  }

  @Test
  void valuesFromParametersAreComputedOncePerRuleAndAuditWithThatAuditsParameters() throws Exception {
    AuditEngine engine = new AuditEngine();
    COMPILED.set(0);
    java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
    AuditResult first = engine.evaluate(topology(), List.of(perResource(built, new FromParametersRule())),
        RuleParameters.defaults());
    assertThat(first.findings()).extracting(Finding::message).containsExactly("PLAIN in 1.", "PLAIN in 1.");
    assertThat(COMPILED).hasValue(1);
    AuditResult second = engine.evaluate(topology(), List.of(perResource(built, new FromParametersRule())),
        RuleParameters.parse(List.of("TEST-PARAM-01.word=fancy")));
    assertThat(second.findings()).extracting(Finding::message).containsExactly("FANCY in 1.", "FANCY in 1.");
    assertThat(COMPILED).hasValue(2);
    // Each deployment's topology is built once per audit, however many rules and notes read it.
    assertThat(built).hasValue(4);
  }

  @Test
  void aDeploymentWhoseTopologyCannotBeBuiltHasEveryRuleInError() throws Exception {
    ObjectMapper json = new ObjectMapper();
    TopologyBuilder builder = new TopologyBuilder();
    for (String name : List.of("fine", "broken")) {
      builder.add(json.readTree("{\"id\": \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/"
          + name + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"" + name + "\"}"),
          new Provenance("t.json", "", 1, 1), pointer -> new Provenance("t.json", pointer, 1, 1));
    }
    AuditResult result = new AuditEngine().evaluate(builder.build(),
        List.of(perResource(new java.util.concurrent.atomic.AtomicInteger(), new UnknownRule(), new PassingRule())),
        RuleParameters.defaults());
    assertThat(result.findings()).extracting(f -> f.ruleId() + " " + f.subject().id() + " " + f.status()).containsExactly(
        "TEST-UNKNOWN-01 scope@fine UNKNOWN", "TEST-UNKNOWN-01 scope@broken ERROR",
        "TEST-OK-01 /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/fine PASS",
        "TEST-OK-01 scope@broken ERROR");
    assertThat(result.findings().get(1).message()).contains("could not be gathered (IllegalStateException)");
  }

  @Test
  void aRuleIdRegisteredTwiceIsRefused() {
    assertThatThrownBy(() -> new AuditEngine().evaluate(topology(),
        List.of(pack(new PassingRule()), pack(new PassingRule())), RuleParameters.defaults()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEST-OK-01");
  }
}
