package dev.plumbline.rules.positconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scope holding several Connect deployments is judged one deployment at a time. */
class ConnectDeploymentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** The compliant deployment copied into resource groups rg-pc-0, rg-pc-1, ..., its node facts kept once. */
  private Path copies(int count) throws Exception {
    ObjectNode example = (ObjectNode) JSON.readTree(RuleFixtures.example("compliant.json").toFile());
    String resources = example.get("resources").toString();
    ArrayNode all = JSON.createArrayNode();
    for (int i = 0; i < count; i++) {
      JSON.readTree(resources.replace("rg-posit-connect", "rg-pc-" + i)).forEach(all::add);
    }
    example.set("resources", all);
    ((ArrayNode) example.get("nodes")).forEach(node -> ((ObjectNode) node).remove("vmId"));
    Path file = dir.resolve("copies.json");
    JSON.writeValue(file.toFile(), example);
    return file;
  }

  private static AuditResult audit(Path file) throws Exception {
    return new AuditEngine().evaluate(new TopologyLoader().load(file), List.of(new PositConnectHaPack()), RuleParameters.defaults());
  }

  @Test
  void threeCompliantDeploymentsInOneScopeEachPassAsTheExampleDoes() throws Exception {
    AuditResult one = audit(copies(1));
    AuditResult three = audit(copies(3));

    List<Finding> notPassing = three.findings().stream().filter(f -> f.status() != Status.PASS).toList();
    assertThat(notPassing).extracting(f -> f.ruleId() + " " + f.status() + " " + f.subject().id())
        .containsExactly("PCHA-HA-02 FAIL zone-1@rg-pc-0", "PCHA-HA-02 FAIL zone-1@rg-pc-1", "PCHA-HA-02 FAIL zone-1@rg-pc-2");
    assertThat(three.findings()).hasSize(3 * one.findings().size());
    assertThat(three.notes()).extracting(note -> note.title())
        .containsExactly("Connect nodes (deployment rg-pc-0)", "Connect nodes (deployment rg-pc-1)", "Connect nodes (deployment rg-pc-2)");
    assertThat(three.findings()).filteredOn(f -> !f.subject().isResource())
        .allSatisfy(f -> assertThat(f.subject().name()).contains(" of deployment rg-pc-"));
  }

  @Test
  void oneDeploymentIsAuditedWholeWithItsSubjectsUnchanged() throws Exception {
    AuditResult one = audit(copies(1));

    assertThat(one.findings()).filteredOn(f -> !f.subject().isResource()).extracting(f -> f.subject().id())
        .doesNotContain("scope@rg-pc-0").contains("scope");
  }


  @Test
  void deploymentsJudgedAcrossTheCoresComeOutInTheSameOrderEveryTime() throws Exception {
    Path file = copies(12);

    List<String> first = audit(file).findings().stream().map(f -> f.ruleId() + " " + f.subject().id() + " " + f.status()).toList();
    List<String> second = audit(file).findings().stream().map(f -> f.ruleId() + " " + f.subject().id() + " " + f.status()).toList();

    assertThat(first).isEqualTo(second);
    assertThat(first).filteredOn(line -> line.startsWith("PCHA-HA-02 ") && line.endsWith(" FAIL"))
        .containsExactly(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "PCHA-HA-02 zone-1@rg-pc-" + i + " FAIL")
            .toArray(String[]::new));
  }
}
