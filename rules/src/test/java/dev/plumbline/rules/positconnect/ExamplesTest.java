package dev.plumbline.rules.positconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled examples: the compliant deployment passes every rule (an INFO rule may report what it
 * found, such as a single-zone point of failure the reference design accepts), and each violation
 * file flips exactly the rules its {@code source.violates} names, no more and no fewer.
 */
class ExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  static Stream<Path> violations() throws Exception {
    try (Stream<Path> files = Files.list(RuleFixtures.example("violations"))) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found.stream();
    }
  }

  @Test
  void theCompliantExamplePassesEveryRule() throws Exception {
    AuditResult result = audit(RuleFixtures.example("compliant.json"));
    assertThat(result.findings()).isNotEmpty().allSatisfy(finding -> {
      boolean info = result.severityOf(finding) == Severity.INFO;
      assertThat(finding.status()).as("%s on %s: %s", finding.ruleId(), finding.subject().name(), finding.message())
          .isIn(info ? Set.of(Status.PASS, Status.FAIL) : Set.of(Status.PASS));
    });
    assertThat(result.findings().stream().map(Finding::ruleId).distinct().toList())
        .containsExactlyElementsOf(result.rules().stream().map(rule -> rule.id()).toList());
    assertThat(result.gaps()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void eachViolationFlipsExactlyTheRulesItNames(Path example) throws Exception {
    JsonNode declared = JSON.readTree(example.toFile()).path("source").path("violates");
    Set<String> expected = new TreeSet<>();
    declared.forEach(id -> expected.add(id.asText()));
    assertThat(expected).as("source.violates of %s", example.getFileName()).isNotEmpty();
    Set<String> flipped = flipped(audit(example));
    flipped.removeAll(flipped(audit(RuleFixtures.example("compliant.json"))));
    assertThat(flipped).isEqualTo(expected);
  }

  @Test
  void withoutNodeFactsExactlyTheNodeFactRulesAreUnknown() throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(RuleFixtures.example("compliant.json").toFile());
    snapshot.putArray("nodes");
    Path file = temp.resolve("no-node-facts.json");
    Files.writeString(file, JSON.writeValueAsString(snapshot));
    AuditResult result = audit(file);
    Set<String> unknown = new TreeSet<>();
    result.findings().stream().filter(f -> f.status() == Status.UNKNOWN).forEach(f -> unknown.add(f.ruleId()));
    assertThat(unknown).isEqualTo(PositConnectHaPack.NODE_FACT_RULES);
    Set<String> flipped = flipped(result);
    flipped.removeAll(flipped(audit(RuleFixtures.example("compliant.json"))));
    assertThat(flipped).isEqualTo(PositConnectHaPack.NODE_FACT_RULES);
  }

  private static AuditResult audit(Path input) throws Exception {
    return new AuditEngine().evaluate(new TopologyLoader().load(input), List.of(new PositConnectHaPack()), RuleParameters.defaults());
  }

  /** The rules with any finding that is not PASS. */
  private static Set<String> flipped(AuditResult result) {
    Set<String> ids = new TreeSet<>();
    result.findings().stream().filter(f -> f.status() != Status.PASS).forEach(f -> ids.add(f.ruleId()));
    return ids;
  }
}
