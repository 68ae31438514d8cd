package dev.plumbline.core.rule.dsl;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A whole rule sentence: "PostgreSQL flexible servers should have property 'properties.version'
 * equal to '16', because ...". Evaluating it gives one finding per selected resource, PASS, FAIL or
 * UNKNOWN, whose message is a sentence about that resource. Immutable.
 */
public final class ResourceRule {

  /** The id findings carry when the rule is checked without being given one. */
  public static final String UNNAMED_ID = "CUSTOM-00";

  private final GivenResources given;
  private final List<ResourceCondition> conditions;
  private final String reason;
  private final boolean allowEmpty;

  ResourceRule(GivenResources given, List<ResourceCondition> conditions, String reason, boolean allowEmpty) {
    this.given = given;
    this.conditions = List.copyOf(conditions);
    this.reason = reason;
    this.allowEmpty = allowEmpty;
  }

  /** Another condition every selected resource should also satisfy. */
  public ResourceRule andShould(ResourceCondition condition) {
    List<ResourceCondition> all = new ArrayList<>(conditions);
    all.add(condition);
    return new ResourceRule(given, all, reason, allowEmpty);
  }

  /** Why the rule holds, ending its sentence: ", because Connect keeps session state per node". */
  public ResourceRule because(String why) {
    return new ResourceRule(given, conditions, why, allowEmpty);
  }

  /**
   * Whether selecting nothing is fine (a NOT_APPLICABLE finding) rather than a failure of the
   * scope, which is the default: a rule about gateways that found none says so.
   */
  public ResourceRule allowEmptyShould(boolean allow) {
    return new ResourceRule(given, conditions, reason, allow);
  }

  /** The sentence, with parameter names in braces where settings come from parameters. */
  public String description() {
    return description(null);
  }

  /** The sentence with the settings in force. */
  public String description(RuleContext context) {
    String should = conditions.stream().map(condition -> condition.description(context))
        .collect(Collectors.joining(" and should "));
    return given.description() + " should " + should + (reason == null ? "" : ", because " + reason);
  }

  /** One finding per selected resource; one scope finding when nothing is selected. */
  public List<Finding> evaluate(RuleContext context) {
    List<Resource> selected = given.select(context.topology(), context);
    if (selected.isEmpty()) {
      String none = given.isNarrowed()
          ? "Nothing in scope is among the " + given.description()
          : "No " + given.oneOf().substring(given.oneOf().indexOf(' ') + 1) + " is in scope";
      if (allowEmpty) {
        return List.of(context.notApplicable(Subject.scope(), none + ", and the rule allows that."));
      }
      return List.of(context.missing(given.oneOf(), none + ", so nothing shows that "
          + given.description() + " " + conditions.stream().map(c -> c.description(context)).collect(Collectors.joining(" and "))
          + "; a rule that selects nothing fails."));
    }
    List<Finding> findings = new ArrayList<>();
    for (Resource resource : selected) {
      List<dev.plumbline.core.rule.dsl.ConditionResult> results = conditions.stream()
          .map(condition -> condition.check(resource, context)).toList();
      ConditionResult outcome = ResourceCondition.combine(results);
      findings.add(context.finding(Subject.of(resource), outcome.status(),
          subject(resource) + " " + outcome.statement() + ".", outcome.evidence().toArray(Evidence[]::new)));
    }
    return findings;
  }

  /** The rule checked over a topology on its own, its findings carrying {@link #UNNAMED_ID}. */
  public List<Finding> check(Topology topology) {
    RuleMetadata metadata = metadata(UNNAMED_ID, "Custom", Severity.HIGH, Pillar.OPERATIONS);
    return evaluate(new RuleContext(metadata, topology, Map.of()));
  }

  /** The rule as a pack member, its summary being its own sentence. */
  public Rule asRule(String id, String name, Severity severity, Pillar pillar) {
    return asRule(metadata(id, name, severity, pillar));
  }

  /** The rule as a pack member with metadata of your own (references, parameters, cross-references). */
  public Rule asRule(RuleMetadata metadata) {
    ResourceRule self = this;
    return new Rule() {
      @Override
      public List<Finding> evaluate(RuleContext context) {
        return self.evaluate(context);
      }

      @Override
      public RuleMetadata metadata() {
        return metadata;
      }

      @Override
      public String toString() {
        return metadata.id() + " " + self.description();
      }
    };
  }

  private RuleMetadata metadata(String id, String name, Severity severity, Pillar pillar) {
    return new RuleMetadata(id, name, sentence(description()), severity, pillar,
        List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** "Virtual machine vm-connect-1", the start of a finding's sentence. */
  static String subject(Resource resource) {
    return capitalised(resource.type().spokenName()) + " " + resource.name();
  }

  private static String sentence(String text) {
    return capitalised(text) + ".";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  @Override
  public String toString() {
    return description();
  }
}
