package dev.plumbline.reports;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a report needs besides the audit itself: the run's exit code (so the report states the
 * verdict the CI saw), options of particular formats, the sibling outputs of the same run, and the
 * rules' doc pages (reports do not depend on the rule packs, so the caller hands them over).
 *
 * @param exitCode the exit code the command returns for this audit
 * @param failOn the severity threshold in force, in words ("high", "never")
 * @param sarifIncludePassing whether SARIF also lists passing results (as {@code kind: pass})
 * @param sarifCategory {@code runAutomationDetails.id}, for several SARIF uploads per commit
 * @param siblings file names of the other reports written by the same run
 * @param docPages a rule id to its Markdown doc page
 */
public record ReportContext(int exitCode, String failOn, boolean sarifIncludePassing, Optional<String> sarifCategory,
    List<String> siblings, Function<String, Optional<String>> docPages) {

  public ReportContext {
    siblings = List.copyOf(siblings);
  }

  /** A context for tests and tools that only want the report: exit code 0, no doc pages. */
  public static ReportContext plain() {
    return new ReportContext(0, "high", false, Optional.empty(), List.of(), id -> Optional.empty());
  }
}
