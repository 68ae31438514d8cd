package dev.plumbline.rules.positconnect.resilience;

import dev.plumbline.core.rule.Rule;
import java.util.List;

/** The pack's resilience and capacity rules, in catalog order. */
public final class ResilienceRules {

  public static final List<Rule> ALL = List.of(
      new NodeLossTolerance(),
      new ZoneFailureAnalysis(),
      new ReferenceCapacity());

  private ResilienceRules() {}
}
