package dev.plumbline.core.model;

import static dev.plumbline.core.model.ResourceType.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Traces the members of every Application Gateway backend pool to VMs: NIC IP configurations
 * directly, IP addresses through the NICs' private addresses, FQDNs through private DNS A records
 * and then through the VMs' host names. A member that leads nowhere becomes a gap.
 */
final class BackendPoolResolver {

  private final List<Resource> all;
  private final Map<Resource, Map<Relation, List<Resource>>> forward;
  private final Map<ResourceId, Resource> byId;
  private final Map<String, List<Resource>> ipConfigurationsByAddress = new HashMap<>();
  private final Map<String, List<String>> dnsAddresses = new HashMap<>();
  private final Map<String, List<Resource>> vmsByHostName = new HashMap<>();
  private final Map<Resource, Resource> vmOfNic = new HashMap<>();
  private final Map<Resource, List<Resource>> ipConfigurationsNamingPool = new HashMap<>();

  BackendPoolResolver(List<Resource> all, Map<Resource, Map<Relation, List<Resource>>> forward,
      Map<ResourceId, Resource> byId) {
    this.all = all;
    this.forward = forward;
    this.byId = byId;
    index();
  }

  private void index() {
    for (Resource resource : all) {
      if (resource.is(NIC_IP_CONFIGURATION)) {
        resource.text("properties.privateIPAddress").ifPresent(address ->
            ipConfigurationsByAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(resource));
        for (Resource pool : related(resource, Relation.IP_CONFIGURATION_BACKEND_POOL)) {
          ipConfigurationsNamingPool.computeIfAbsent(pool, k -> new ArrayList<>()).add(resource);
        }
      } else if (resource.is(VIRTUAL_MACHINE)) {
        for (Resource nic : related(resource, Relation.VM_NETWORK_INTERFACE)) {
          vmOfNic.putIfAbsent(nic, resource);
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(lower(resource.name()));
        resource.text("properties.osProfile.computerName").map(BackendPoolResolver::lower).ifPresent(names::add);
        names.forEach(name -> vmsByHostName.computeIfAbsent(name, k -> new ArrayList<>()).add(resource));
      } else if (resource.is(PRIVATE_DNS_A_RECORD)) {
        String zone = resource.id().parent().flatMap(ResourceId::name).orElse("");
        String record = resource.name();
        String fqdn = lower(record.equals("@") ? zone : record + "." + zone);
        for (JsonNode a : resource.properties().path("aRecords")) {
          String address = a.path("ipv4Address").asText("");
          if (!address.isBlank()) {
            dnsAddresses.computeIfAbsent(fqdn, k -> new ArrayList<>()).add(address);
          }
        }
      }
    }
    for (Resource resource : all) {
      if (resource.is(NETWORK_INTERFACE)) {
        related(resource, Relation.NIC_VIRTUAL_MACHINE).stream().findFirst()
            .ifPresent(vm -> vmOfNic.putIfAbsent(resource, vm));
      }
    }
  }

  Map<Resource, List<BackendMember>> resolve(List<Gap> gaps) {
    Map<Resource, List<BackendMember>> result = new HashMap<>();
    for (Resource pool : all) {
      if (!pool.is(BACKEND_ADDRESS_POOL)) {
        continue;
      }
      List<BackendMember> members = new ArrayList<>();
      Set<Resource> seen = new LinkedHashSet<>();
      JsonNode listed = pool.properties().path("backendIPConfigurations");
      for (JsonNode reference : listed) {
        String id = reference.path("id").asText("");
        if (id.isBlank()) {
          continue;
        }
        Resource ipConfiguration = ResourceId.tryParse(id).map(byId::get).orElse(null);
        if (ipConfiguration == null) {
          // Already a dangling-reference gap; the member is kept so counts stay honest.
          members.add(new BackendMember(BackendMember.Kind.IP_CONFIGURATION, id, Optional.empty(), Optional.empty(),
              "NIC IP configuration not in the topology"));
          continue;
        }
        seen.add(ipConfiguration);
        members.add(fromIpConfiguration(BackendMember.Kind.IP_CONFIGURATION, id, ipConfiguration, "NIC IP configuration"));
      }
      for (Resource ipConfiguration : ipConfigurationsNamingPool.getOrDefault(pool, List.of())) {
        if (seen.add(ipConfiguration)) {
          members.add(fromIpConfiguration(BackendMember.Kind.IP_CONFIGURATION, ipConfiguration.id().toString(),
              ipConfiguration, "NIC IP configuration naming the pool"));
        }
      }
      int index = 0;
      for (JsonNode address : pool.properties().path("backendAddresses")) {
        String path = "properties.backendAddresses[" + index++ + "]";
        String ip = address.path("ipAddress").asText("");
        String fqdn = address.path("fqdn").asText("");
        if (address.isTextual()) {
          // A bare string (ApplicationGatewayGet's example lists "10.0.0.1") is still a member; dropping it would be silent.
          String bare = address.asText().trim();
          if (bare.matches("[0-9.]+") || bare.contains(":")) {
            ip = bare;
          } else {
            fqdn = bare;
          }
        }
        BackendMember member;
        if (!ip.isBlank()) {
          member = fromAddress(BackendMember.Kind.IP_ADDRESS, ip, ip, "private IP " + ip);
        } else if (!fqdn.isBlank()) {
          member = fromFqdn(fqdn);
        } else {
          continue;
        }
        members.add(member);
        if (!member.isResolved()) {
          gaps.add(new Gap(Gap.Kind.UNRESOLVED_MEMBER, pool.id().toString(), path, member.value(),
              "no network interface in the topology has this address, so the member cannot be traced to a VM",
              pool.provenance()));
        }
      }
      result.put(pool, List.copyOf(members));
    }
    return result;
  }

  private BackendMember fromIpConfiguration(BackendMember.Kind kind, String value, Resource ipConfiguration, String how) {
    Resource nic = ipConfiguration.embeddedIn()
        .or(() -> ipConfiguration.id().parent().map(byId::get))
        .orElse(null);
    Resource vm = nic == null ? null : vmOfNic.get(nic);
    return new BackendMember(kind, value, Optional.of(ipConfiguration), Optional.ofNullable(vm),
        vm == null ? how + ", but no VM uses its NIC" : how);
  }

  private BackendMember fromAddress(BackendMember.Kind kind, String value, String address, String how) {
    List<Resource> matches = ipConfigurationsByAddress.getOrDefault(address, List.of());
    if (matches.size() == 1) {
      return fromIpConfiguration(kind, value, matches.get(0), how);
    }
    String why = matches.isEmpty() ? "no NIC has address " + address : address + " is used by " + matches.size() + " NICs";
    return new BackendMember(kind, value, Optional.empty(), Optional.empty(), why);
  }

  private BackendMember fromFqdn(String fqdn) {
    String name = lower(fqdn.endsWith(".") ? fqdn.substring(0, fqdn.length() - 1) : fqdn);
    List<String> addresses = dnsAddresses.getOrDefault(name, List.of());
    if (addresses.size() == 1) {
      BackendMember viaDns = fromAddress(BackendMember.Kind.FQDN, fqdn, addresses.get(0),
          "private DNS A record " + name + " -> " + addresses.get(0));
      if (viaDns.isResolved()) {
        return viaDns;
      }
    }
    String host = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    List<Resource> vms = vmsByHostName.getOrDefault(host, List.of());
    if (vms.size() == 1) {
      Resource vm = vms.get(0);
      Optional<Resource> ipConfiguration = related(vm, Relation.VM_NETWORK_INTERFACE).stream()
          .flatMap(nic -> all.stream().filter(r -> r.embeddedIn().filter(nic::equals).isPresent()))
          .filter(r -> r.is(NIC_IP_CONFIGURATION))
          .findFirst();
      return new BackendMember(BackendMember.Kind.FQDN, fqdn, ipConfiguration, Optional.of(vm),
          "host name " + host + " matches the VM's name or computer name");
    }
    return new BackendMember(BackendMember.Kind.FQDN, fqdn, Optional.empty(), Optional.empty(),
        "no private DNS record or VM host name matches " + name);
  }

  private List<Resource> related(Resource from, Relation relation) {
    return forward.getOrDefault(from, Map.of()).getOrDefault(relation, List.of());
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
