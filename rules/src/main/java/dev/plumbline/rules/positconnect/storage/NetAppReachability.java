package dev.plumbline.rules.positconnect.storage;

import dev.plumbline.core.model.network.Ipv4Range;
import dev.plumbline.core.model.network.IpConfiguration;
import dev.plumbline.core.model.network.NetworkInterface;
import dev.plumbline.core.model.network.Subnet;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.database.ConnectNetwork;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every node keeps Connect's data directory on this volume; a node that cannot mount it read-write
 * cannot publish or serve content, so the cluster is only as available as its least-connected node.
 */
@RuleDefinition(
    id = "PCHA-ANF-01",
    name = "Connect.Storage.Reachability",
    summary = "An Azure NetApp Files volume is in scope, in the Connect nodes' VNet or a peered one, and its export policy admits every node's private address read-write.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Architectural overview: \"Azure NetApp Files, a networked file system used to store file data, which is mounted across the Connect services\"",
        "Posit Connect HA checklist: \"Configure each server's Server.DataDir to point to the same shared location\" (https://docs.posit.co/connect/admin/load-balancing/)",
        "https://learn.microsoft.com/azure/azure-netapp-files/azure-netapp-files-configure-export-policy",
        "https://learn.microsoft.com/azure/azure-netapp-files/azure-netapp-files-network-topologies"
    })
public final class NetAppReachability implements Rule {

  private static final String SUBNET = "properties.subnetId";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<NetAppVolume> volumes = NetAppVolume.all(context.topology());
    if (volumes.isEmpty()) {
      return List.of(context.missing("an Azure NetApp Files volume",
          "No Azure NetApp Files volume is in scope, so the Connect nodes have no shared data directory."));
    }
    ConnectNetwork network = ConnectNetwork.of(context);
    return volumes.stream().map(volume -> check(context, network, volume)).toList();
  }

  private static Finding check(RuleContext context, ConnectNetwork network, NetAppVolume volume) {
    String what = "NetApp volume " + volume.name();
    if (network.nodes().nodes().isEmpty()) {
      return context.unknown(volume.resource(), what + " cannot be checked against the Connect nodes: no node was found.",
          new Evidence("Connect nodes", "at least one", "none"));
    }
    List<String> failures = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();

    String expectedPlace = "a subnet in the Connect nodes' VNet or a VNet peered with it";
    Optional<Subnet> subnet = volume.subnet();
    if (volume.text(SUBNET).isEmpty()) {
      unknowns.add("it does not state its subnet");
      evidence.add(Evidence.absent(SUBNET, expectedPlace));
    } else if (subnet.isEmpty()) {
      unknowns.add("its subnet is not in the topology");
      evidence.add(new Evidence(SUBNET, expectedPlace, "a subnet that is not in the topology"));
    } else {
      ConnectNetwork.Placement placement = network.place(subnet.get());
      String where = "subnet " + subnet.get().name() + " " + placement.explanation();
      evidence.add(new Evidence(SUBNET, expectedPlace, where));
      switch (placement.reach()) {
        case SAME_NETWORK, PEERED -> { }
        case UNKNOWN -> unknowns.add("it is in " + where);
        case ELSEWHERE -> failures.add("it is in " + where);
      }
    }

    Optional<List<ExportRule>> rules = ExportRule.of(volume);
    List<String> admitted = new ArrayList<>();
    if (rules.isEmpty()) {
      unknowns.add("it states no export policy");
      evidence.add(Evidence.absent(ExportRule.RULES, "a rule admitting every Connect node read-write"));
    } else {
      for (ConnectNode node : network.nodes().nodes()) {
        String name = node.vm().name();
        List<String> addresses = privateAddresses(node);
        String expected = "admits " + name + " read-write";
        if (addresses.isEmpty()) {
          unknowns.add("the private address of " + name + " is not known");
          evidence.add(new Evidence(ExportRule.RULES, expected, null));
          continue;
        }
        List<Access> accesses = addresses.stream().map(address -> access(rules.get(), address)).toList();
        String actual = String.join("; ", accesses.stream().map(Access::description).toList());
        evidence.add(new Evidence(ExportRule.RULES, expected, actual));
        if (accesses.stream().anyMatch(access -> access.verdict() == Verdict.READ_WRITE)) {
          admitted.add(name);
        } else if (accesses.stream().anyMatch(access -> access.verdict() == Verdict.UNDECIDED)) {
          unknowns.add("whether " + name + " is admitted cannot be told (" + actual + ")");
        } else {
          failures.add(name + " cannot mount it read-write (" + actual + ")");
        }
      }
    }

    Evidence[] all = evidence.toArray(Evidence[]::new);
    if (!failures.isEmpty()) {
      return context.fail(volume.resource(), what + " is not reachable by every Connect node: "
          + String.join("; ", failures) + ".", all);
    }
    if (!unknowns.isEmpty()) {
      return context.unknown(volume.resource(), "Whether every Connect node reaches " + what + " cannot be told: "
          + String.join("; ", unknowns) + ".", all);
    }
    return context.pass(volume.resource(), what + " is reachable from the Connect nodes and its export policy admits "
        + String.join(", ", admitted) + " read-write.", all);
  }

  /** The private IPv4 addresses of a node's NICs, as written. */
  private static List<String> privateAddresses(ConnectNode node) {
    List<String> addresses = new ArrayList<>();
    for (NetworkInterface nic : node.vm().networkInterfaces()) {
      for (IpConfiguration configuration : nic.ipConfigurations()) {
        configuration.privateIpAddress().filter(address -> !address.isBlank()).ifPresent(addresses::add);
      }
    }
    return addresses;
  }

  private enum Verdict { READ_WRITE, READ_ONLY, NOT_ADMITTED, UNDECIDED }

  /** What the export policy grants one address, with words for the evidence. */
  private record Access(Verdict verdict, String description) {}

  /** The first rule, by index, that matches decides, as it does on the NFS server. */
  private static Access access(List<ExportRule> rules, String text) {
    Optional<Long> address = Ipv4Range.parseAddress(text);
    if (address.isEmpty()) {
      return new Access(Verdict.UNDECIDED, text + " is not an IPv4 address");
    }
    for (ExportRule rule : rules) {
      String which = "rule " + rule.index() + " (" + rule.allowedClients() + ")";
      switch (rule.admits(address.get())) {
        case NO -> { }
        case MAYBE -> {
          return new Access(Verdict.UNDECIDED, text + " may match a host name in " + which);
        }
        case YES -> {
          if (rule.readWrite().isEmpty()) {
            return new Access(Verdict.UNDECIDED, text + " matches " + which + ", which does not state unixReadWrite");
          }
          return rule.readWrite().get()
              ? new Access(Verdict.READ_WRITE, text + " is admitted read-write by " + which)
              : new Access(Verdict.READ_ONLY, text + " is admitted read-only by " + which);
        }
      }
    }
    return new Access(Verdict.NOT_ADMITTED, text + " is admitted by no rule");
  }
}
