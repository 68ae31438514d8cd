package dev.plumbline.core.live;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to read a live scope.
 *
 * @param armEndpoint another Resource Manager endpoint than the cloud's (Azure Stack Hub, a private
 *     cloud, a local stand-in); https unless it is a loopback address
 * @param tenant the tenant to sign in to; empty for the credential's default
 * @param accessToken a bearer token the caller already holds; empty to sign in with
 *     DefaultAzureCredential
 * @param caCertificates a PEM file of the CA certificates the ARM endpoint's TLS chain ends in,
 *     for endpoints with a private CA; empty for the JVM's trust store
 * @param resourceGraph whether to read through one Resource Graph query (else ARM listings)
 * @param concurrency how many ARM GETs may be in flight at once
 * @param timeout how long one request may take before it is retried
 * @param maxRetries how often a throttled, failed or timed-out request is retried
 * @param retryDelay the first back-off delay; later ones grow exponentially
 * @param progress where progress lines go (resources read, pages, retries); never tokens
 * @param requestLog where each request line goes when verbose (method, URL, status); never headers
 */
public record LiveOptions(
    LiveScope scope,
    AzureCloud cloud,
    Optional<URI> armEndpoint,
    Optional<String> tenant,
    Optional<String> accessToken,
    Optional<Path> caCertificates,
    boolean resourceGraph,
    int concurrency,
    Duration timeout,
    int maxRetries,
    Duration retryDelay,
    Consumer<String> progress,
    Consumer<String> requestLog) {

  public LiveOptions {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    if (armEndpoint.isPresent()) {
      URI endpoint = armEndpoint.get();
      boolean loopback = "localhost".equalsIgnoreCase(endpoint.getHost()) || "127.0.0.1".equals(endpoint.getHost())
          || "[::1]".equals(endpoint.getHost());
      if (!"https".equalsIgnoreCase(endpoint.getScheme()) && !(loopback && "http".equalsIgnoreCase(endpoint.getScheme()))) {
        throw new IllegalArgumentException("the ARM endpoint " + endpoint + " must use https (http only for a loopback address),"
            + " so a token never crosses the network in clear text");
      }
    }
  }

  /** Defaults for the scope: the public cloud, Resource Graph, 8 requests at once, 30 s, 3 retries. */
  public static LiveOptions of(LiveScope scope) {
    return new LiveOptions(scope, AzureCloud.AZURE_CLOUD, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), true, 8, Duration.ofSeconds(30), 3, Duration.ofMillis(800), line -> { }, line -> { });
  }

  /** The Resource Manager endpoint in force, with a trailing slash. */
  public String endpoint() {
    String url = armEndpoint.map(URI::toString).orElse(cloud.resourceManager());
    return url.endsWith("/") ? url : url + "/";
  }

  public LiveOptions withArmEndpoint(URI endpoint) {
    return new LiveOptions(scope, cloud, Optional.of(endpoint), tenant, accessToken, caCertificates, resourceGraph,
        concurrency, timeout, maxRetries, retryDelay, progress, requestLog);
  }

  public LiveOptions withAccessToken(String token) {
    return new LiveOptions(scope, cloud, armEndpoint, tenant, Optional.of(token), caCertificates, resourceGraph,
        concurrency, timeout, maxRetries, retryDelay, progress, requestLog);
  }

  public LiveOptions withCaCertificates(Path pem) {
    return new LiveOptions(scope, cloud, armEndpoint, tenant, accessToken, Optional.of(pem), resourceGraph,
        concurrency, timeout, maxRetries, retryDelay, progress, requestLog);
  }

  public LiveOptions withResourceGraph(boolean use) {
    return new LiveOptions(scope, cloud, armEndpoint, tenant, accessToken, caCertificates, use,
        concurrency, timeout, maxRetries, retryDelay, progress, requestLog);
  }

  public LiveOptions withRetries(int retries, Duration firstDelay, Duration requestTimeout) {
    return new LiveOptions(scope, cloud, armEndpoint, tenant, accessToken, caCertificates, resourceGraph,
        concurrency, requestTimeout, retries, firstDelay, progress, requestLog);
  }

  public LiveOptions withLogs(Consumer<String> progressLines, Consumer<String> requestLines) {
    return new LiveOptions(scope, cloud, armEndpoint, tenant, accessToken, caCertificates, resourceGraph,
        concurrency, timeout, maxRetries, retryDelay, progressLines, requestLines);
  }

  public LiveOptions withCloud(AzureCloud chosen, Optional<String> tenantId) {
    return new LiveOptions(scope, chosen, armEndpoint, tenantId, accessToken, caCertificates, resourceGraph,
        concurrency, timeout, maxRetries, retryDelay, progress, requestLog);
  }

  @Override
  public String toString() {
    // Never print the token.
    return "LiveOptions[" + scope + ", " + endpoint() + (accessToken.isPresent() ? ", access token given" : "") + "]";
  }
}
