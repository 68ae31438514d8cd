package dev.plumbline.core.rule;

import dev.plumbline.core.model.Provenance;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A finding a team has accepted: which rule, which subject, why, and until when. Keyed on rule id
 * and resource name or id, never on line numbers, so it survives re-exports.
 *
 * @param resource the subject's name, its full id, or {@code *} for every subject of the rule
 * @param expires the last day it applies; empty for no end
 * @param provenance where it was written
 */
public record Suppression(String rule, String resource, String justification, Optional<LocalDate> expires,
    Provenance provenance) {

  /** Whether it covers the finding, whatever the date. */
  public boolean covers(Finding finding) {
    if (!rule.equalsIgnoreCase(finding.ruleId())) {
      return false;
    }
    return resource.equals("*")
        || resource.equalsIgnoreCase(finding.subject().id())
        || resource.equalsIgnoreCase(finding.subject().name());
  }

  /** Whether it still applies on the day. */
  public boolean isInForceOn(LocalDate day) {
    return expires.map(last -> !day.isAfter(last)).orElse(true);
  }
}
