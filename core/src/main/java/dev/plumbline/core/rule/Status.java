package dev.plumbline.core.rule;

/** The outcome of one rule for one subject. Only {@link #PASS} shows the requirement holds. */
public enum Status {
  /** The evidence shows the requirement holds. */
  PASS,
  /** The evidence shows it does not. */
  FAIL,
  /** The data needed to decide is missing; never counted as a pass. */
  UNKNOWN,
  /** Nothing in scope for the rule, and the rule says that is fine. */
  NOT_APPLICABLE,
  /** The rule itself failed; the audit went on. */
  ERROR
}
