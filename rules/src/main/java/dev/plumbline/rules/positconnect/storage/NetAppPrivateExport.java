package dev.plumbline.rules.positconnect.storage;

import dev.plumbline.core.model.network.Ipv4Range;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.network.VirtualNetwork;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared volume holds every published bundle and its data; an export open beyond the private
 * network lets any host that can route to it read or overwrite Connect's content.
 */
@RuleDefinition(
    id = "PCHA-ANF-04",
    name = "Connect.Storage.PrivateExport",
    summary = "The NetApp volume sits in a subnet delegated to Microsoft.NetApp/volumes and no export rule admits clients outside the private network.",
    severity = Severity.HIGH,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Networking: \"The database instance, NetApp Files, and the virtual machine instances are located within the private subnets\"",
        "https://learn.microsoft.com/azure/azure-netapp-files/azure-netapp-files-delegate-subnet",
        "https://learn.microsoft.com/azure/azure-netapp-files/azure-netapp-files-configure-export-policy"
    })
public final class NetAppPrivateExport implements Rule {

  /** The RFC 1918 private ranges. */
  private static final List<Ipv4Range> RFC_1918 = List.of(
      Ipv4Range.cidr("10.0.0.0/8"), Ipv4Range.cidr("172.16.0.0/12"), Ipv4Range.cidr("192.168.0.0/16"));

  static final String DELEGATION = "Microsoft.NetApp/volumes";
  private static final String SUBNET = "properties.subnetId";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<NetAppVolume> volumes = NetAppVolume.all(context.topology());
    if (volumes.isEmpty()) {
      return List.of(context.missing("an Azure NetApp Files volume",
          "No Azure NetApp Files volume is in scope, so there is no export policy to check."));
    }
    return volumes.stream().map(volume -> check(context, volume)).toList();
  }

  private static Finding check(RuleContext context, NetAppVolume volume) {
    String what = "NetApp volume " + volume.name();
    List<String> failures = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();

    String expectedSubnet = "a subnet delegated to " + DELEGATION;
    Optional<Subnet> subnet = volume.subnet();
    Optional<VirtualNetwork> network = subnet.flatMap(Subnet::virtualNetwork);
    if (volume.text(SUBNET).isEmpty()) {
      unknowns.add("it does not state its subnet");
      evidence.add(Evidence.absent(SUBNET, expectedSubnet));
    } else if (subnet.isEmpty()) {
      unknowns.add("its subnet is not in the topology");
      evidence.add(new Evidence(SUBNET, expectedSubnet, "a subnet that is not in the topology"));
    } else if (!subnet.get().isDelegatedTo(DELEGATION)) {
      List<String> delegations = subnet.get().delegations();
      failures.add("its subnet " + subnet.get().name() + " is not delegated to " + DELEGATION);
      evidence.add(new Evidence(SUBNET, expectedSubnet, subnet.get().name() + " delegated to "
          + (delegations.isEmpty() ? "nothing" : String.join(", ", delegations))));
    } else {
      evidence.add(new Evidence(SUBNET, expectedSubnet, subnet.get().name() + " delegated to " + DELEGATION));
    }

    List<Ipv4Range> privateRanges = new ArrayList<>(RFC_1918);
    network.ifPresent(vnet -> vnet.addressPrefixes().forEach(prefix -> Ipv4Range.parse(prefix).ifPresent(privateRanges::add)));
    String expectedClients = "only addresses in " + String.join(", ", privateRanges.stream().map(Ipv4Range::toString).toList());
    Optional<List<ExportRule>> rules = ExportRule.of(volume);
    if (rules.isEmpty()) {
      unknowns.add("it states no export policy");
      evidence.add(Evidence.absent(ExportRule.RULES, expectedClients));
    }
    for (ExportRule rule : rules.orElse(List.of())) {
      String path = rule.path() + ".allowedClients";
      List<String> open = new ArrayList<>();
      List<String> unclear = new ArrayList<>();
      if (rule.clients().isEmpty()) {
        unclear.add("names no clients");
      }
      for (ExportRule.Client client : rule.clients()) {
        switch (client.kind()) {
          case EVERYONE -> open.add(client.text() + " (everyone)");
          case IPV4 -> {
            if (!privateRanges.stream().anyMatch(range -> range.contains(client.block().orElseThrow()))) {
              if (network.isPresent()) {
                open.add(client.text() + " (outside the private network)");
              } else {
                unclear.add(client.text() + " is outside RFC 1918 and the volume's VNet address space is not known");
              }
            }
          }
          case IPV6 -> unclear.add(client.text() + " is an IPv6 entry");
          case HOST_NAME -> unclear.add(client.text() + " is a host name, which cannot be resolved offline");
        }
      }
      evidence.add(new Evidence(path, expectedClients, rule.allowedClients()));
      if (!open.isEmpty()) {
        failures.add("export rule " + rule.index() + " admits " + String.join(", ", open));
      } else if (!unclear.isEmpty()) {
        unknowns.add("export rule " + rule.index() + ": " + String.join("; ", unclear));
      }
    }

    Evidence[] all = evidence.toArray(Evidence[]::new);
    if (!failures.isEmpty()) {
      return context.fail(volume.resource(), what + " is not kept private: " + String.join("; ", failures) + ".", all);
    }
    if (!unknowns.isEmpty()) {
      return context.unknown(volume.resource(), "Whether " + what + " is kept private cannot be told: "
          + String.join("; ", unknowns) + ".", all);
    }
    return context.pass(volume.resource(), what + " sits in a subnet delegated to " + DELEGATION
        + " and exports only to private addresses.", all);
  }
}
