package dev.plumbline.rules.positconnect.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.compute.VirtualMachine;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.NetworkInterface;
import dev.plumbline.core.model.network.PublicIpAddress;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nodes are reached only through the gateway: a public IP on a node bypasses it (and its WAF and
 * TLS), and a subnet with default outbound access hands every node an implicit public address.
 */
@RuleDefinition(
    id = "PCHA-VM-05",
    name = "Connect.Nodes.PrivateNetwork",
    summary = "No Connect node has a public IP, and every node NIC sits in a private subnet that is not the gateway's.",
    severity = Severity.HIGH,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Networking: \"The database instance, NetApp Files, and the virtual machine instances are"
            + " located within the private subnets and ingress to the virtual machines is managed through an"
            + " Application Gateway\"",
        "https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access",
        "https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses",
        "https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#virtual-network-and-dedicated-subnet"
    },
    psrule = {"Azure.VM.PublicIPAttached", "Azure.VNET.PrivateSubnet"},
    checkov = {"CKV_AZURE_119"},
    azurePolicy = {"Network interfaces should not have public IPs (83a86a26-fd1f-447c-b59d-e51f44264114)"})
public final class PrivateNodeNetwork implements Rule {

  private static final String NICS = "properties.networkProfile.networkInterfaces";
  private static final String PUBLIC_IP = "properties.publicIPAddress";
  private static final String OUTBOUND = "properties.defaultOutboundAccess";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("Connect nodes",
          "No Connect node was found, so no node can be shown to sit in a private subnet."));
    }
    return nodes.nodes().stream().map(node -> judge(context, node.vm())).toList();
  }

  /** What one node's NICs show, sorted into what breaks the requirement, what is missing and what holds. */
  private static final class Exposure {
    final List<String> failures = new ArrayList<>();
    final List<Evidence> failed = new ArrayList<>();
    final List<String> gaps = new ArrayList<>();
    final List<Evidence> unknown = new ArrayList<>();
    final List<Evidence> held = new ArrayList<>();
  }

  private static Finding judge(RuleContext context, VirtualMachine vm) {
    Topology topology = context.topology();
    Exposure exposure = new Exposure();
    List<NetworkInterface> nics = networkInterfaces(vm, topology);
    int listed = vm.get(NICS).size();
    if (listed > vm.networkInterfaces().size()) {
      exposure.gaps.add("NICs it lists are missing from the topology (" + (listed - vm.networkInterfaces().size())
          + " of " + listed + ")");
      exposure.unknown.add(new Evidence(NICS, "every NIC in the topology",
          listed + " listed, " + vm.networkInterfaces().size() + " found"));
    }
    int checked = 0;
    for (NetworkInterface nic : nics) {
      for (IpConfiguration ipConfiguration : nic.ipConfigurations()) {
        check(topology, nic, ipConfiguration, exposure);
        checked++;
      }
    }
    if (checked == 0 && exposure.gaps.isEmpty()) {
      exposure.gaps.add("no NIC with an IP configuration was found for it");
      exposure.unknown.add(Evidence.absent("networkInterfaces[*].ipConfigurations", "IP configurations in private subnets"));
    }
    String name = "Connect node " + vm.name();
    if (!exposure.failures.isEmpty()) {
      return context.fail(vm.resource(), name + " is not private: " + String.join("; ", exposure.failures) + ".",
          exposure.failed.toArray(Evidence[]::new));
    }
    if (!exposure.gaps.isEmpty()) {
      return context.unknown(vm.resource(), name + " has no public IP that can be seen, but it cannot be shown to sit"
          + " in a private subnet: " + String.join("; ", exposure.gaps) + ".", exposure.unknown.toArray(Evidence[]::new));
    }
    return context.pass(vm.resource(), name + " has no public IP and its NICs sit only in private subnets.",
        exposure.held.toArray(Evidence[]::new));
  }

  private static void check(Topology topology, NetworkInterface nic, IpConfiguration ipConfiguration, Exposure exposure) {
    String where = nic.name() + "/" + ipConfiguration.name();
    String path = "networkInterfaces[" + nic.name() + "].ipConfigurations[" + ipConfiguration.name() + "].";
    JsonNode publicIp = ipConfiguration.get(PUBLIC_IP);
    if (!publicIp.isMissingNode() || ipConfiguration.referencesPublicIp()) {
      String shown = ipConfiguration.publicIpAddress().map(PublicIpAddress::name)
          .orElseGet(() -> ipConfiguration.text(PUBLIC_IP + ".id").orElse("a public IP"));
      exposure.failures.add("public IP " + shown + " is attached to " + where);
      exposure.failed.add(new Evidence(path + PUBLIC_IP + ".id", "none",
          ipConfiguration.text(PUBLIC_IP + ".id").orElse(publicIp.toString())));
    } else {
      exposure.held.add(Evidence.absent(path + PUBLIC_IP + ".id", "none"));
    }
    if (ipConfiguration.subnet().isEmpty()) {
      String reference = ipConfiguration.text("properties.subnet.id").orElse(null);
      exposure.gaps.add(reference == null ? where + " names no subnet" : where + "'s subnet is not in the topology");
      exposure.unknown.add(new Evidence(path + "properties.subnet.id", "a private subnet in the topology", reference));
      return;
    }
    Subnet subnet = ipConfiguration.subnet().get();
    String subnetPath = path + "subnet[" + subnet.name() + "].";
    List<Resource> gatewayConfigurations = topology.referencing(subnet.resource(), Relation.GATEWAY_IP_CONFIGURATION_SUBNET);
    if (!gatewayConfigurations.isEmpty()) {
      Set<String> gateways = new LinkedHashSet<>();
      gatewayConfigurations.forEach(configuration ->
          gateways.add(topology.parent(configuration).map(Resource::name).orElse(configuration.name())));
      exposure.failures.add(where + " sits in subnet " + subnet.name() + ", the subnet of Application Gateway "
          + String.join(", ", gateways));
      exposure.failed.add(new Evidence(subnetPath + "properties.applicationGatewayIPConfigurations",
          "no Application Gateway", String.join(", ", gateways)));
    }
    JsonNode outbound = subnet.get(OUTBOUND);
    if (outbound.isBoolean() && !outbound.asBoolean()) {
      exposure.held.add(new Evidence(subnetPath + OUTBOUND, "false", "false"));
    } else if (outbound.isBoolean()) {
      exposure.failures.add("subnet " + subnet.name() + " of " + where + " has default outbound access enabled, so it"
          + " is not a private subnet");
      exposure.failed.add(new Evidence(subnetPath + OUTBOUND, "false", "true"));
    } else if (outbound.isMissingNode()) {
      // Azure treats an absent value as enabled on subnets made with older API versions, but that is not documented.
      exposure.gaps.add("subnet " + subnet.name() + " of " + where + " does not state defaultOutboundAccess, so it is"
          + " not known to be private");
      exposure.unknown.add(Evidence.absent(subnetPath + OUTBOUND, "false"));
    } else {
      exposure.gaps.add("subnet " + subnet.name() + " of " + where + " has an unrecognised defaultOutboundAccess value");
      exposure.unknown.add(new Evidence(subnetPath + OUTBOUND, "false", outbound.asText(outbound.toString())));
    }
  }

  /** The NICs of a VM, whether the VM lists them or the NIC names the VM. */
  private static List<NetworkInterface> networkInterfaces(VirtualMachine vm, Topology topology) {
    Set<Resource> found = new LinkedHashSet<>();
    vm.networkInterfaces().forEach(nic -> found.add(nic.resource()));
    found.addAll(topology.referencing(vm.resource(), Relation.NIC_VIRTUAL_MACHINE));
    return found.stream().map(resource -> new NetworkInterface(resource, topology)).toList();
  }
}
