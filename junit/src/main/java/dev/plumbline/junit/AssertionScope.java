package dev.plumbline.junit;

import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.rules.BuiltInPacks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * What a chain of assertions shares: the topology, the packs whose rules back domain assertions
 * (each audit computed once per parameter set), and, in soft mode, where failures are collected.
 */
final class AssertionScope {

  private final Topology topology;
  private final List<RulePack> packs;
  private final AssertionErrorCollector collector;
  private final Map<List<String>, AuditResult> audits = new HashMap<>();

  AssertionScope(Topology topology, List<RulePack> packs, AssertionErrorCollector collector) {
    this.topology = topology;
    this.packs = List.copyOf(packs);
    this.collector = collector;
  }

  static AssertionScope of(Topology topology, AssertionErrorCollector collector) {
    return new AssertionScope(topology, BuiltInPacks.all(), collector);
  }

  Topology topology() {
    return topology;
  }

  /** The packs' audit of the topology with these parameter overrides ({@code PCHA-PG-03.minStorageGb=128}). */
  AuditResult audit(List<String> parameters) {
    return audits.computeIfAbsent(List.copyOf(parameters), key -> {
      try {
        return new AuditEngine().evaluate(topology, packs, RuleParameters.parse(key));
      } catch (ParameterException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    });
  }

  /** Fails now, or records the failure when collecting softly. */
  void report(AssertionError error) {
    if (collector == null) {
      throw error;
    }
    collector.collectAssertionError(error);
  }

  AssertionErrorCollector collector() {
    return collector;
  }
}
