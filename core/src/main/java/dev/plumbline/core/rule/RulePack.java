package dev.plumbline.core.rule;

import java.util.List;
import java.util.Map;
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

  /**
   * Parameters every rule of the pack shares (which tag marks a node, say), overridden as
   * {@code --param PACK-ID.name=value}.
   */
  default List<RuleMetadata.ParameterSpec> parameters() {
    return List.of();
  }

  /**
   * What the pack took the topology to be, for every report to show: which VMs it treats as nodes
   * and why, for instance. Pure, like a rule.
   *
   * @param parameters the pack's parameters in force
   */
  default List<Note> notes(dev.plumbline.core.model.Topology topology, Map<String, Object> parameters) {
    return List.of();
  }

  /**
   * The deployments in the scope that the pack audits one by one, so that two deployments are never
   * judged as one; the default is the whole scope as one deployment (its label empty).
   *
   * @param parameters the pack's parameters in force
   */
  default List<Deployment> deployments(dev.plumbline.core.model.Topology topology, Map<String, Object> parameters) {
    return List.of(new Deployment("", topology));
  }

  /** A pack of the given rules with no doc pages: for custom rules and for tests. */
  static RulePack of(String id, String name, String version, List<Rule> rules) {
    List<Rule> listed = List.copyOf(rules);
    return new RulePack() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String version() {
        return version;
      }

      @Override
      public List<Rule> rules() {
        return listed;
      }

      @Override
      public Optional<String> docPage(String ruleId) {
        return Optional.empty();
      }
    };
  }
}
