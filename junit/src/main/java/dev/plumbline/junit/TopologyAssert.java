package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.dsl.ResourceRule;
import java.util.List;
import java.util.function.BiFunction;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a loaded topology, and the way in to assertions on its resources:
 * {@code assertThat(topology).gateway("agw-connect").hasCookieAffinity()}.
 */
public class TopologyAssert extends AbstractAssert<TopologyAssert, Topology> {

  private final AssertionScope scope;

  TopologyAssert(Topology actual, AssertionScope scope) {
    super(actual, TopologyAssert.class);
    this.scope = scope;
  }

  /** The Application Gateway of this name. */
  public ApplicationGatewayAssert gateway(String name) {
    return find(ResourceType.APPLICATION_GATEWAY, name, ApplicationGatewayAssert::new);
  }

  /** The PostgreSQL flexible server of this name. */
  public PostgresServerAssert postgresServer(String name) {
    return find(ResourceType.POSTGRES_FLEXIBLE_SERVER, name, PostgresServerAssert::new);
  }

  /** The virtual machine of this name. */
  public VirtualMachineAssert virtualMachine(String name) {
    return find(ResourceType.VIRTUAL_MACHINE, name, VirtualMachineAssert::new);
  }

  /** The NetApp volume of this name (its last name segment, or pool/volume). */
  public NetAppVolumeAssert netAppVolume(String name) {
    return find(ResourceType.NETAPP_VOLUME, name, NetAppVolumeAssert::new);
  }

  /** The resource of this type and name. */
  public ResourceAssert resource(ResourceType type, String name) {
    return find(type, name, ResourceAssert::new);
  }

  /** Every virtual machine in the topology. */
  public VirtualMachinesAssert virtualMachines() {
    isNotNull();
    return new VirtualMachinesAssert(actual.ofType(ResourceType.VIRTUAL_MACHINE), scope);
  }

  /** The topology satisfies a custom rule: every finding passes (an empty selection fails unless the rule allows it). */
  public TopologyAssert meets(ResourceRule rule) {
    isNotNull();
    List<Finding> wrong = rule.check(actual).stream()
        .filter(finding -> finding.status() != Status.PASS && finding.status() != Status.NOT_APPLICABLE).toList();
    if (!wrong.isEmpty()) {
      StringBuilder text = new StringBuilder("Expecting the topology to meet the rule\n  ").append(rule.description())
          .append("\nbut ").append(wrong.size()).append(wrong.size() == 1 ? " finding does" : " findings do").append(" not pass:\n");
      FindingReport.line(text, "rule", rule.description());
      text.append(FindingReport.blocks(wrong, id -> java.util.Optional.empty()).substring(1));
      scope.report(new AssertionError(text.toString()));
    }
    return myself;
  }

  /** The topology holds no gaps: every scope and reference was read. */
  public TopologyAssert hasNoGaps() {
    isNotNull();
    if (!actual.gaps().isEmpty()) {
      StringBuilder text = new StringBuilder("Expecting the topology to have been read whole, but it has ")
          .append(actual.gaps().size()).append(" gap(s):\n");
      actual.gaps().forEach(gap -> FindingReport.line(text, gap.kind().name().toLowerCase(java.util.Locale.ROOT),
          gap.subject() + " " + gap.path() + " " + gap.reason()));
      scope.report(new AssertionError(text.toString()));
    }
    return myself;
  }

  private <A extends AbstractResourceAssert<A>> A find(ResourceType type, String name,
      BiFunction<Resource, AssertionScope, A> create) {
    isNotNull();
    List<Resource> candidates = actual.ofType(type);
    Resource found = candidates.stream()
        .filter(resource -> resource.name().equalsIgnoreCase(name)
            || resource.id().fullName().map(full -> full.equalsIgnoreCase(name) || full.toLowerCase(java.util.Locale.ROOT)
                .endsWith("/" + name.toLowerCase(java.util.Locale.ROOT))).orElse(false))
        .findFirst().orElse(null);
    if (found == null) {
      scope.report(new AssertionError("Expecting the topology to contain " + article(type.spokenName()) + " named "
          + name + ", but its " + type.spokenPlural() + " are: "
          + candidates.stream().map(Resource::name).toList()));
    }
    return create.apply(found, scope);
  }

  static String article(String noun) {
    return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
