package dev.plumbline.core.model;

import static dev.plumbline.core.model.ResourceType.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a resource sits in the network and in the availability zones, read through the resolved
 * relationships: the subnets its NICs, delegation, endpoints or gateway configurations use, and the
 * zones it is pinned to. Reports draw the topology from it without knowing ARM.
 *
 * @param subnets the ids of the subnets the resource sits in, in the order found
 * @param zones the zones the resource is pinned to (a PostgreSQL server's primary and standby zone)
 */
public record Placement(List<ResourceId> subnets, List<String> zones) {

  public Placement {
    subnets = List.copyOf(subnets);
    zones = List.copyOf(zones);
  }

  /** The placement of one top-level resource. */
  public static Placement of(Topology topology, Resource resource) {
    Set<Resource> subnets = new LinkedHashSet<>();
    if (resource.is(VIRTUAL_MACHINE)) {
      for (Resource nic : topology.related(resource, Relation.VM_NETWORK_INTERFACE)) {
        subnets.addAll(nicSubnets(topology, nic));
      }
    } else if (resource.is(NETWORK_INTERFACE)) {
      subnets.addAll(nicSubnets(topology, resource));
    } else if (resource.is(APPLICATION_GATEWAY)) {
      for (Resource configuration : topology.children(resource, GATEWAY_IP_CONFIGURATION)) {
        subnets.addAll(topology.related(configuration, Relation.GATEWAY_IP_CONFIGURATION_SUBNET));
      }
    } else if (resource.is(POSTGRES_FLEXIBLE_SERVER)) {
      subnets.addAll(topology.related(resource, Relation.POSTGRES_DELEGATED_SUBNET));
      for (Resource endpoint : topology.related(resource, Relation.POSTGRES_PRIVATE_ENDPOINT)) {
        subnets.addAll(topology.related(endpoint, Relation.PRIVATE_ENDPOINT_SUBNET));
      }
    } else if (resource.is(NETAPP_VOLUME)) {
      subnets.addAll(topology.related(resource, Relation.VOLUME_SUBNET));
    } else if (resource.is(PRIVATE_ENDPOINT)) {
      subnets.addAll(topology.related(resource, Relation.PRIVATE_ENDPOINT_SUBNET));
    }
    List<String> zones = new ArrayList<>(resource.zones());
    if (resource.is(POSTGRES_FLEXIBLE_SERVER)) {
      resource.text("properties.availabilityZone").filter(z -> !z.isBlank()).ifPresent(zones::add);
      resource.text("properties.highAvailability.standbyAvailabilityZone").filter(z -> !z.isBlank() && !zones.contains(z))
          .ifPresent(zones::add);
    }
    return new Placement(subnets.stream().map(Resource::id).toList(), zones);
  }

  private static List<Resource> nicSubnets(Topology topology, Resource nic) {
    List<Resource> subnets = new ArrayList<>();
    for (Resource configuration : topology.children(nic, NIC_IP_CONFIGURATION)) {
      subnets.addAll(topology.related(configuration, Relation.IP_CONFIGURATION_SUBNET));
    }
    return subnets;
  }
}
