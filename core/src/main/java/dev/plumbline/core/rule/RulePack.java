package dev.plumbline.core.rule;

import java.util.List;
import java.util.Optional;

/** A named, versioned list of rules, registered explicitly (no class-path scanning). */
public interface RulePack {

  /** Stable id, e.g. {@code posit-connect-ha}. */
  String id();

  String name();

  String version();

  /** The rules, in the order reports list them. */
  List<Rule> rules();

  /** The doc page of one of the pack's rules, as Markdown. */
  Optional<String> docPage(String ruleId);
}
