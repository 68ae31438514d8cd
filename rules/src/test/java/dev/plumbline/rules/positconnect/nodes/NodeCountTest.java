package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.TopologyLoader;
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

class NodeCountTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NodeCount rule = new NodeCount();

  @TempDir
  Path temp;

  @Test
  void twoNodesBehindTheGatewayPass() throws Exception {
    List<Finding> findings = findings(rule, example("compliant.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    assertThat(findings.get(0).evidence()).containsExactly(new Evidence("Connect nodes", ">= 2", "2 (vm-connect-1, vm-connect-2)"));
  }

  @Test
  void oneNodeFails() throws Exception {
    assertThat(outcomes(rule, example("violations/single-node.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void minNodesIsAParameter() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"), "PCHA-VM-01.minNodes=3")).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void aPoolMemberThatCannotBeTracedMakesTooFewNodesUnknown() throws Exception {
    Path input = variant("violations/single-node.json", resources -> pool(resources).with("properties")
        .withArray("backendAddresses").addObject().put("ipAddress", "10.20.1.99"));
    List<Finding> findings = findings(rule, input);
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).evidence()).contains(new Evidence("untraced pool members", "none", "10.20.1.99"));
  }

  @Test
  void aTaggedVmMissingFromThePoolStillCountsAsANode() throws Exception {
    Path input = variant("compliant.json", resources -> {
      ArrayNode members = (ArrayNode) pool(resources).path("properties").path("backendIPConfigurations");
      members.remove(1);
      for (JsonNode resource : resources) {
        if (resource.path("name").asText().equals("nic-connect-2")) {
          ((ObjectNode) resource.path("properties").path("ipConfigurations").get(0).path("properties"))
              .remove("applicationGatewayBackendAddressPools");
        }
      }
    });
    assertThat(new TopologyLoader().load(input).gaps()).isEmpty();
    assertThat(outcomes(rule, input)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    assertThat(ConnectNodes.in(new TopologyLoader().load(input)).nodes())
        .extracting(node -> node.vm().name() + ": " + String.join("; ", node.foundBy()))
        .containsExactly(
            "vm-connect-1: member of backend pool agw-connect/pool-connect (NIC IP configuration); tagged role=posit-connect",
            "vm-connect-2: tagged role=posit-connect");
  }

  @Test
  void eachTagSelectsItsOwnNodesInTheSameTopology() throws Exception {
    Path input = variant("compliant.json", resources -> {
      ArrayNode members = (ArrayNode) pool(resources).path("properties").path("backendIPConfigurations");
      members.remove(1);
      for (JsonNode resource : resources) {
        if (resource.path("name").asText().equals("nic-connect-2")) {
          ((ObjectNode) resource.path("properties").path("ipConfigurations").get(0).path("properties"))
              .remove("applicationGatewayBackendAddressPools");
        }
      }
    });
    var topology = new TopologyLoader().load(input);
    // The selection is kept with the topology per tag, so asking with another tag must not reuse it.
    assertThat(ConnectNodes.in(topology).nodes()).hasSize(2);
    assertThat(ConnectNodes.in(topology, "role", "something-else").nodes()).extracting(node -> node.vm().name())
        .containsExactly("vm-connect-1");
    assertThat(ConnectNodes.in(topology, "role", "posit-connect").nodes()).hasSize(2);
  }

  private static ObjectNode pool(ArrayNode resources) {
    for (JsonNode resource : resources) {
      if (resource.path("type").asText().equals("Microsoft.Network/applicationGateways")) {
        return (ObjectNode) resource.path("properties").path("backendAddressPools").get(0);
      }
    }
    throw new AssertionError("no gateway in the example");
  }

  private Path variant(String example, Consumer<ArrayNode> change) throws Exception {
    ObjectNode snapshot = (ObjectNode) JSON.readTree(example(example).toFile());
    change.accept((ArrayNode) snapshot.get("resources"));
    Path file = temp.resolve("variant.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
    return file;
  }
}
