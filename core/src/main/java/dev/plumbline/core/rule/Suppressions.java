package dev.plumbline.core.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The suppressions an audit runs with, read from a suppressions file (see {@code SuppressionsReader}). */
public record Suppressions(List<Suppression> entries) {

  public Suppressions {
    entries = List.copyOf(entries);
  }

  public static Suppressions none() {
    return new Suppressions(List.of());
  }

  /** The suppression in force on the day that covers the finding, if any. */
  public Optional<Suppression> find(Finding finding, LocalDate day) {
    return entries.stream().filter(s -> s.isInForceOn(day) && s.covers(finding)).findFirst();
  }

  /**
   * What people should hear about the suppressions themselves: those that expired (their
   * findings count again) and those that matched nothing (stale, or misspelt).
   */
  public List<String> warnings(List<Finding> findings, LocalDate day) {
    List<String> warnings = new ArrayList<>();
    for (Suppression suppression : entries) {
      String what = suppression.rule() + " for " + suppression.resource() + " (" + suppression.provenance().source()
          + ":" + suppression.provenance().line() + ")";
      if (!suppression.isInForceOn(day)) {
        warnings.add(what + " expired on " + suppression.expires().orElseThrow() + "; its findings count again.");
      } else if (findings.stream().noneMatch(suppression::covers)) {
        warnings.add(what + " matches no finding; remove it or correct its rule or resource.");
      }
    }
    return warnings;
  }
}
