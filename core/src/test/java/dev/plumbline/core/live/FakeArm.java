package dev.plumbline.core.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A local stand-in for Azure Resource Manager and Resource Graph that serves a fixed deployment to the real Azure SDK. */
public final class FakeArm implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE_GRAPH_PATH = "/providers/microsoft.resourcegraph/resources";
  /** ARM pages its collection lists at 100; tests of nextLink handling need more than that to see a second page. */
  private static final int ARM_PAGE_SIZE = 100;
  private static final Pattern RESOURCE_GROUP_CLAUSE =
      Pattern.compile("resourceGroup\\s+in~\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  private static final Map<Integer, String> ERROR_CODES = Map.of(
      429, "TooManyRequests", 403, "AuthorizationFailed", 404, "ResourceNotFound", 500, "InternalServerError");

  static {
    // The JDK server writes headers and body separately without TCP_NODELAY, so Nagle meets the client's delayed ACK
    // and every response costs ~40 ms. The flag is read once, when the JVM's first HttpServer is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final Path tempDir;
  private final Path certificatePem;
  private final String baseUrl;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
  private volatile Deployment deployment = Deployment.of(List.of());
  private volatile int resourceGraphPageSize = 1000;
  private volatile Set<String> hiddenFromResourceGraph = lowerCased(
      "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
      "Microsoft.NetApp/netAppAccounts/snapshotPolicies",
      "Microsoft.Network/privateDnsZones/A");
  private boolean closed;

  private FakeArm(HttpServer server, ExecutorService workers, Path tempDir, Path certificatePem, String scheme) {
    this.server = server;
    this.workers = workers;
    this.tempDir = tempDir;
    this.certificatePem = certificatePem;
    this.baseUrl = scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Starts on the loopback address, port 0, over TLS with a certificate made at start-up by keytool when https is true. */
  public static FakeArm start(boolean https) throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    Path tempDir = https ? Files.createTempDirectory("fake-arm") : null;
    HttpServer server;
    Path pem = null;
    try {
      if (https) {
        TestCertificate certificate = TestCertificate.create(tempDir, "fake-arm");
        pem = certificate.pem();
        HttpsServer httpsServer = HttpsServer.create(loopback, 0);
        httpsServer.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server = httpsServer;
      } else {
        server = HttpServer.create(loopback, 0);
      }
    } catch (IOException | RuntimeException e) {
      deleteRecursively(tempDir);
      throw e instanceof IOException io ? io : new IOException("Could not set up the fake ARM's TLS", e);
    }
    // Many threads: the SDK sends concurrent requests, and a hanging fault must not starve the others.
    ExecutorService workers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fake-arm");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(workers);
    FakeArm arm = new FakeArm(server, workers, tempDir, pem, https ? "https" : "http");
    server.createContext("/", arm::handle);
    server.start();
    return arm;
  }

  /** The root URL the SDK should treat as its resource manager endpoint, with a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The PEM file of the server certificate, for a client that trusts exactly this server. */
  public Path certificatePem() {
    if (certificatePem == null) {
      throw new IllegalStateException("This fake ARM serves plain HTTP and has no certificate");
    }
    return certificatePem;
  }

  /** Serves these resources (ARM GET bodies with id, name and type), replacing any served before. */
  public FakeArm serve(List<JsonNode> resources) {
    deployment = Deployment.of(resources);
    return this;
  }

  /** Serves every resource found in the 200 responses of a folder of Microsoft REST API examples, replacing any served before. */
  public FakeArm serveExamples(Path folder) throws IOException {
    Map<String, JsonNode> listed = new HashMap<>();
    Map<String, JsonNode> got = new HashMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
        JsonNode body = JSON.readTree(file.toFile()).at("/responses/200/body");
        if (body.hasNonNull("id")) {
          got.put(key(body.get("id").asText()), body);
        } else {
          body.path("value").forEach(e -> {
            if (e.hasNonNull("id")) {
              listed.putIfAbsent(key(e.get("id").asText()), e);
            }
          });
        }
      }
    }
    listed.putAll(got); // a Get example is a fuller account of a resource than its entry in a list example
    return serve(new ArrayList<>(listed.values()));
  }

  /** Sets the rows per Resource Graph page (default 1000, Resource Graph's own maximum). */
  /** The reads ARM says are left (x-ms-ratelimit-remaining-subscription-reads on every GET); 11999 unless set. */
  public FakeArm readsRemaining(int reads) {
    readsRemaining = reads;
    return this;
  }

  private volatile int readsRemaining = 11999;

  public FakeArm resourceGraphPageSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("A Resource Graph page holds at least one row, not " + rows);
    }
    resourceGraphPageSize = rows;
    return this;
  }

  /** Sets the resource types (case-insensitive) Resource Graph leaves out, replacing the default three; ARM still serves them. */
  public FakeArm hiddenFromResourceGraph(String... types) {
    hiddenFromResourceGraph = lowerCased(types);
    return this;
  }

  /** Injects a fault on requests with this method whose decoded path contains a match of the regex (case-insensitive). */
  public FakeArm fault(String method, String pathRegex, Fault fault) {
    faults.add(new FaultRule(method, Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), fault,
        new AtomicInteger(fault.times)));
    return this;
  }

  /** Every request received so far, in order of arrival. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    requests.clear();
  }

  /** Stops the server, releases hanging requests and deletes the certificate files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closing.countDown();
    server.stop(0);
    workers.shutdownNow();
    deleteRecursively(tempDir);
  }

  /** A failure the fake answers with instead of the normal response. */
  public static final class Fault {
    private final int status;
    private final int retryAfterSeconds;
    private final int times;
    private final boolean hang;

    private Fault(int status, int retryAfterSeconds, int times, boolean hang) {
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
      this.times = times;
      this.hang = hang;
    }

    /** Responds with this status and an ARM error body. */
    public static Fault status(int status) {
      return new Fault(status, -1, Integer.MAX_VALUE, false);
    }

    /** Never answers until the fake closes, as a stuck connection would. */
    public static Fault hang() {
      return new Fault(0, -1, Integer.MAX_VALUE, true);
    }

    /** Adds a Retry-After header, which the SDK's retry policy honours. */
    public Fault retryAfterSeconds(int seconds) {
      return new Fault(status, seconds, times, hang);
    }

    /** Applies only to the first n matching requests, as a transient fault would. */
    public Fault times(int n) {
      return new Fault(status, retryAfterSeconds, n, hang);
    }
  }

  /** One request as the fake received it: decoded path with leading slashes collapsed, raw query, lower-cased header names. */
  public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {}

  private record FaultRule(String method, Pattern path, Fault fault, AtomicInteger remaining) {
    boolean claims(String requestMethod, String requestPath) {
      return method.equalsIgnoreCase(requestMethod) && path.matcher(requestPath).find()
          && remaining.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
    }
  }

  private record Response(int status, JsonNode body, Map<String, String> headers) {
    static Response ok(JsonNode body) {
      return new Response(200, body, Map.of());
    }

    static Response error(int status, String code, String message) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.putObject("error").put("code", code).put("message", message);
      return new Response(status, body, Map.of());
    }
  }

  /** The served resources, indexed once per serve() so concurrent requests read a consistent view. */
  private record Deployment(Map<String, JsonNode> byId, List<JsonNode> sorted, Map<String, ResourceGroup> groups) {
    static Deployment of(List<JsonNode> resources) {
      Map<String, JsonNode> byId = new HashMap<>();
      Map<String, ResourceGroup> groups = new TreeMap<>();
      for (JsonNode resource : resources) {
        String id = resource.path("id").asText("");
        if (!resource.isObject() || id.isEmpty()) {
          throw new IllegalArgumentException("A served resource is an object with an id, not " + resource);
        }
        byId.put(key(id), resource.deepCopy());
        ResourceId parsed = ResourceId.parse(id);
        if (parsed.resourceGroup() != null) {
          groups.putIfAbsent(key(parsed.subscription() + "/" + parsed.resourceGroup()),
              new ResourceGroup(parsed.subscription(), parsed.resourceGroup()));
        }
      }
      return new Deployment(Map.copyOf(byId), List.copyOf(new TreeMap<>(byId).values()), Map.copyOf(groups));
    }

    ResourceGroup group(String subscription, String name) {
      return groups.get(key(subscription + "/" + name));
    }
  }

  private record ResourceGroup(String subscription, String name) {
    ObjectNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("id", "/subscriptions/" + subscription + "/resourceGroups/" + name).put("name", name)
          .put("type", "Microsoft.Resources/resourceGroups").put("location", "eastus");
      json.putObject("properties").put("provisioningState", "Succeeded");
      return json;
    }
  }

  /**
   * The parts of an ARM id this fake routes on, compared case-insensitively as ARM does; top-level means
   * /subscriptions/s/resourceGroups/g/providers/NS/type/name, the resources a group lists directly.
   */
  private record ResourceId(String subscription, String resourceGroup, boolean topLevel) {
    static ResourceId parse(String id) {
      String[] parts = id.replaceAll("^/+", "").split("/");
      String subscription = parts.length > 1 && parts[0].equalsIgnoreCase("subscriptions") ? parts[1] : null;
      String group = subscription != null && parts.length > 3 && parts[2].equalsIgnoreCase("resourceGroups") ? parts[3] : null;
      return new ResourceId(subscription, group, group != null && parts.length == 8 && parts[4].equalsIgnoreCase("providers"));
    }


    boolean in(ResourceGroup group) {
      return group.subscription.equalsIgnoreCase(subscription) && group.name.equalsIgnoreCase(resourceGroup);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response = respond(exchange);
      if (response != null) {
        send(exchange, exchange.getRequestMethod(), response);
      }
    }
  }

  /** The response to one request, or null for a hanging fault, which leaves the exchange unanswered until close(). */
  private Response respond(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = rawPath(exchange.getRequestURI());
      String path = URI.create(rawPath).getPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      requests.add(new RecordedRequest(method, path, rawQuery, Map.copyOf(headers), body));

      Fault fault = faults.stream().filter(rule -> rule.claims(method, path)).map(FaultRule::fault).findFirst().orElse(null);
      if (fault == null) {
        return route(method, path, rawPath, query(rawQuery), body);
      }
      if (fault.hang) {
        closing.await();
        return null; // closing the exchange unanswered drops the connection, as a dying server would
      }
      String code = ERROR_CODES.getOrDefault(fault.status, "Error");
      Response error = Response.error(fault.status, code, "Injected fault on " + method + " " + path);
      return fault.retryAfterSeconds < 0 ? error
          : new Response(error.status, error.body, Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (RuntimeException e) {
      // A bug in the fake should read as a server error at the client, not as a dropped connection.
      return Response.error(500, "InternalServerError", "Fake ARM failed: " + e);
    }
  }

  private Response route(String method, String path, String rawPath, Map<String, String> query, String body) {
    String lower = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    boolean resourceGraph = lower.equals(RESOURCE_GRAPH_PATH);
    if (!method.equals(resourceGraph ? "POST" : "GET")) {
      return Response.error(405, "MethodNotAllowed", "The fake ARM is read-only and does not support " + method + " " + path);
    }
    String apiVersion = query.get("api-version");
    if (apiVersion == null || apiVersion.isBlank()) {
      return Response.error(400, "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (resourceGraph) {
      return resourceGraph(body);
    }
    Deployment served = deployment;
    JsonNode resource = served.byId.get(lower);
    if (resource != null) {
      return Response.ok(resource);
    }
    if (lower.isEmpty()) {
      return Response.error(404, "ResourceNotFound", "The fake ARM serves nothing at its root.");
    }
    String[] segments = lower.substring(1).split("/");
    if (segments.length >= 2 && segments[0].equals("subscriptions")) {
      if (segments.length == 3 && segments[2].equals("resourcegroups")) {
        return page(rawPath, query, served.groups.values().stream().filter(g -> g.subscription.equalsIgnoreCase(segments[1]))
            .map(ResourceGroup::toJson).collect(Collectors.toList()));
      }
      if (segments.length >= 4 && segments[2].equals("resourcegroups")) {
        ResourceGroup group = served.group(segments[1], segments[3]);
        if (group == null) {
          return Response.error(404, "ResourceGroupNotFound", "Resource group '" + segments[3] + "' could not be found.");
        }
        if (segments.length == 4) {
          return Response.ok(group.toJson());
        }
        if (segments.length == 5 && segments[4].equals("resources")) {
          // ARM lists every tracked resource of the group, nested ones (pools, volumes, DNS links) too;
          // the proxy resources Resource Graph also lacks (settings, record sets) are not listed.
          Set<String> untracked = hiddenFromResourceGraph;
          return page(rawPath, query, served.sorted.stream().filter(r -> ResourceId.parse(r.get("id").asText()).in(group))
              .filter(r -> !untracked.contains(r.path("type").asText("").toLowerCase(Locale.ROOT)))
              .map(r -> r.<ObjectNode>deepCopy().retain("id", "name", "type", "location")).collect(Collectors.toList()));
        }
        // A typed list within the group (e.g. .../providers/Microsoft.Network/virtualNetworks) needs no parent resource.
        if (segments.length == 7 && segments[4].equals("providers")) {
          return page(rawPath, query, children(served, lower));
        }
      }
    }
    int lastSlash = lower.lastIndexOf('/');
    if (lastSlash > 0 && served.byId.containsKey(lower.substring(0, lastSlash))) {
      return page(rawPath, query, children(served, lower));
    }
    return Response.error(404, "ResourceNotFound", "The Resource '" + path + "' was not found.");
  }

  private static List<JsonNode> children(Deployment served, String collection) {
    String prefix = collection + "/";
    return served.sorted.stream().filter(r -> {
      String id = key(r.get("id").asText());
      return id.startsWith(prefix) && id.indexOf('/', prefix.length()) < 0;
    }).collect(Collectors.toList());
  }

  /** An ARM list page of 100 with an absolute nextLink carrying the api-version, which the SDK follows verbatim. */
  private Response page(String rawPath, Map<String, String> query, List<JsonNode> items) {
    int from = offset(query.get("$skiptoken"), 0);
    if (from < 0) {
      return Response.error(400, "InvalidSkipToken", "The $skipToken is not valid.");
    }
    int to = Math.min(items.size(), from + ARM_PAGE_SIZE);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("value").addAll(items.subList(Math.min(from, to), to));
    if (to < items.size()) {
      body.put("nextLink", baseUrl + rawPath.substring(1) + "?api-version="
          + URLEncoder.encode(query.get("api-version"), StandardCharsets.UTF_8) + "&$skipToken=" + skipToken(to));
    }
    return Response.ok(body);
  }

  private Response resourceGraph(String requestBody) {
    JsonNode request;
    try {
      request = JSON.readTree(requestBody);
    } catch (IOException e) {
      return Response.error(400, "BadRequest", "The request body is not JSON: " + e.getMessage());
    }
    if (request == null || !request.path("query").isTextual()) {
      return Response.error(400, "BadRequest", "A Resource Graph request needs a query");
    }
    Set<String> subscriptions = new HashSet<>();
    request.path("subscriptions").forEach(s -> subscriptions.add(s.asText().toLowerCase(Locale.ROOT)));
    boolean allSubscriptions = request.path("managementGroups").isArray() && request.path("managementGroups").size() > 0;
    Set<String> groups = resourceGroupFilter(request.get("query").asText());
    Set<String> hidden = hiddenFromResourceGraph;
    List<JsonNode> rows = deployment.sorted.stream()
        .filter(r -> !hidden.contains(r.path("type").asText("").toLowerCase(Locale.ROOT)))
        .map(FakeArm::resourceGraphRow)
        .filter(row -> allSubscriptions || subscriptions.contains(row.path("subscriptionId").asText("").toLowerCase(Locale.ROOT)))
        .filter(row -> groups == null || groups.contains(row.path("resourceGroup").asText("")))
        .collect(Collectors.toList());

    JsonNode options = request.path("options");
    int pageSize = Math.min(options.path("$top").asInt(Integer.MAX_VALUE), resourceGraphPageSize);
    int offset = offset(options.path("$skipToken").textValue(), options.path("$skip").asInt(0));
    if (offset < 0) {
      return Response.error(400, "InvalidSkipToken", "The $skipToken is not valid.");
    }
    int from = Math.min(offset, rows.size());
    int to = Math.min(rows.size(), from + Math.max(pageSize, 1));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("totalRecords", rows.size()).put("count", to - from).put("resultTruncated", "false");
    if (to < rows.size()) {
      body.put("$skipToken", skipToken(to));
    }
    body.putArray("data").addAll(rows.subList(from, to));
    body.putArray("facets");
    return Response.ok(body);
  }

  /** A Resource Graph row: the resource with its type lower-cased and the resourceGroup (lower-cased) and subscriptionId columns, as real ARG returns them. */
  private static JsonNode resourceGraphRow(JsonNode resource) {
    ObjectNode row = resource.deepCopy();
    ResourceId id = ResourceId.parse(resource.get("id").asText());
    row.put("type", resource.path("type").asText("").toLowerCase(Locale.ROOT));
    row.put("resourceGroup", id.resourceGroup() == null ? "" : id.resourceGroup().toLowerCase(Locale.ROOT));
    row.put("subscriptionId", id.subscription() == null ? "" : id.subscription());
    return row;
  }

  /** The one KQL clause the fake understands, resourceGroup in~ ('a', 'b'); null when the query has none. */
  private static Set<String> resourceGroupFilter(String query) {
    Matcher clause = RESOURCE_GROUP_CLAUSE.matcher(query);
    if (!clause.find()) {
      return null;
    }
    Set<String> names = new HashSet<>();
    Matcher quoted = QUOTED.matcher(clause.group(1));
    while (quoted.find()) {
      names.add((quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private void send(HttpExchange exchange, String method, Response response) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(response.body);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("x-ms-request-id", UUID.randomUUID().toString());
    if (method.equalsIgnoreCase("GET")) {
      headers.set("x-ms-ratelimit-remaining-subscription-reads", String.valueOf(readsRemaining));
    }
    if (response.status == 405) {
      headers.set("Allow", "GET, POST");
    }
    response.headers.forEach(headers::set);
    exchange.sendResponseHeaders(response.status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * The request path as the client sent it; the JDK reads "//subscriptions/..." (which GenericResources.getById sends)
   * as an authority named "subscriptions", so the path is rebuilt and its leading slashes collapsed.
   */
  private static String rawPath(URI uri) {
    String raw = uri.getScheme() == null && uri.getRawAuthority() != null
        ? "//" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
        : uri.getRawPath();
    return "/" + (raw == null ? "" : raw.replaceAll("^/+", ""));
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new TreeMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  /** Opaque, so callers cannot come to rely on it being a row number. */
  private static String skipToken(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The row a skip token resumes at, the fallback without one, or -1 for a token this fake did not issue. */
  private static int offset(String skipToken, int fallback) {
    if (skipToken == null) {
      return fallback;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
      return decoded.startsWith("offset:") ? Math.max(Integer.parseInt(decoded.substring(7)), -1) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp file is not worth failing a test run over.
    }
  }

  private static String key(String id) {
    return ("/" + id.replaceAll("^/+", "")).toLowerCase(Locale.ROOT).replaceAll("/+$", "");
  }

  private static Set<String> lowerCased(String... values) {
    return Stream.of(values).map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
