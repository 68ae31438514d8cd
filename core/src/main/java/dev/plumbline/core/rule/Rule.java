package dev.plumbline.core.rule;

import java.util.List;

/**
 * One requirement, checked over a topology. A rule is pure: it reads the context and returns one
 * finding per subject, never printing or throwing on purpose. Its metadata sits in its {@link
 * RuleDefinition}.
 */
public interface Rule {

  /** One finding per subject; at least one, so that silence never passes for compliance. */
  List<Finding> evaluate(RuleContext context);

  /** The metadata, read from the class's {@link RuleDefinition}. */
  default RuleMetadata metadata() {
    return RuleMetadata.of(getClass());
  }
}
