package dev.plumbline.core.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectApiClientTest {

  @Test
  void aNodesVersionAndRuntimesAreReadWithGetsOnlyIntoTheSnapshotsNodeShape() throws Exception {
    try (FakeConnect node = FakeConnect.start("connect-1", "2026.08.0", List.of("3.11.9", "3.12.4"),
        List.of("4.3.3", "4.4.1"), List.of("1.5.57"))) {
      ObjectNode facts = new ConnectApiClient(Optional.empty(), Duration.ofSeconds(5))
          .read("connect-1", node.baseUrl(), FakeConnect.API_KEY);

      assertThat(facts.path("name").asText()).isEqualTo("connect-1");
      assertThat(facts.path("hostname").asText()).isEqualTo("connect-1");
      assertThat(facts.path("source").asText()).isEqualTo("connect-api");
      assertThat(facts.at("/connect/version").asText()).isEqualTo("2026.08.0");
      assertThat(facts.at("/runtimes/python").toString()).isEqualTo("[\"3.11.9\",\"3.12.4\"]");
      assertThat(facts.at("/runtimes/r").toString()).isEqualTo("[\"4.3.3\",\"4.4.1\"]");
      assertThat(facts.at("/runtimes/quarto").toString()).isEqualTo("[\"1.5.57\"]");
      assertThat(node.requests()).containsExactly("GET /__api__/server_settings", "GET /__api__/v1/server_settings/python",
          "GET /__api__/v1/server_settings/r", "GET /__api__/v1/server_settings/quarto");
    }
  }

  @Test
  void aRefusedKeyAndASilentNodeAreUnreadableWithTheReason() throws Exception {
    try (FakeConnect node = FakeConnect.start("connect-1", "2026.08.0", List.of(), List.of(), List.of())) {
      ConnectApiClient client = new ConnectApiClient(Optional.empty(), Duration.ofSeconds(1));

      assertThatThrownBy(() -> client.read("connect-1", node.baseUrl(), "wrong-key"))
          .isInstanceOf(ConnectApiClient.Unreadable.class)
          .hasMessageContaining("refused the API key (HTTP 401)").hasMessageNotContaining("wrong-key");
      node.hang();
      assertThatThrownBy(() -> client.read("connect-1", node.baseUrl(), FakeConnect.API_KEY))
          .isInstanceOf(ConnectApiClient.Unreadable.class).hasMessageContaining("did not answer");
    }
  }

  @Test
  void tlsIsVerifiedAndAPrivateCaIsTrustedOnlyWhenGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    try (FakeConnect node = FakeConnect.startHttps(dir, "connect-1", "2026.08.0", List.of("3.12.4"))) {
      ConnectApiClient jvmTrust = new ConnectApiClient(Optional.empty(), Duration.ofSeconds(5));
      ConnectApiClient privateCa = new ConnectApiClient(Optional.of(node.certificatePem()), Duration.ofSeconds(5));

      assertThatThrownBy(() -> jvmTrust.read("connect-1", node.baseUrl(), FakeConnect.API_KEY))
          .isInstanceOf(ConnectApiClient.Unreadable.class).hasMessageContaining("did not answer");
      assertThat(privateCa.read("connect-1", node.baseUrl(), FakeConnect.API_KEY).at("/connect/version").asText())
          .isEqualTo("2026.08.0");
      assertThat(node.baseUrl().getScheme()).isEqualTo("https");
    }
  }
}
