package dev.plumbline.core.nodes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A local stand-in for one Posit Connect node's server API, answering with the shapes Connect's
 * API reference and its official clients record (see posit-connect-facts.md §3).
 */
public final class FakeConnect implements AutoCloseable {

  /** The key the stand-in accepts. */
  public static final String API_KEY = "connect-test-key-not-a-secret-77";

  private final HttpServer server;
  private final java.nio.file.Path certificate;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean hang;

  private FakeConnect(HttpServer server, java.nio.file.Path certificate) {
    this.server = server;
    this.certificate = certificate;
  }

  /**
   * A node reporting this hostname, Connect version and runtimes.
   *
   * @param python the Python versions installed, likewise {@code r} and {@code quarto}
   */
  public static FakeConnect start(String hostname, String version, List<String> python, List<String> r, List<String> quarto)
      throws IOException {
    return start(null, hostname, version, python, r, quarto);
  }

  /** The same node over TLS, with a self-signed certificate made in {@code dir} (see {@link #certificatePem()}). */
  public static FakeConnect startHttps(java.nio.file.Path dir, String hostname, String version, List<String> python)
      throws IOException {
    return start(dir, hostname, version, python, List.of(), List.of());
  }

  private static FakeConnect start(java.nio.file.Path tlsDir, String hostname, String version, List<String> python,
      List<String> r, List<String> quarto) throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    HttpServer server;
    java.nio.file.Path pem = null;
    if (tlsDir != null) {
      dev.plumbline.core.live.TestCertificate certificate = dev.plumbline.core.live.TestCertificate.create(tlsDir, "fake-connect");
      com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
      https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(certificate.serverContext()));
      server = https;
      pem = certificate.pem();
    } else {
      server = HttpServer.create(loopback, 0);
    }
    server.setExecutor(Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "fake-connect");
      thread.setDaemon(true);
      return thread;
    }));
    FakeConnect connect = new FakeConnect(server, pem);
    connect.bodies.put("/__api__/server_settings", "{\"version\": \"" + version + "\", \"build\": \"v" + version
        + "-abc\", \"hostname\": \"" + hostname + "\", \"execution_type\": \"native\", \"license\": {\"tier\": \"enhanced\"},"
        + " \"runtimes\": [\"R\", \"Python\", \"Quarto\"]}");
    connect.bodies.put("/__api__/v1/server_settings/python", installations(python) + ", \"api_enabled\": true}");
    connect.bodies.put("/__api__/v1/server_settings/r", installations(r) + "}");
    connect.bodies.put("/__api__/v1/server_settings/quarto", installations(quarto) + "}");
    server.createContext("/", connect::handle);
    server.start();
    return connect;
  }

  private static String installations(List<String> versions) {
    StringBuilder json = new StringBuilder("{\"installations\": [");
    for (int i = 0; i < versions.size(); i++) {
      json.append(i == 0 ? "" : ", ").append("{\"version\": \"").append(versions.get(i))
          .append("\", \"cluster_name\": \"Local\", \"image_name\": \"Local\"}");
    }
    return json.append(']').toString();
  }

  /** The node's own address, e.g. {@code http://127.0.0.1:43127/}. */
  public URI baseUrl() {
    return URI.create((certificate == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The node's self-signed certificate as PEM (over TLS only). */
  public java.nio.file.Path certificatePem() {
    if (certificate == null) {
      throw new IllegalStateException("this node speaks plain HTTP");
    }
    return certificate;
  }

  /** From now on, accept requests and never answer. */
  public FakeConnect hang() {
    hang = true;
    return this;
  }

  /** "METHOD path" of every request. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    if (hang) {
      return;
    }
    try (exchange) {
      String key = exchange.getRequestHeaders().getFirst("Authorization");
      String body = bodies.get(exchange.getRequestURI().getPath());
      int status;
      if (!"GET".equals(exchange.getRequestMethod())) {
        status = 405;
        body = "{\"error\": \"method not allowed\"}";
      } else if (!("Key " + API_KEY).equals(key)) {
        status = 401;
        body = "{\"code\": 3, \"error\": \"Invalid API key.\"}";
      } else if (body == null) {
        status = 404;
        body = "{\"code\": 4, \"error\": \"Not found.\"}";
      } else {
        status = 200;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
