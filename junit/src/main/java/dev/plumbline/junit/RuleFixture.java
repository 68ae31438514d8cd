package dev.plumbline.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one rule over fixture resources the way an audit would (engine, parameters, ERROR for a
 * throwing rule), for rule authors: {@code RuleFixture.of(rule).over(Path.of("fixtures/pg.json"))}.
 */
public final class RuleFixture {

  private final Rule rule;
  private final RulePack pack;
  private final List<String> parameters;

  private RuleFixture(Rule rule, RulePack pack, List<String> parameters) {
    this.rule = rule;
    this.pack = pack;
    this.parameters = List.copyOf(parameters);
  }

  /** The rule alone, in a pack of its own. */
  public static RuleFixture of(Rule rule) {
    return new RuleFixture(rule, null, List.of());
  }

  /**
   * The rule inside its pack, so it sees the pack's parameters and shared derivations (which VMs
   * are nodes); only its findings are kept.
   */
  public static RuleFixture of(RulePack pack, String ruleId) {
    Rule rule = pack.rules().stream().filter(r -> r.metadata().id().equalsIgnoreCase(ruleId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("pack " + pack.id() + " has no rule " + ruleId));
    return new RuleFixture(rule, pack, List.of());
  }

  /** Parameter overrides, written as on the command line: {@code PCHA-PG-03.minStorageGb=128}. */
  public RuleFixture withParameters(String... assignments) {
    List<String> all = new ArrayList<>(parameters);
    all.addAll(List.of(assignments));
    return new RuleFixture(rule, pack, all);
  }

  /** The rule over fixture files of any shape Plumbline reads. */
  public RuleOutcomes over(Path... inputs) throws InputException {
    return over(new TopologyLoader().load(List.of(inputs)));
  }

  /** The rule over resources written inline as ARM JSON, one resource per string (or one array). */
  public RuleOutcomes overResources(String... resources) throws InputException {
    StringBuilder array = new StringBuilder("[");
    for (String resource : resources) {
      JsonNode node = parse(resource);
      if (node.isArray()) {
        node.forEach(each -> array.append(array.length() > 1 ? "," : "").append(each));
      } else {
        array.append(array.length() > 1 ? "," : "").append(node);
      }
    }
    array.append(']');
    TopologyLoader loader = new TopologyLoader();
    var builder = new dev.plumbline.core.model.TopologyBuilder();
    loader.read("inline-fixture.json", array.toString().getBytes(StandardCharsets.UTF_8), builder);
    return over(builder.build());
  }

  /** The rule over a topology already loaded. */
  public RuleOutcomes over(Topology topology) {
    RulePack runs = pack != null ? pack : RulePack.of("fixture", "Fixture", "0", List.of(rule));
    AuditResult result;
    try {
      result = new AuditEngine().evaluate(topology, List.of(runs), RuleParameters.parse(parameters));
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String id = rule.metadata().id();
    return new RuleOutcomes(id, result.findings().stream().filter(f -> f.ruleId().equals(id)).toList());
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("fixture resource is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
