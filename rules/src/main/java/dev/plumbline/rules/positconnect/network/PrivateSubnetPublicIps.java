package dev.plumbline.rules.positconnect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
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
import java.util.Optional;
import java.util.Set;

/**
 * A public IP on a NIC opens a door around the gateway and gives the subnet its own way out, so
 * the subnets behind the gateway must carry none; the gateway's own public frontend is the one
 * public address the design has.
 */
@RuleDefinition(
    id = "PCHA-NET-03",
    name = "Connect.Network.PrivateSubnetPublicIps",
    summary = "No NIC IP configuration outside the Application Gateway's subnet has a public IP address.",
    severity = Severity.HIGH,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Networking: \"The database instance, NetApp Files, and the virtual machine instances are located within the private subnets and ingress to the virtual machines is managed through an Application Gateway.\"",
        "https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses",
        "https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access"
    },
    azurePolicy = {"Network interfaces should not have public IPs"})
public final class PrivateSubnetPublicIps implements Rule {

  private static final String PUBLIC_IP = "properties.publicIPAddress.id";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    Topology topology = context.topology();
    GatewaySubnets gateways = GatewaySubnets.in(topology);
    List<Finding> findings = new ArrayList<>();
    Set<Subnet> exposed = new LinkedHashSet<>();
    for (Resource resource : topology.ofType(ResourceType.NIC_IP_CONFIGURATION)) {
      IpConfiguration configuration = new IpConfiguration(resource, topology);
      if (!configuration.referencesPublicIp()) {
        continue;
      }
      Optional<Subnet> subnet = configuration.subnet();
      if (subnet.filter(gateways::contains).isPresent()) {
        // A NIC in the gateway's subnet is PCHA-NET-01's concern; the gateway's frontend is no NIC.
        continue;
      }
      subnet.ifPresent(exposed::add);
      findings.add(exposedConfiguration(context, configuration, subnet));
    }
    List<Subnet> privateSubnets = Subnet.all(topology).stream().filter(subnet -> !gateways.contains(subnet)).toList();
    for (Subnet subnet : privateSubnets) {
      if (!exposed.contains(subnet)) {
        findings.add(cleanSubnet(context, subnet));
      }
    }
    if (findings.isEmpty()) {
      return List.of(context.missing("a subnet besides the gateway's",
          "No subnet other than the Application Gateway's is in scope, so there is no private subnet to check."));
    }
    return findings;
  }

  private static Finding exposedConfiguration(RuleContext context, IpConfiguration configuration, Optional<Subnet> subnet) {
    String name = configuration.networkInterface().map(NetworkInterface::name).orElse("") + "/" + configuration.name();
    String owner = configuration.networkInterface().flatMap(NetworkInterface::virtualMachine)
        .map(VirtualMachine::name).map(vm -> " of VM " + vm).orElse("");
    String where = subnet.map(s -> "private subnet " + s.name()).orElse("a subnet outside the topology");
    Optional<PublicIpAddress> address = configuration.publicIpAddress();
    String actual = address.map(pip -> pip.name() + pip.ipAddress().map(ip -> " (" + ip + ")").orElse(""))
        .orElseGet(() -> configuration.text(PUBLIC_IP).orElse(""));
    return context.fail(configuration.resource(), "NIC IP configuration " + name + owner + " in " + where
        + " has public IP " + actual + ", which opens a way in and out that bypasses the Application Gateway.",
        new Evidence(PUBLIC_IP, "none", actual));
  }

  private static Finding cleanSubnet(RuleContext context, Subnet subnet) {
    Topology topology = context.topology();
    Set<Resource> known = new LinkedHashSet<>();
    subnet.ipConfigurations().forEach(configuration -> known.add(configuration.resource()));
    List<String> unread = new ArrayList<>();
    // The subnet lists every IP configuration in it, including those of NICs outside the audited scope.
    for (JsonNode entry : subnet.get("properties.ipConfigurations")) {
      String id = entry.path("id").asText("");
      if (!id.isBlank() && topology.find(id).filter(r -> r.is(ResourceType.NIC_IP_CONFIGURATION)).isEmpty()) {
        unread.add(id);
      }
    }
    Evidence evidence = new Evidence("ipConfigurations[*].publicIPAddress", "none",
        unread.isEmpty() ? (known.isEmpty() ? "no NIC IP configuration in the subnet" : "none on " + known.size() + " IP configuration(s)") : null);
    if (!unread.isEmpty()) {
      return context.unknown(subnet.resource(), "Subnet " + subnet.name() + " lists " + unread.size()
          + " IP configuration(s) that are not in the topology, so whether they carry public IPs cannot be told: "
          + String.join(", ", unread) + ".", evidence);
    }
    return context.pass(subnet.resource(), "No NIC IP configuration in subnet " + subnet.name() + " has a public IP.", evidence);
  }
}
