package dev.plumbline.core.model;

import java.util.Locale;

/**
 * An ARM resource type such as {@code Microsoft.Network/applicationGateways}, compared
 * case-insensitively because Resource Graph lower-cases what ARM camel-cases.
 */
public final class ResourceType {

  /**
   * Types as written, shared: an input of 100,000 resources names a few dozen types, and sharing
   * them saves lower-casing each again and lets {@link #equals} end on identity.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, ResourceType> WRITTEN =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static final ResourceType VIRTUAL_NETWORK = of("Microsoft.Network/virtualNetworks");
  public static final ResourceType SUBNET = of("Microsoft.Network/virtualNetworks/subnets");
  public static final ResourceType NETWORK_INTERFACE = of("Microsoft.Network/networkInterfaces");
  public static final ResourceType NIC_IP_CONFIGURATION = of("Microsoft.Network/networkInterfaces/ipConfigurations");
  public static final ResourceType NETWORK_SECURITY_GROUP = of("Microsoft.Network/networkSecurityGroups");
  public static final ResourceType SECURITY_RULE = of("Microsoft.Network/networkSecurityGroups/securityRules");
  public static final ResourceType DEFAULT_SECURITY_RULE = of("Microsoft.Network/networkSecurityGroups/defaultSecurityRules");
  public static final ResourceType PUBLIC_IP_ADDRESS = of("Microsoft.Network/publicIPAddresses");
  public static final ResourceType PRIVATE_ENDPOINT = of("Microsoft.Network/privateEndpoints");
  public static final ResourceType PRIVATE_DNS_ZONE = of("Microsoft.Network/privateDnsZones");
  public static final ResourceType PRIVATE_DNS_A_RECORD = of("Microsoft.Network/privateDnsZones/A");
  public static final ResourceType PRIVATE_DNS_ZONE_LINK = of("Microsoft.Network/privateDnsZones/virtualNetworkLinks");
  public static final ResourceType NAT_GATEWAY = of("Microsoft.Network/natGateways");
  public static final ResourceType APPLICATION_GATEWAY = of("Microsoft.Network/applicationGateways");
  public static final ResourceType GATEWAY_IP_CONFIGURATION = of("Microsoft.Network/applicationGateways/gatewayIPConfigurations");
  public static final ResourceType FRONTEND_IP_CONFIGURATION = of("Microsoft.Network/applicationGateways/frontendIPConfigurations");
  public static final ResourceType FRONTEND_PORT = of("Microsoft.Network/applicationGateways/frontendPorts");
  public static final ResourceType BACKEND_ADDRESS_POOL = of("Microsoft.Network/applicationGateways/backendAddressPools");
  public static final ResourceType BACKEND_HTTP_SETTINGS = of("Microsoft.Network/applicationGateways/backendHttpSettingsCollection");
  public static final ResourceType PROBE = of("Microsoft.Network/applicationGateways/probes");
  public static final ResourceType HTTP_LISTENER = of("Microsoft.Network/applicationGateways/httpListeners");
  public static final ResourceType REQUEST_ROUTING_RULE = of("Microsoft.Network/applicationGateways/requestRoutingRules");
  public static final ResourceType REDIRECT_CONFIGURATION = of("Microsoft.Network/applicationGateways/redirectConfigurations");
  public static final ResourceType URL_PATH_MAP = of("Microsoft.Network/applicationGateways/urlPathMaps");
  public static final ResourceType PATH_RULE = of("Microsoft.Network/applicationGateways/urlPathMaps/pathRules");
  public static final ResourceType SSL_CERTIFICATE = of("Microsoft.Network/applicationGateways/sslCertificates");
  public static final ResourceType VIRTUAL_MACHINE = of("Microsoft.Compute/virtualMachines");
  public static final ResourceType POSTGRES_FLEXIBLE_SERVER = of("Microsoft.DBforPostgreSQL/flexibleServers");
  public static final ResourceType POSTGRES_CONFIGURATION = of("Microsoft.DBforPostgreSQL/flexibleServers/configurations");
  public static final ResourceType NETAPP_ACCOUNT = of("Microsoft.NetApp/netAppAccounts");
  public static final ResourceType NETAPP_CAPACITY_POOL = of("Microsoft.NetApp/netAppAccounts/capacityPools");
  public static final ResourceType NETAPP_VOLUME = of("Microsoft.NetApp/netAppAccounts/capacityPools/volumes");
  public static final ResourceType NETAPP_SNAPSHOT_POLICY = of("Microsoft.NetApp/netAppAccounts/snapshotPolicies");

  /** What people call the well-known types, singular and plural, for sentences rules write. */
  private static final java.util.Map<String, String[]> SPOKEN = java.util.Map.ofEntries(
      spoken("Microsoft.Network/virtualNetworks", "virtual network", "virtual networks"),
      spoken("Microsoft.Network/virtualNetworks/subnets", "subnet", "subnets"),
      spoken("Microsoft.Network/networkInterfaces", "network interface", "network interfaces"),
      spoken("Microsoft.Network/networkSecurityGroups", "network security group", "network security groups"),
      spoken("Microsoft.Network/networkSecurityGroups/securityRules", "security rule", "security rules"),
      spoken("Microsoft.Network/publicIPAddresses", "public IP address", "public IP addresses"),
      spoken("Microsoft.Network/privateEndpoints", "private endpoint", "private endpoints"),
      spoken("Microsoft.Network/privateDnsZones", "private DNS zone", "private DNS zones"),
      spoken("Microsoft.Network/natGateways", "NAT gateway", "NAT gateways"),
      spoken("Microsoft.Network/applicationGateways", "Application Gateway", "Application Gateways"),
      spoken("Microsoft.Network/applicationGateways/backendAddressPools", "backend pool", "backend pools"),
      spoken("Microsoft.Network/applicationGateways/backendHttpSettingsCollection", "backend HTTP setting", "backend HTTP settings"),
      spoken("Microsoft.Network/applicationGateways/probes", "health probe", "health probes"),
      spoken("Microsoft.Network/applicationGateways/httpListeners", "HTTP listener", "HTTP listeners"),
      spoken("Microsoft.Network/applicationGateways/requestRoutingRules", "routing rule", "routing rules"),
      spoken("Microsoft.Compute/virtualMachines", "virtual machine", "virtual machines"),
      spoken("Microsoft.DBforPostgreSQL/flexibleServers", "PostgreSQL flexible server", "PostgreSQL flexible servers"),
      spoken("Microsoft.NetApp/netAppAccounts", "NetApp account", "NetApp accounts"),
      spoken("Microsoft.NetApp/netAppAccounts/capacityPools", "NetApp capacity pool", "NetApp capacity pools"),
      spoken("Microsoft.NetApp/netAppAccounts/capacityPools/volumes", "NetApp volume", "NetApp volumes"),
      spoken("Microsoft.NetApp/netAppAccounts/snapshotPolicies", "NetApp snapshot policy", "NetApp snapshot policies"));

  private final String name;
  private final String key;

  private ResourceType(String name) {
    this.name = name;
    this.key = name.toLowerCase(Locale.ROOT);
  }

  /** A type from its ARM name, in any casing. */
  public static ResourceType of(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a resource type must not be blank");
    }
    ResourceType known = WRITTEN.get(name);
    if (known != null) {
      return known;
    }
    String trimmed = name.trim();
    return WRITTEN.computeIfAbsent(trimmed, ResourceType::new);
  }

  /** The type as it was written. */
  public String name() {
    return name;
  }

  /** The lower-cased type, the form types are indexed by. */
  public String key() {
    return key;
  }

  /** The type of a child, e.g. {@code VIRTUAL_NETWORK.child("subnets")}. */
  public ResourceType child(String segment) {
    return of(name + "/" + segment);
  }

  /**
   * What people call the type, e.g. "PostgreSQL flexible server"; for types without a spoken name,
   * "resource of type" and the ARM name.
   */
  public String spokenName() {
    String[] known = SPOKEN.get(key);
    return known != null ? known[0] : "resource of type " + name;
  }

  /** The plural of {@link #spokenName()}, e.g. "PostgreSQL flexible servers". */
  public String spokenPlural() {
    String[] known = SPOKEN.get(key);
    return known != null ? known[1] : "resources of type " + name;
  }

  private static java.util.Map.Entry<String, String[]> spoken(String type, String singular, String plural) {
    return java.util.Map.entry(type.toLowerCase(Locale.ROOT), new String[] {singular, plural});
  }

  /** The last segment: {@code subnets} for a subnet. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  @Override
  public boolean equals(Object other) {
    // Shared instances end on identity; otherwise the keys' cached hashes tell most types apart without comparing text.
    return this == other
        || other instanceof ResourceType that && key.hashCode() == that.key.hashCode() && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
