package dev.plumbline.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether any credential source that azure-identity's DefaultAzureCredential tries is set up, judged
 * without a network call: a suite must skip quickly and say why, not hang on the metadata endpoint.
 */
final class AzureCredentials {

  private AzureCredentials() {}

  /**
   * Empty when a credential source is configured; otherwise what to set.
   *
   * @param variables the environment
   */
  static Optional<String> whyUnavailable(Function<String, String> variables) {
    boolean identity = set(variables, "AZURE_TENANT_ID") && set(variables, "AZURE_CLIENT_ID");
    if (identity && (set(variables, "AZURE_CLIENT_SECRET") || set(variables, "AZURE_CLIENT_CERTIFICATE_PATH")
        || set(variables, "AZURE_FEDERATED_TOKEN_FILE"))) {
      return Optional.empty();
    }
    // Managed identity announces itself on App Service, Functions, Container Apps and Arc; on a VM
    // only the metadata endpoint knows, so the user says so.
    if (set(variables, "IDENTITY_ENDPOINT") || set(variables, "MSI_ENDPOINT")
        || "true".equalsIgnoreCase(variables.apply("PLUMBLINE_MANAGED_IDENTITY"))) {
      return Optional.empty();
    }
    String configDir = variables.apply("AZURE_CONFIG_DIR");
    Path cli = configDir != null && !configDir.isBlank() ? Path.of(configDir)
        : Path.of(System.getProperty("user.home"), ".azure");
    if (Files.isRegularFile(cli.resolve("msal_token_cache.json")) || Files.isRegularFile(cli.resolve("msal_token_cache.bin"))
        || Files.isRegularFile(cli.resolve("accessTokens.json"))) {
      return Optional.empty();
    }
    return Optional.of("no Azure credentials found. Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"
        + " (or AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_FEDERATED_TOKEN_FILE), run 'az login', or set"
        + " PLUMBLINE_MANAGED_IDENTITY=true on an Azure VM with a managed identity");
  }

  private static boolean set(Function<String, String> variables, String name) {
    String value = variables.apply(name);
    return value != null && !value.isBlank();
  }
}
