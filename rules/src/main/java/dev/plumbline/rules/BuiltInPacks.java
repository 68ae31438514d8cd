package dev.plumbline.rules;

import dev.plumbline.core.rule.RulePack;
import dev.plumbline.rules.positconnect.PositConnectHaPack;
import java.util.List;
import java.util.Optional;

/** The rule packs Plumbline ships, listed explicitly: the command line and the JUnit extension both read this list. */
public final class BuiltInPacks {

  private BuiltInPacks() {}

  public static List<RulePack> all() {
    return List.of(new PositConnectHaPack());
  }

  /** The pack with this id, matched without regard to case. */
  public static Optional<RulePack> byId(String id) {
    return all().stream().filter(pack -> pack.id().equalsIgnoreCase(id)).findFirst();
  }
}
