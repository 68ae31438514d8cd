package dev.plumbline.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.live.FakeArm.Fault;
import dev.plumbline.core.live.FakeArm.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FakeArm answers as ARM and Resource Graph do for the requests the Azure SDK sends, checked with the JDK's HTTP client. */
class FakeArmTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBSCRIPTION = "3f2a9c1e-5b7d-4e8a-9c61-2d4f8b0a7e15";
  private static final String RG = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-posit-connect";
  private static final String VNET = RG + "/providers/Microsoft.Network/virtualNetworks/vnet-connect";
  private static final String ANF = RG + "/providers/Microsoft.NetApp/netAppAccounts/anf-connect";
  private static final String SNAPSHOT_POLICY = ANF + "/snapshotPolicies/snap-daily";
  private static final String API = "?api-version=2025-03-01";
  private static final String GRAPH = "providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01";

  private final List<FakeArm> started = new ArrayList<>();

  @AfterEach
  void closeFakes() {
    started.forEach(FakeArm::close);
  }

  @Test
  void servesAResourceByIdOverTlsCaseInsensitivelyAndAfterADoubleSlash() throws Exception {
    Client client = client(true).serving(compliant());

    Response exact = client.get(VNET + API);
    assertThat(exact.status()).isEqualTo(200);
    assertThat(exact.json().get("name").asText()).isEqualTo("vnet-connect");
    assertThat(exact.json()).isEqualTo(compliant().stream().filter(r -> r.get("id").asText().equals(VNET)).findFirst().orElseThrow());
    assertThat(exact.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(exact.headers().firstValue("x-ms-request-id")).isPresent();
    assertThat(exact.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).hasValue("11999");

    assertThat(client.get(VNET.toLowerCase() + API).json().get("name").asText()).isEqualTo("vnet-connect");
    // GenericResources.getById joins the endpoint's trailing slash to the id's leading one.
    assertThat(client.get("/" + VNET + "?api-version=2024-09-01").json().get("id").asText()).isEqualTo(VNET);
    assertThat(client.arm.requests().get(2).path()).isEqualTo(VNET);

    Response missing = client.get(RG + "/providers/Microsoft.Network/virtualNetworks/vnet-gone" + API);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("ResourceNotFound");
  }

  @Test
  void refusesARequestWithoutAnApiVersion() throws Exception {
    Client client = client(false).serving(compliant());

    Response response = client.get(VNET);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("MissingApiVersionParameter");
  }

  @Test
  void listsAChildCollectionInPagesOfAHundredFollowingNextLink() throws Exception {
    List<JsonNode> resources = new ArrayList<>(compliant());
    for (int i = 1; i <= 250; i++) {
      resources.add(resource(ANF + "/snapshotPolicies/snap-" + i, "Microsoft.NetApp/netAppAccounts/snapshotPolicies"));
    }
    Client client = client(false).serving(resources);

    List<String> names = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String next = client.arm.baseUrl() + ANF.substring(1) + "/snapshotPolicies?api-version=2024-09-01";
    while (next != null) {
      assertThat(next).startsWith(client.arm.baseUrl()).contains("api-version=2024-09-01");
      JsonNode page = client.getAbsolute(next).json();
      pageSizes.add(page.get("value").size());
      page.get("value").forEach(policy -> names.add(policy.get("name").asText()));
      next = page.hasNonNull("nextLink") ? page.get("nextLink").asText() : null;
    }

    assertThat(pageSizes).containsExactly(100, 100, 51);
    assertThat(names).hasSize(251).doesNotHaveDuplicates().contains("anf-connect/snap-daily", "snap-250");
    assertThat(client.arm.requests()).extracting(RecordedRequest::query).last().asString().contains("$skipToken=");
    assertThat(client.get(ANF + "/capacityPools" + API).json().get("value")).hasSize(1);
    assertThat(client.get(ANF + "/backupPolicies" + API).json().get("value")).isEmpty();
    assertThat(client.get(RG + "/providers/Microsoft.NetApp/netAppAccounts/anf-gone/snapshotPolicies" + API).status())
        .isEqualTo(404);
  }

  @Test
  void answersForResourceGroupsAndListsTheirTrackedResources() throws Exception {
    List<JsonNode> resources = new ArrayList<>(compliant());
    resources.addAll(ReferenceDeployment.synthetic(2500, SUBSCRIPTION));
    Client client = client(false).serving(resources);

    JsonNode group = client.get("/subscriptions/" + SUBSCRIPTION + "/resourcegroups/RG-POSIT-CONNECT" + API).json();
    assertThat(group.get("name").asText()).isEqualTo("rg-posit-connect");
    assertThat(group.get("type").asText()).isEqualTo("Microsoft.Resources/resourceGroups");
    assertThat(group.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
    Response unknown = client.get("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-gone" + API);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("ResourceGroupNotFound");

    JsonNode groups = client.get("/subscriptions/" + SUBSCRIPTION + "/resourcegroups" + API).json();
    assertThat(names(groups.get("value"))).hasSize(11).contains("rg-posit-connect", "rg-000", "rg-009");

    JsonNode listed = client.get(RG + "/resources" + API).json();
    assertThat(listed.get("value")).hasSize(15);
    assertThat(names(listed.get("value"))).contains("anf-connect", "psql-connect", "anf-connect/pool-connect", "link-vnet-connect")
        .doesNotContain("anf-connect/snap-daily");
    assertThat(listed.get("value").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "type", "location");

    JsonNode first = client.get("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-003/resources" + API).json();
    JsonNode second = client.getAbsolute(first.get("nextLink").asText()).json();
    JsonNode third = client.getAbsolute(second.get("nextLink").asText()).json();
    assertThat(List.of(first, second, third)).extracting(page -> page.get("value").size()).containsExactly(100, 100, 50);
    assertThat(third.has("nextLink")).isFalse();
  }

  @Test
  void pagesResourceGraphRowsWithAnOpaqueSkipTokenAndLowerCasedTypes() throws Exception {
    List<JsonNode> resources = new ArrayList<>(ReferenceDeployment.synthetic(25, SUBSCRIPTION));
    resources.add(resource("/subscriptions/other-sub/resourceGroups/rg-other/providers/Microsoft.Network/virtualNetworks/v",
        "Microsoft.Network/virtualNetworks"));
    Client client = client(false).serving(resources);
    client.arm.resourceGraphPageSize(10);

    List<JsonNode> rows = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    String skipToken = null;
    do {
      ObjectNode query = query("Resources | project id, name, type", SUBSCRIPTION.toUpperCase());
      if (skipToken != null) {
        query.withObjectProperty("options").put("$skipToken", skipToken);
      }
      JsonNode page = client.post(GRAPH, query).json();
      assertThat(page.get("totalRecords").asInt()).isEqualTo(25);
      assertThat(page.get("resultTruncated").asText()).isEqualTo("false");
      assertThat(page.get("facets")).isEmpty();
      counts.add(page.get("count").asInt());
      page.get("data").forEach(rows::add);
      skipToken = page.hasNonNull("$skipToken") ? page.get("$skipToken").asText() : null;
      if (skipToken != null) {
        assertThat(skipToken).as("an opaque token, not a row number").doesNotMatch("\\d+");
      }
    } while (skipToken != null);

    assertThat(counts).containsExactly(10, 10, 5);
    List<String> ids = rows.stream().map(r -> r.get("id").asText()).collect(Collectors.toList());
    assertThat(ids).doesNotHaveDuplicates().hasSize(25).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.get("type").asText()).isEqualTo("microsoft.network/virtualnetworks");
      assertThat(row.get("subscriptionId").asText()).isEqualTo(SUBSCRIPTION);
      assertThat(row.get("resourceGroup").asText()).matches("rg-00\\d");
    });
    assertThat(client.arm.requests()).extracting(RecordedRequest::body).last().asString().contains("$skipToken");

    ObjectNode top = query("Resources", SUBSCRIPTION);
    top.withObjectProperty("options").put("$top", 4);
    assertThat(client.post(GRAPH, top).json().get("count").asInt()).isEqualTo(4);

    JsonNode filtered = client.post(GRAPH,
        query("Resources | where resourceGroup in~ ('RG-001', \"rg-002\") | project id", SUBSCRIPTION)).json();
    assertThat(filtered.get("totalRecords").asInt()).isEqualTo(6);
    assertThat(filtered.get("data")).extracting(row -> row.get("resourceGroup").asText()).containsOnly("rg-001", "rg-002");

    ObjectNode acrossGroups = query("Resources", "unused");
    acrossGroups.putArray("managementGroups").add("mg-root");
    assertThat(client.post(GRAPH, acrossGroups).json().get("totalRecords").asInt()).isEqualTo(26);
  }

  @Test
  void hidesTheTypesResourceGraphLacksWhileArmStillServesThem() throws Exception {
    Client client = client(false).serving(compliant());

    JsonNode page = client.post(GRAPH, query("Resources", SUBSCRIPTION)).json();

    assertThat(page.get("totalRecords").asInt()).isEqualTo(15);
    assertThat(page.get("data")).extracting(row -> row.get("type").asText())
        .doesNotContain("microsoft.netapp/netappaccounts/snapshotpolicies")
        .contains("microsoft.netapp/netappaccounts/capacitypools/volumes");
    assertThat(client.get(SNAPSHOT_POLICY + API).status()).isEqualTo(200);

    client.arm.hiddenFromResourceGraph("MICROSOFT.NETWORK/VIRTUALNETWORKS");
    JsonNode rehidden = client.post(GRAPH, query("Resources", SUBSCRIPTION)).json();
    assertThat(rehidden.get("totalRecords").asInt()).isEqualTo(15);
    assertThat(rehidden.get("data")).extracting(row -> row.get("name").asText()).contains("anf-connect/snap-daily")
        .doesNotContain("vnet-connect");
  }

  @Test
  void servesTheResourcesOfMicrosoftsRestApiExamples() throws Exception {
    Path examples = Path.of(System.getProperty("plumbline.shared", "../../shared"), "fixtures", "azure-rest-examples");
    Client client = client(false);
    client.arm.serveExamples(examples);

    String configuration = "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg/providers"
        + "/Microsoft.DBforPostgreSQL/flexibleServers/testserver/configurations/array_nulls";
    JsonNode served = client.get(configuration + "?api-version=2024-08-01").json();
    assertThat(served).isEqualTo(exampleBody(examples.resolve("Microsoft.DBforPostgreSQL/2024-08-01/ConfigurationGet.json")));

    String volume = "/subscriptions/D633CC2E-722B-4AE1-B636-BBD9E4C60ED9/resourceGroups/myRG/providers"
        + "/Microsoft.NetApp/netAppAccounts/account1/capacityPools/pool1/volumes/volume1";
    Response volumeResponse = client.get(volume + "?api-version=2024-09-01");
    assertThat(volumeResponse.status()).isEqualTo(200);
    assertThat(volumeResponse.json()).isEqualTo(exampleBody(examples.resolve("Microsoft.NetApp/2024-09-01/Volumes_Get.json")));

    // Elements of a list example are served too, when no Get example covers them.
    String subnet = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/subnet-test/providers"
        + "/Microsoft.Network/virtualNetworks/vnetname/subnets/subnet2";
    assertThat(client.get(subnet + API).json().get("name").asText()).isEqualTo("subnet2");
  }

  @Test
  void throttlesOnceWithRetryAfterThenAnswers() throws Exception {
    Client client = client(false).serving(compliant());
    client.arm.fault("GET", "virtualNetworks/", Fault.status(429).retryAfterSeconds(1).times(1));

    Response throttled = client.get(VNET + API);
    Response retried = client.get(VNET + API);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
    assertThat(throttled.headers().firstValue("retry-after")).hasValue("1");
    assertThat(retried.status()).isEqualTo(200);
  }

  @Test
  void forbidsEveryRequestMatchingARegexAndOnlyThose() throws Exception {
    Client client = client(false).serving(compliant());
    client.arm.fault("get", "microsoft\\.netapp/", Fault.status(403));
    client.arm.fault("POST", "resourcegraph", Fault.status(500).times(1));

    assertThat(client.get(ANF + API).errorCode()).isEqualTo("AuthorizationFailed");
    assertThat(client.get(SNAPSHOT_POLICY + API).status()).isEqualTo(403);
    assertThat(client.get(ANF + API).status()).isEqualTo(403);
    assertThat(client.get(VNET + API).status()).isEqualTo(200);
    assertThat(client.post(GRAPH, query("Resources", SUBSCRIPTION)).errorCode()).isEqualTo("InternalServerError");
    assertThat(client.post(GRAPH, query("Resources", SUBSCRIPTION)).status()).isEqualTo(200);
  }

  @Test
  void hangsWithoutHoldingUpOtherRequestsUntilClosed() throws Exception {
    Client client = client(false).serving(compliant());
    client.arm.fault("GET", "virtualNetworks/vnet-connect$", Fault.hang());

    CompletableFuture<HttpResponse<String>> hanging = client.http.sendAsync(
        client.request(VNET + API).timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(client.get(ANF + API).status()).isEqualTo(200);
    assertThatThrownBy(hanging::join).hasCauseInstanceOf(HttpTimeoutException.class);

    client.arm.close();
    assertThat(client.arm.requests()).extracting(FakeArm.RecordedRequest::path).hasSize(2);
  }

  @Test
  void recordsEveryRequestBeforeFaultsAndRouting() throws Exception {
    Client client = client(false).serving(compliant());
    client.arm.fault("GET", "snapshotPolicies", Fault.status(404));

    client.get(VNET + API);
    client.get(SNAPSHOT_POLICY + API);
    client.post(GRAPH, query("Resources", SUBSCRIPTION));
    Response put = client.send(client.request(VNET + API).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(put.status()).isEqualTo(405);
    List<RecordedRequest> requests = client.arm.requests();
    assertThat(requests).extracting(RecordedRequest::method).containsExactly("GET", "GET", "POST", "PUT");
    assertThat(requests).extracting(RecordedRequest::path)
        .containsExactly(VNET, SNAPSHOT_POLICY, "/providers/Microsoft.ResourceGraph/resources", VNET);
    assertThat(requests.get(0).query()).isEqualTo("api-version=2025-03-01");
    assertThat(requests.get(0).headers().get("authorization")).containsExactly("Bearer dummy-token");
    assertThat(JSON.readTree(requests.get(2).body()).get("subscriptions").get(0).asText()).isEqualTo(SUBSCRIPTION);
    assertThat(requests.get(3).body()).isEqualTo("{}");

    client.arm.clearRequests();
    assertThat(client.arm.requests()).isEmpty();
  }

  @Test
  void hasACertificateOnlyOverTlsAndDeletesItOnClose() throws Exception {
    FakeArm http = started(FakeArm.start(false));
    assertThat(http.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThatThrownBy(http::certificatePem).isInstanceOf(IllegalStateException.class);

    FakeArm https = started(FakeArm.start(true));
    Path pem = https.certificatePem();
    assertThat(https.baseUrl()).matches("https://127\\.0\\.0\\.1:\\d+/");
    assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
    https.close();
    assertThat(pem).doesNotExist();
    assertThat(pem.getParent()).doesNotExist();
  }

  @Test
  void readsTheReferenceDeploymentFromASnapshot() {
    List<JsonNode> resources = compliant();

    assertThat(resources).hasSize(16).allSatisfy(r -> assertThat(r.has("id") && r.has("name") && r.has("type")).isTrue());
    assertThat(resources).extracting(r -> r.get("id").asText()).contains(VNET, SNAPSHOT_POLICY);
  }

  @Test
  void generatesDistinctSyntheticNetworksAcrossTenResourceGroups() {
    List<JsonNode> networks = ReferenceDeployment.synthetic(12, SUBSCRIPTION);

    assertThat(networks).hasSize(12).extracting(n -> n.get("id").asText()).doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-0"));
    assertThat(names(JSON.valueToTree(networks))).startsWith("vnet-00001", "vnet-00002").endsWith("vnet-00012");
    assertThat(networks).extracting(n -> n.get("id").asText().split("/")[4]).containsOnly(
        "rg-000", "rg-001", "rg-002", "rg-003", "rg-004", "rg-005", "rg-006", "rg-007", "rg-008", "rg-009");
    assertThat(networks).extracting(n -> n.at("/properties/addressSpace/addressPrefixes/0").asText())
        .doesNotHaveDuplicates();
  }

  private static List<JsonNode> compliant() {
    return ReferenceDeployment.resources(ReferenceDeployment.example("posit-connect-ha", "compliant.json"));
  }

  private static JsonNode resource(String id, String type) {
    return JSON.createObjectNode().put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1)).put("type", type);
  }

  private static ObjectNode query(String kql, String subscription) {
    ObjectNode request = JSON.createObjectNode();
    request.putArray("subscriptions").add(subscription);
    request.put("query", kql);
    request.putObject("options").put("resultFormat", "objectArray");
    return request;
  }

  private static JsonNode exampleBody(Path example) throws IOException {
    return JSON.readTree(example.toFile()).at("/responses/200/body");
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("name").asText()).collect(Collectors.toList());
  }

  private FakeArm started(FakeArm arm) {
    started.add(arm);
    return arm;
  }

  private Client client(boolean https) throws IOException, GeneralSecurityException {
    FakeArm arm = started(FakeArm.start(https));
    HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    if (https) {
      http.sslContext(trusting(arm.certificatePem()));
    }
    return new Client(arm, http.build());
  }

  /** A TLS context that trusts exactly the fake's certificate, leaving the JVM's trust store alone. */
  private static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trusted.setCertificateEntry("fake-arm", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }

  private record Client(FakeArm arm, HttpClient http) {
    Client serving(List<JsonNode> resources) {
      arm.serve(resources);
      return this;
    }

    HttpRequest.Builder request(String pathAndQuery) {
      return HttpRequest.newBuilder(URI.create(arm.baseUrl() + pathAndQuery.substring(1)))
          .header("Authorization", "Bearer dummy-token");
    }

    Response get(String pathAndQuery) throws IOException, InterruptedException {
      return send(request(pathAndQuery).GET().build());
    }

    Response getAbsolute(String url) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer dummy-token").GET().build());
    }

    Response post(String pathAndQuery, JsonNode body) throws IOException, InterruptedException {
      return send(request("/" + pathAndQuery).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), JSON.readTree(response.body()), response.headers());
    }
  }

  private record Response(int status, JsonNode json, java.net.http.HttpHeaders headers) {
    String errorCode() {
      return json.at("/error/code").asText(null);
    }
  }
}
