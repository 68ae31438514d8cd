package dev.plumbline.junit;

/** What a dynamic test does with an UNKNOWN finding: the data to decide was missing. */
public enum UnknownPolicy {
  /** Fail the test: nothing showed the requirement holds (the default, failing closed). */
  FAIL,
  /** Abort (skip) the test with the reason, for suites run on partial exports. */
  ABORT
}
