package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.rule.Rule;
import java.util.List;

/** The pack's node (VM and node-fact) rules rules, in catalog order. */
public final class NodeRules {

  public static final List<Rule> ALL = List.of(
      new NodeCount(),
      new ZoneSpread(),
      new NodeSize(),
      new OsImage(),
      new PrivateNodeNetwork(),
      new ConnectVersionParity(),
      new ConfigurationParity(),
      new RuntimeParity(),
      new HaConfiguration());

  private NodeRules() {}
}
