package dev.plumbline.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subset of a topology holds what a build of its resources alone would hold: the same resources,
 * relations, pool members and gaps, in the same order, whether it is cut from the topology's
 * resolved relations or built afresh.
 */
class TopologySubsetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void eachDeploymentOfSeveralIsTheTopologyOfItsResourcesAlone() throws Exception {
    Topology topology = new TopologyLoader().load(twoDeployments());
    List<List<Resource>> groups = topology.connectedGroups();
    assertThat(groups).hasSizeGreaterThanOrEqualTo(2);
    for (List<Resource> group : groups) {
      assertThat(describe(topology.subset(group))).isEqualTo(describe(builtAlone(topology, group)));
    }
  }

  @Test
  void poolMembersNamedByAnAddressThatDeploymentsShareAreTracedWithinEachDeployment() throws Exception {
    Topology topology = new TopologyLoader().load(twoDeployments());
    Resource pool = topology.ofType(ResourceType.BACKEND_ADDRESS_POOL).stream()
        .filter(p -> p.id().resourceGroup().orElse("").equals("rg-a")).findFirst().orElseThrow();
    // In the whole scope the address belongs to a NIC of each deployment, so it traces to no VM.
    assertThat(topology.members(pool)).anyMatch(member -> member.kind() == BackendMember.Kind.IP_ADDRESS && !member.isResolved());
    List<Resource> group = topology.connectedGroups().stream().filter(g -> g.contains(pool.embeddedIn().orElseThrow()))
        .findFirst().orElseThrow();
    Topology subset = topology.subset(group);
    Resource subsetPool = subset.find(pool.id()).orElseThrow();
    assertThat(subset.members(subsetPool)).filteredOn(member -> member.kind() == BackendMember.Kind.IP_ADDRESS)
        .allMatch(BackendMember::isResolved).isNotEmpty();
  }

  @Test
  void aSubsetThatCutsARelationIsBuiltAfreshWithItsDanglingReferences() throws Exception {
    Topology topology = new TopologyLoader().load(twoDeployments());
    List<Resource> some = topology.topLevelResources().stream()
        .filter(r -> r.id().resourceGroup().orElse("").equals("rg-a"))
        .filter(r -> !r.is(ResourceType.VIRTUAL_NETWORK))
        .toList();
    Topology subset = topology.subset(some);
    assertThat(describe(subset)).isEqualTo(describe(builtAlone(topology, some)));
    assertThat(subset.gaps()).anyMatch(gap -> gap.kind() == Gap.Kind.DANGLING_REFERENCE);
  }

  /** Two copies of compliant.json in resource groups rg-a and rg-b; each pool also lists a node by its address. */
  private Path twoDeployments() throws Exception {
    Path compliant = Path.of(System.getProperty("plumbline.root"), "examples", "posit-connect-ha", "compliant.json");
    String text = Files.readString(compliant);
    ObjectNode merged = (ObjectNode) JSON.readTree(text);
    ArrayNode resources = JSON.createArrayNode();
    for (String group : List.of("rg-a", "rg-b")) {
      JsonNode copy = JSON.readTree(text.replace("rg-posit-connect", group));
      for (JsonNode resource : copy.get("resources")) {
        if (resource.path("type").asText().equals("Microsoft.Network/applicationGateways")) {
          for (JsonNode pool : resource.path("properties").path("backendAddressPools")) {
            ((ArrayNode) pool.path("properties").withArray("backendAddresses"))
                .add(JSON.createObjectNode().put("ipAddress", "10.20.1.4"));
          }
        }
        if (group.equals("rg-b") && resource.path("type").asText().equals("Microsoft.Network/networkInterfaces")) {
          // A reference that leads nowhere, so the deployment has a dangling-reference gap of its own.
          ((ObjectNode) resource.path("properties")).putObject("networkSecurityGroup")
              .put("id", "/subscriptions/0/resourceGroups/rg-b/providers/Microsoft.Network/networkSecurityGroups/nsg-gone");
        }
        resources.add(resource);
      }
    }
    merged.set("resources", resources);
    Path file = dir.resolve("two-deployments.json");
    JSON.writeValue(file.toFile(), merged);
    return file;
  }

  /** The resources built again from their JSON, as a topology of their own. */
  private static Topology builtAlone(Topology topology, List<Resource> topLevel) {
    Map<Resource, List<Resource>> parts = new HashMap<>();
    for (Resource resource : topology.resources()) {
      Resource top = resource;
      while (top.embeddedIn().isPresent()) {
        top = top.embeddedIn().get();
      }
      if (top != resource) {
        parts.computeIfAbsent(top, k -> new ArrayList<>()).add(resource);
      }
    }
    TopologyBuilder builder = new TopologyBuilder();
    for (Resource resource : topLevel) {
      Map<String, Provenance> known = new HashMap<>();
      parts.getOrDefault(resource, List.of()).forEach(part -> known.put(part.provenance().pointer(), part.provenance()));
      Provenance base = resource.provenance();
      builder.add(resource.raw(), base, pointer -> known.getOrDefault(pointer,
          new Provenance(base.source(), pointer, base.line(), base.column())));
    }
    topology.gaps().stream()
        .filter(gap -> EnumSet.of(Gap.Kind.UNREAD, Gap.Kind.UNRESOLVED_EXPRESSION).contains(gap.kind()))
        .forEach(builder::addGap);
    topology.inputs().forEach(builder::addInput);
    topology.nodes().forEach(builder::addNode);
    topology.scopes().forEach(builder::addScope);
    topology.capturedAt().ifPresent(builder::capturedAt);
    return builder.build();
  }

  /** Everything a topology holds, as lines to compare. */
  private static List<String> describe(Topology topology) {
    List<String> lines = new ArrayList<>();
    for (Resource resource : topology.resources()) {
      lines.add(resource + " @ " + resource.provenance() + " in " + resource.embeddedIn().map(Resource::toString).orElse("-"));
      for (Relation relation : Relation.values()) {
        topology.related(resource, relation).forEach(to -> lines.add("  " + relation + " -> " + to));
        topology.referencing(resource, relation).forEach(from -> lines.add("  " + relation + " <- " + from));
      }
      topology.children(resource).forEach(child -> lines.add("  child " + child));
      topology.members(resource).forEach(member -> lines.add("  member " + member));
    }
    topology.gaps().forEach(gap -> lines.add("gap " + gap));
    lines.add("inputs " + topology.inputs() + " nodes " + topology.nodes() + " scopes " + topology.scopes()
        + " captured " + topology.capturedAt());
    lines.add("groups " + topology.connectedGroups());
    return lines;
  }
}
