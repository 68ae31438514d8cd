package dev.plumbline.core.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads one Posit Connect node's version and runtimes through its server API, read-only (GETs
 * only), with TLS verified against the JVM's trust store or a given private CA.
 */
public final class ConnectApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RUNTIMES = List.of("python", "r", "quarto");

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param caCertificates a PEM file of the CA certificates the nodes' TLS chains end in; empty for the JVM's trust store
   */
  public ConnectApiClient(Optional<Path> caCertificates, Duration timeout) throws IOException {
    this.timeout = timeout;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    if (caCertificates.isPresent()) {
      builder.sslContext(trusting(caCertificates.get()));
    }
    this.http = builder.build();
  }

  /** A node that could not be read: it did not answer, refused the key, or answered something else. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * The node's facts: {@code name}, {@code hostname}, {@code connect.version}/{@code build}, and the
   * runtime versions, in the snapshot's {@code nodes} shape.
   *
   * @param base the node's own address (not the gateway's), e.g. {@code https://10.20.1.4:3939/}
   */
  public ObjectNode read(String name, URI base, String apiKey) throws Unreadable {
    JsonNode settings = get(base, "__api__/server_settings", apiKey, true).orElseThrow();
    ObjectNode node = JSON.createObjectNode();
    node.put("name", name);
    if (settings.hasNonNull("hostname")) {
      node.put("hostname", settings.get("hostname").asText());
    }
    node.put("source", "connect-api");
    node.put("collectedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode connect = node.putObject("connect");
    // Connect may hide its version; then the version rules say UNKNOWN rather than guess.
    if (settings.hasNonNull("version") && !settings.get("version").asText().isBlank()) {
      connect.put("version", settings.get("version").asText());
    }
    if (settings.hasNonNull("build")) {
      connect.put("build", settings.get("build").asText());
    }
    ObjectNode runtimes = node.putObject("runtimes");
    for (String runtime : RUNTIMES) {
      Optional<JsonNode> answer = get(base, "__api__/v1/server_settings/" + runtime, apiKey, false);
      if (answer.isPresent()) {
        ArrayNode versions = runtimes.putArray(runtime);
        answer.get().path("installations").forEach(installation -> {
          String version = installation.path("version").asText("");
          if (!version.isEmpty()) {
            versions.add(version);
          }
        });
      }
    }
    return node;
  }

  /** A GET; 404 on an optional endpoint (a runtime this Connect does not know) is empty. */
  private Optional<JsonNode> get(URI base, String path, String apiKey, boolean required) throws Unreadable {
    URI uri = base.resolve(base.getPath().endsWith("/") ? path : base.getPath() + "/" + path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Key " + apiKey)
        .header("Accept", "application/json").GET().build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new Unreadable(uri + " did not answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreadable(uri + ": interrupted");
    }
    int status = response.statusCode();
    if (status == 404 && !required) {
      return Optional.empty();
    }
    if (status == 401 || status == 403) {
      throw new Unreadable(uri + " refused the API key (HTTP " + status + "); it needs the publisher or administrator role");
    }
    if (status / 100 != 2) {
      throw new Unreadable(uri + " answered HTTP " + status);
    }
    try {
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new Unreadable(uri + " did not answer with JSON");
    }
  }

  private static SSLContext trusting(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new IOException(pem + " holds no certificate");
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(pem + " could not be read as PEM certificates: " + e.getMessage(), e);
    }
  }
}
