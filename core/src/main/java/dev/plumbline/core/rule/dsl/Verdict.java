package dev.plumbline.core.rule.dsl;

/** How a value compares with what a condition asks for. */
public enum Verdict {
  /** The value meets the condition. */
  HOLDS,
  /** The value shows the condition does not hold. */
  VIOLATED,
  /** The value is there but cannot be judged (an unrecognised form); fails closed as UNKNOWN. */
  UNDECIDED
}
