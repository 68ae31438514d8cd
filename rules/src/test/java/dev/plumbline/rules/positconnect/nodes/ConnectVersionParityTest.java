package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectVersionParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectVersionParity rule = new ConnectVersionParity();

  @TempDir
  Path temp;

  @Test
  void nodesMatchedByIdHostnameAndAddressOnOneVersionPass() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-06-pass.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    // The untagged VM's facts (2025.01.0) are not a Connect node's, so they are not compared.
    assertThat(findings.get(0).evidence()).containsExactly(
        new Evidence("nodes[connect-a].connect.version", "2026.08.0", "2026.08.0"),
        new Evidence("nodes[connect-b].connect.version", "2026.08.0", "2026.08.0"),
        new Evidence("nodes[connect-c].connect.version", "2026.08.0", "2026.08.0"));
  }

  @Test
  void aNodeOnAnotherVersionFailsEvenWhenAnotherNodeHasNoFacts() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-06-fail.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(findings.get(0).message()).contains("2026.06.1 on vm-b").contains("2026.08.0");
    assertThat(findings.get(0).evidence()).containsExactly(
        new Evidence("nodes[connect-a].connect.version", "2026.08.0", "2026.08.0"),
        new Evidence("nodes[connect-b].connect.version", "2026.08.0", "2026.06.1"),
        new Evidence("nodes[connect-c].connect.version", "2026.08.0", "2026.08.0"),
        Evidence.absent("nodes[vm-d]", "a node facts entry for VM vm-d"));
  }

  @Test
  void aNodeThatDoesNotReportItsVersionIsUnknown() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-06-unknown.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).evidence()).contains(Evidence.absent("nodes[connect-c].connect.version", "2026.08.0"));
  }

  @Test
  void withoutNodeFactsTheRuleSaysHowToSupplyThem() throws Exception {
    List<Finding> findings = findings(rule, compliantWith(nodes -> nodes.removeAll()));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).message()).contains("--connect-node NAME=URL").contains("--node-facts FILE")
        .contains("--connect-node").contains("--node-facts");
  }

  @Test
  void factsThatDescribeNoConnectNodeAreUnknown() throws Exception {
    Path input = compliantWith(nodes -> nodes.forEach(node -> ((ObjectNode) node)
        .put("vmId", "/subscriptions/3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15/resourceGroups/rg-posit-connect/providers/Microsoft.Network/virtualNetworks/vnet-connect")
        .put("hostname", "elsewhere").put("privateIp", "10.99.0.1")));
    // Facts matching no VM are still compared (they come from a Connect node the topology does not show);
    // the two VM nodes have none, so the outcome is UNKNOWN rather than PASS.
    List<Finding> findings = findings(rule, input);
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).message()).contains("vm-connect-1, vm-connect-2");
  }

  @Test
  void bundledExamplesPassAndTheVersionMismatchFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    List<Finding> findings = findings(rule, example("violations/node-version-mismatch.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(findings.get(0).evidence())
        .contains(new Evidence("nodes[connect-2].connect.version", "2026.08.0", "2026.06.1"));
  }

  /** The compliant example with its {@code nodes} section changed. */
  private Path compliantWith(Consumer<ArrayNode> change) throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(example("compliant.json").toFile());
    change.accept((ArrayNode) snapshot.get("nodes"));
    Path file = temp.resolve("variant.json");
    Files.writeString(file, JSON.writeValueAsString(snapshot));
    return file;
  }
}
