package dev.plumbline.core.live;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Azure clouds by the names the Azure CLI uses, with their Resource Manager and sign-in endpoints. */
public enum AzureCloud {
  AZURE_CLOUD("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/"),
  AZURE_CHINA_CLOUD("AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/"),
  AZURE_US_GOVERNMENT("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/");

  private final String cliName;
  private final String resourceManager;
  private final String authorityHost;

  AzureCloud(String cliName, String resourceManager, String authorityHost) {
    this.cliName = cliName;
    this.resourceManager = resourceManager;
    this.authorityHost = authorityHost;
  }

  /** The cloud of this Azure CLI name, e.g. {@code AzureUSGovernment}, ignoring case. */
  public static Optional<AzureCloud> named(String name) {
    return Arrays.stream(values()).filter(cloud -> cloud.cliName.equalsIgnoreCase(name.trim())).findFirst();
  }

  public String cliName() {
    return cliName;
  }

  /** The Resource Manager endpoint, with a trailing slash. */
  public String resourceManager() {
    return resourceManager;
  }

  public String authorityHost() {
    return authorityHost;
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT).isEmpty() ? name() : cliName;
  }
}
