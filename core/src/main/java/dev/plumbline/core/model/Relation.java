package dev.plumbline.core.model;

import static dev.plumbline.core.model.ResourceType.*;

import java.util.List;

/**
 * The references the topology resolves once, when it is built: each names the type it starts
 * from, where the reference sits in that type's JSON ({@code [*]} for every element of an array),
 * and the type it reaches. A reference that reaches nothing becomes a gap.
 */
public enum Relation {
  VM_NETWORK_INTERFACE(VIRTUAL_MACHINE, "properties.networkProfile.networkInterfaces[*].id", NETWORK_INTERFACE),
  NIC_SECURITY_GROUP(NETWORK_INTERFACE, "properties.networkSecurityGroup.id", NETWORK_SECURITY_GROUP),
  NIC_VIRTUAL_MACHINE(NETWORK_INTERFACE, "properties.virtualMachine.id", VIRTUAL_MACHINE),
  IP_CONFIGURATION_SUBNET(NIC_IP_CONFIGURATION, "properties.subnet.id", SUBNET),
  IP_CONFIGURATION_PUBLIC_IP(NIC_IP_CONFIGURATION, "properties.publicIPAddress.id", PUBLIC_IP_ADDRESS),
  IP_CONFIGURATION_BACKEND_POOL(NIC_IP_CONFIGURATION, "properties.applicationGatewayBackendAddressPools[*].id", BACKEND_ADDRESS_POOL),
  SUBNET_SECURITY_GROUP(SUBNET, "properties.networkSecurityGroup.id", NETWORK_SECURITY_GROUP),
  SUBNET_NAT_GATEWAY(SUBNET, "properties.natGateway.id", NAT_GATEWAY),
  GATEWAY_IP_CONFIGURATION_SUBNET(GATEWAY_IP_CONFIGURATION, "properties.subnet.id", SUBNET),
  FRONTEND_PUBLIC_IP(FRONTEND_IP_CONFIGURATION, "properties.publicIPAddress.id", PUBLIC_IP_ADDRESS),
  FRONTEND_SUBNET(FRONTEND_IP_CONFIGURATION, "properties.subnet.id", SUBNET),
  LISTENER_FRONTEND_IP(HTTP_LISTENER, "properties.frontendIPConfiguration.id", FRONTEND_IP_CONFIGURATION),
  LISTENER_FRONTEND_PORT(HTTP_LISTENER, "properties.frontendPort.id", FRONTEND_PORT),
  LISTENER_SSL_CERTIFICATE(HTTP_LISTENER, "properties.sslCertificate.id", SSL_CERTIFICATE),
  ROUTING_RULE_LISTENER(REQUEST_ROUTING_RULE, "properties.httpListener.id", HTTP_LISTENER),
  ROUTING_RULE_BACKEND_POOL(REQUEST_ROUTING_RULE, "properties.backendAddressPool.id", BACKEND_ADDRESS_POOL),
  ROUTING_RULE_HTTP_SETTINGS(REQUEST_ROUTING_RULE, "properties.backendHttpSettings.id", BACKEND_HTTP_SETTINGS),
  ROUTING_RULE_REDIRECT(REQUEST_ROUTING_RULE, "properties.redirectConfiguration.id", REDIRECT_CONFIGURATION),
  ROUTING_RULE_URL_PATH_MAP(REQUEST_ROUTING_RULE, "properties.urlPathMap.id", URL_PATH_MAP),
  PATH_MAP_DEFAULT_POOL(URL_PATH_MAP, "properties.defaultBackendAddressPool.id", BACKEND_ADDRESS_POOL),
  PATH_MAP_DEFAULT_HTTP_SETTINGS(URL_PATH_MAP, "properties.defaultBackendHttpSettings.id", BACKEND_HTTP_SETTINGS),
  PATH_MAP_DEFAULT_REDIRECT(URL_PATH_MAP, "properties.defaultRedirectConfiguration.id", REDIRECT_CONFIGURATION),
  PATH_RULE_BACKEND_POOL(PATH_RULE, "properties.backendAddressPool.id", BACKEND_ADDRESS_POOL),
  PATH_RULE_HTTP_SETTINGS(PATH_RULE, "properties.backendHttpSettings.id", BACKEND_HTTP_SETTINGS),
  PATH_RULE_REDIRECT(PATH_RULE, "properties.redirectConfiguration.id", REDIRECT_CONFIGURATION),
  REDIRECT_TARGET_LISTENER(REDIRECT_CONFIGURATION, "properties.targetListener.id", HTTP_LISTENER),
  HTTP_SETTINGS_PROBE(BACKEND_HTTP_SETTINGS, "properties.probe.id", PROBE),
  BACKEND_POOL_IP_CONFIGURATION(BACKEND_ADDRESS_POOL, "properties.backendIPConfigurations[*].id", NIC_IP_CONFIGURATION),
  POSTGRES_DELEGATED_SUBNET(POSTGRES_FLEXIBLE_SERVER, "properties.network.delegatedSubnetResourceId", SUBNET),
  POSTGRES_PRIVATE_DNS_ZONE(POSTGRES_FLEXIBLE_SERVER, "properties.network.privateDnsZoneArmResourceId", PRIVATE_DNS_ZONE),
  POSTGRES_PRIVATE_ENDPOINT(POSTGRES_FLEXIBLE_SERVER, "properties.privateEndpointConnections[*].properties.privateEndpoint.id", PRIVATE_ENDPOINT),
  PRIVATE_ENDPOINT_SUBNET(PRIVATE_ENDPOINT, "properties.subnet.id", SUBNET),
  PRIVATE_ENDPOINT_SERVICE(PRIVATE_ENDPOINT, "properties.privateLinkServiceConnections[*].properties.privateLinkServiceId", null),
  PRIVATE_ENDPOINT_MANUAL_SERVICE(PRIVATE_ENDPOINT, "properties.manualPrivateLinkServiceConnections[*].properties.privateLinkServiceId", null),
  DNS_ZONE_LINK_NETWORK(PRIVATE_DNS_ZONE_LINK, "properties.virtualNetwork.id", VIRTUAL_NETWORK),
  VOLUME_SUBNET(NETAPP_VOLUME, "properties.subnetId", SUBNET),
  VOLUME_SNAPSHOT_POLICY(NETAPP_VOLUME, "properties.dataProtection.snapshot.snapshotPolicyId", NETAPP_SNAPSHOT_POLICY),
  /** An embedded or nested child to the resource that holds it: subnet to VNet, volume to pool, pool to account. */
  PARENT(null, "", null);

  private final ResourceType from;
  private final String path;
  private final ResourceType to;
  private final String[] steps;

  Relation(ResourceType from, String path, ResourceType to) {
    this.from = from;
    this.path = path;
    this.to = to;
    this.steps = path.isEmpty() ? new String[0] : path.split("\\.");
  }

  /** The relations of each type, looked up once per resource while a topology is built. */
  private static final java.util.Map<ResourceType, List<Relation>> BY_SOURCE = java.util.Arrays.stream(values())
      .filter(relation -> relation.from != null)
      .collect(java.util.stream.Collectors.groupingBy(Relation::from, java.util.stream.Collectors.toUnmodifiableList()));

  /** The type the reference is read from; null for {@link #PARENT}, which every child has. */
  public ResourceType from() {
    return from;
  }

  /** Where the reference sits in the source's JSON. */
  public String path() {
    return path;
  }

  /** The type the reference is expected to reach; null when any type may (a private link target). */
  public ResourceType to() {
    return to;
  }

  /** Step {@code index} of {@link #path()} split at its dots. */
  String step(int index) {
    return steps[index];
  }

  int stepCount() {
    return steps.length;
  }

  /** The relations read from resources of {@code type}, in declaration order. */
  public static List<Relation> from(ResourceType type) {
    return BY_SOURCE.getOrDefault(type, List.of());
  }
}
