package dev.plumbline.core.rule;

import java.util.List;

/**
 * The outcome of one rule for one subject.
 *
 * @param message one sentence saying what was found
 * @param evidence what the outcome rests on; empty only when there was nothing to read
 */
public record Finding(String ruleId, Subject subject, Status status, String message, List<Evidence> evidence) {

  public Finding {
    evidence = List.copyOf(evidence);
  }
}
