package dev.plumbline.core.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's metadata as a value, read from its {@link RuleDefinition}.
 *
 * @param references what the rule enforces
 * @param parameters its parameters with their defaults
 */
public record RuleMetadata(
    String id,
    String name,
    String summary,
    Severity severity,
    Pillar pillar,
    List<String> references,
    List<ParameterSpec> parameters,
    List<String> psrule,
    List<String> checkov,
    List<String> azurePolicy) {

  /** Ids look like {@code PCHA-AGW-02}: upper-case words joined by hyphens, ending in a number. */
  public static final Pattern ID_FORMAT = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{2,}");

  public RuleMetadata {
    references = List.copyOf(references);
    parameters = List.copyOf(parameters);
    psrule = List.copyOf(psrule);
    checkov = List.copyOf(checkov);
    azurePolicy = List.copyOf(azurePolicy);
  }

  /**
   * Reads the metadata of a rule class.
   *
   * @throws IllegalArgumentException when the class has no {@link RuleDefinition}
   */
  public static RuleMetadata of(Class<?> ruleClass) {
    RuleDefinition definition = ruleClass.getAnnotation(RuleDefinition.class);
    if (definition == null) {
      throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleDefinition");
    }
    return new RuleMetadata(
        definition.id(),
        definition.name(),
        definition.summary(),
        definition.severity(),
        definition.pillar(),
        Arrays.asList(definition.references()),
        Arrays.stream(definition.parameters())
            .map(p -> new ParameterSpec(p.name(), p.type(), p.defaultValue(), p.description()))
            .toList(),
        Arrays.asList(definition.psrule()),
        Arrays.asList(definition.checkov()),
        Arrays.asList(definition.azurePolicy()));
  }

  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * A declared parameter.
   *
   * @param defaultValue the default in its text form
   */
  public record ParameterSpec(String name, ParameterType type, String defaultValue, String description) {}
}
