package dev.plumbline.junit;

import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything that decides an audit in a test run; equal settings share one loaded topology and
 * one result across test classes.
 *
 * @param inputs the files to load; empty for a live scope
 * @param live the live scope when there are no files
 * @param packs the packs to run; empty for every built-in pack
 * @param rules custom rules run as one extra pack
 */
record AuditSettings(
    List<Path> inputs,
    Optional<LiveTarget> live,
    List<RulePack> packs,
    List<Rule> rules,
    List<String> parameters,
    Optional<Path> suppressions,
    List<Path> nodeFacts,
    UnknownPolicy unknown,
    Severity failOn) {

  AuditSettings {
    inputs = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    packs = List.copyOf(packs);
    rules = List.copyOf(rules);
    parameters = List.copyOf(parameters);
    suppressions = suppressions.map(p -> p.toAbsolutePath().normalize());
    nodeFacts = nodeFacts.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** What decides the topology alone: the same key loads once per run. */
  record TopologyKey(List<Path> inputs, Optional<LiveTarget> live, List<Path> nodeFacts) {}

  /** What decides the result; packs compare by id and class, since each test class makes its own instances. */
  record ResultKey(TopologyKey topology, List<String> packs, List<String> rules, List<String> parameters,
      Optional<Path> suppressions) {}

  TopologyKey topologyKey() {
    return new TopologyKey(inputs, live, nodeFacts);
  }

  ResultKey resultKey() {
    return new ResultKey(topologyKey(),
        packs.stream().map(pack -> pack.id() + "@" + pack.getClass().getName()).toList(),
        rules.stream().map(rule -> rule.metadata().id() + "@" + rule.getClass().getName() + "#" + System.identityHashCode(rule)).toList(),
        parameters, suppressions);
  }
}
