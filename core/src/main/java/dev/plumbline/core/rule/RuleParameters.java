package dev.plumbline.core.rule;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter overrides ({@code PCHA-PG-03.minStorageGb=128}), checked against the rules they name,
 * and the values in force for each rule: its defaults with the overrides on top.
 */
public final class RuleParameters {

  private final Map<String, Map<String, String>> overrides;

  private RuleParameters(Map<String, Map<String, String>> overrides) {
    this.overrides = overrides;
  }

  public static RuleParameters defaults() {
    return new RuleParameters(Map.of());
  }

  /**
   * Reads {@code RULE-ID.name=value} assignments.
   *
   * @throws ParameterException when an assignment is not of that form
   */
  public static RuleParameters parse(List<String> assignments) throws ParameterException {
    Map<String, Map<String, String>> overrides = new TreeMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      int dot = equals < 0 ? -1 : assignment.lastIndexOf('.', equals);
      if (equals < 0 || dot <= 0 || dot + 1 == equals) {
        throw new ParameterException("invalid parameter '" + assignment + "': expected RULE-ID.name=value, e.g. PCHA-PG-03.minStorageGb=128");
      }
      overrides.computeIfAbsent(assignment.substring(0, dot), k -> new LinkedHashMap<>())
          .put(assignment.substring(dot + 1, equals), assignment.substring(equals + 1));
    }
    return new RuleParameters(overrides);
  }

  /**
   * Checks every override against the rules that will run.
   *
   * @throws ParameterException naming the first override that names no rule or parameter, or whose value does not parse
   */
  public void validate(Collection<RuleMetadata> rules) throws ParameterException {
    Map<String, RuleMetadata> byId = new LinkedHashMap<>();
    rules.forEach(rule -> byId.put(rule.id(), rule));
    for (Map.Entry<String, Map<String, String>> entry : overrides.entrySet()) {
      RuleMetadata rule = byId.get(entry.getKey());
      if (rule == null) {
        throw new ParameterException("unknown rule '" + entry.getKey() + "' in --param; `plumbline rules` lists the rules");
      }
      for (Map.Entry<String, String> override : entry.getValue().entrySet()) {
        RuleMetadata.ParameterSpec spec = rule.parameter(override.getKey()).orElseThrow(() -> new ParameterException(
            "rule " + rule.id() + " has no parameter '" + override.getKey() + "'"
                + (rule.parameters().isEmpty() ? "; it takes none"
                    : "; it takes " + String.join(", ", rule.parameters().stream().map(RuleMetadata.ParameterSpec::name).toList()))));
        try {
          spec.type().parse(override.getValue());
        } catch (IllegalArgumentException e) {
          throw new ParameterException("parameter " + rule.id() + "." + spec.name() + ": " + e.getMessage());
        }
      }
    }
  }

  /** The values in force for one rule, parsed to their types. Call {@link #validate} first. */
  public Map<String, Object> valuesFor(RuleMetadata rule) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> mine = overrides.getOrDefault(rule.id(), Map.of());
    for (RuleMetadata.ParameterSpec spec : rule.parameters()) {
      values.put(spec.name(), spec.type().parse(mine.getOrDefault(spec.name(), spec.defaultValue())));
    }
    return values;
  }

  /** The values in force for one rule in their text form, for reports. */
  public Map<String, String> textFor(RuleMetadata rule) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> mine = overrides.getOrDefault(rule.id(), Map.of());
    for (RuleMetadata.ParameterSpec spec : rule.parameters()) {
      values.put(spec.name(), mine.getOrDefault(spec.name(), spec.defaultValue()));
    }
    return values;
  }

  /** Whether a parameter was overridden. */
  public boolean isOverridden(String ruleId, String name) {
    return overrides.getOrDefault(ruleId, Map.of()).containsKey(name);
  }
}
