package dev.plumbline.core.rule;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter overrides ({@code PCHA-PG-03.minStorageGb=128}, or {@code PACK-ID.name=value} for a
 * parameter a whole pack shares), checked against what they name, and the values in force: the
 * declared defaults with the overrides on top.
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
    validate(rules, Map.of());
  }

  /**
   * Checks every override against the rules that will run and the parameters their packs share.
   *
   * @param packs pack id to the parameters the pack declares
   * @throws ParameterException naming the first override that names no rule, pack or parameter, or whose value does not parse
   */
  public void validate(Collection<RuleMetadata> rules, Map<String, List<RuleMetadata.ParameterSpec>> packs)
      throws ParameterException {
    Map<String, List<RuleMetadata.ParameterSpec>> owners = new LinkedHashMap<>(packs);
    rules.forEach(rule -> owners.put(rule.id(), rule.parameters()));
    for (Map.Entry<String, Map<String, String>> entry : overrides.entrySet()) {
      String owner = entry.getKey();
      List<RuleMetadata.ParameterSpec> specs = owners.get(owner);
      if (specs == null) {
        throw new ParameterException("unknown rule or pack '" + owner + "' in --param; `plumbline rules` lists them");
      }
      String what = packs.containsKey(owner) ? "pack " : "rule ";
      for (Map.Entry<String, String> override : entry.getValue().entrySet()) {
        RuleMetadata.ParameterSpec spec = specs.stream().filter(p -> p.name().equals(override.getKey())).findFirst()
            .orElseThrow(() -> new ParameterException(what + owner + " has no parameter '" + override.getKey() + "'"
                + (specs.isEmpty() ? "; it takes none"
                    : "; it takes " + String.join(", ", specs.stream().map(RuleMetadata.ParameterSpec::name).toList()))));
        try {
          spec.type().parse(override.getValue());
        } catch (IllegalArgumentException e) {
          throw new ParameterException("parameter " + owner + "." + spec.name() + ": " + e.getMessage());
        }
      }
    }
  }

  /** The values in force for one rule, parsed to their types. Call {@link #validate} first. */
  public Map<String, Object> valuesFor(RuleMetadata rule) {
    return valuesFor(rule.id(), rule.parameters());
  }

  /** The values in force for a rule or pack ({@code owner}) with the given declared parameters. */
  public Map<String, Object> valuesFor(String owner, List<RuleMetadata.ParameterSpec> specs) {
    Map<String, Object> values = new LinkedHashMap<>();
    textFor(owner, specs).forEach((name, text) -> values.put(name, specs.stream()
        .filter(spec -> spec.name().equals(name)).findFirst().orElseThrow().type().parse(text)));
    return values;
  }

  /** The values in force for one rule in their text form, for reports. */
  public Map<String, String> textFor(RuleMetadata rule) {
    return textFor(rule.id(), rule.parameters());
  }

  /** The values in force for a rule or pack in their text form. */
  public Map<String, String> textFor(String owner, List<RuleMetadata.ParameterSpec> specs) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> mine = overrides.getOrDefault(owner, Map.of());
    for (RuleMetadata.ParameterSpec spec : specs) {
      values.put(spec.name(), mine.getOrDefault(spec.name(), spec.defaultValue()));
    }
    return values;
  }

  /** Whether a parameter was overridden. */
  public boolean isOverridden(String ruleId, String name) {
    return overrides.getOrDefault(ruleId, Map.of()).containsKey(name);
  }
}
