package dev.plumbline.cli;

import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.rules.BuiltInPacks;
import java.util.List;
import java.util.Optional;

/** The rule packs the command line knows. */
final class Packs {

  private Packs() {}

  static List<RulePack> all() {
    return BuiltInPacks.all();
  }

  /** The pack and rule with this id, matched without regard to case. */
  static Optional<PackRule> rule(String id) {
    for (RulePack pack : all()) {
      for (Rule rule : pack.rules()) {
        if (rule.metadata().id().equalsIgnoreCase(id)) {
          return Optional.of(new PackRule(pack, rule));
        }
      }
    }
    return Optional.empty();
  }

  /** A rule's doc page from whichever pack holds it. */
  static Optional<String> docPage(String ruleId) {
    return rule(ruleId).flatMap(found -> found.pack().docPage(found.rule().metadata().id()));
  }

  record PackRule(RulePack pack, Rule rule) {}
}
