package dev.plumbline.junit;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.dsl.ConditionResult;
import dev.plumbline.core.rule.dsl.ResourceCondition;
import dev.plumbline.core.rule.dsl.ResourceConditions;
import dev.plumbline.core.rule.dsl.ResourceRule;
import dev.plumbline.core.rule.dsl.ValueCondition;
import dev.plumbline.core.rule.dsl.ValueConditions;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Severity;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions every resource supports: properties, zones, any DSL condition, and any pack rule.
 * Each failure names the rule (when one backs the assertion), the resource, the property path,
 * expected and actual, one per line.
 *
 * @param <SELF> the concrete assertion, so chains keep their type
 */
public abstract class AbstractResourceAssert<SELF extends AbstractResourceAssert<SELF>>
    extends AbstractAssert<SELF, Resource> {

  final AssertionScope scope;

  AbstractResourceAssert(Resource actual, AssertionScope scope, Class<?> selfType) {
    super(actual, selfType);
    this.scope = scope;
  }

  /** The property at the dotted path equals the value (text compared ignoring case, as ARM does). */
  public SELF hasProperty(String path, Object value) {
    return meets(ResourceConditions.haveProperty(path, ValueConditions.equalTo(value)));
  }

  /** The property at the dotted path meets the value condition, e.g. {@code atLeast(64)}. */
  public SELF hasProperty(String path, ValueCondition value) {
    return meets(ResourceConditions.haveProperty(path, value));
  }

  /** The resource is pinned to every one of these availability zones. */
  public SELF isInZones(String... zones) {
    return meets(ResourceConditions.beInZones(zones));
  }

  /** The resource meets a rule-DSL condition; an UNKNOWN outcome fails too, since nothing shows it holds. */
  public SELF meets(ResourceCondition condition) {
    if (actual == null) {
      return myself;
    }
    RuleContext context = new RuleContext(customMetadata(), scope.topology(), Map.of());
    ConditionResult result = condition.check(actual, context);
    if (result.status() != Status.PASS) {
      StringBuilder text = new StringBuilder(prefix()).append("Expecting ").append(spoken()).append(" to ")
          .append(condition.description(context)).append(", but it ").append(result.statement()).append(":\n");
      FindingReport.line(text, "condition", condition.description(context));
      FindingReport.line(text, "resource", actual.name());
      FindingReport.line(text, "id", actual.id().toString());
      FindingReport.evidence(text, result.evidence());
      scope.report(new AssertionError(text.toString()));
    }
    return myself;
  }

  /**
   * The pack rule's findings about this resource (or about its embedded parts, such as a
   * gateway's HTTP settings) all pass.
   *
   * @param parameters overrides such as {@code PCHA-PG-03.minStorageGb=128}
   */
  public SELF passes(String ruleId, String... parameters) {
    return passesRule(ruleId, "pass " + ruleId, parameters);
  }

  /** Runs the rule and fails with its findings unless they all pass. */
  SELF passesRule(String ruleId, String expectation, String... parameters) {
    if (actual == null) {
      return myself;
    }
    AuditResult audit = scope.audit(List.of(parameters));
    RuleMetadata rule = audit.rule(ruleId).orElse(null);
    if (rule == null) {
      scope.report(new AssertionError(prefix() + "Expecting rule " + ruleId + " to be in the audited packs, but the rules are: "
          + audit.rules().stream().map(RuleMetadata::id).toList()));
      return myself;
    }
    List<Finding> about = audit.findings().stream()
        .filter(finding -> finding.ruleId().equals(rule.id()) && isAboutActual(finding)).toList();
    String head = prefix() + "Expecting " + spoken() + " to " + expectation;
    if (about.isEmpty()) {
      StringBuilder text = new StringBuilder(head).append(", but ").append(rule.id()).append(" has no finding about it:\n");
      FindingReport.line(text, "rule", rule.id() + " " + rule.name() + " (" + rule.severity() + ")");
      FindingReport.line(text, "resource", actual.name());
      FindingReport.line(text, "id", actual.id().toString());
      audit.findings().stream().filter(f -> f.ruleId().equals(rule.id())).limit(3)
          .forEach(f -> FindingReport.line(text, "finding", f.status() + " " + f.subject().name() + ": " + f.message()));
      scope.report(new AssertionError(text.toString()));
      return myself;
    }
    List<Finding> wrong = about.stream().filter(finding -> finding.status() != Status.PASS).toList();
    if (!wrong.isEmpty()) {
      scope.report(new AssertionError(head + ", but " + rule.id() + " found otherwise:\n"
          + FindingReport.blocks(wrong, audit::rule).substring(1)));
    }
    return myself;
  }

  private boolean isAboutActual(Finding finding) {
    if (!finding.subject().isResource()) {
      return false;
    }
    return ResourceId.tryParse(finding.subject().id())
        .map(id -> id.equals(actual.id()) || id.isWithin(actual.id()))
        .orElse(false);
  }

  /** "Application Gateway agw-connect". */
  String spoken() {
    return actual.type().spokenName() + " " + actual.name();
  }

  String prefix() {
    String description = info.descriptionText();
    return description == null || description.isEmpty() ? "" : "[" + description + "] ";
  }

  private static RuleMetadata customMetadata() {
    return new RuleMetadata(ResourceRule.UNNAMED_ID, "Assertion", "An assertion.", Severity.HIGH, Pillar.OPERATIONS,
        List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
