package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectNodeFactsTest {

  @Test
  void factsAreMatchedByVmIdThenHostnameThenPrivateIp() throws Exception {
    Topology topology = new TopologyLoader().load(fixture("PCHA-CFG-01.json"));
    ConnectNodeFacts facts = ConnectNodeFacts.of(topology, ConnectNodes.in(topology));
    assertThat(facts.present()).isTrue();
    assertThat(facts.matches()).extracting(match -> match.name() + " <- "
            + match.facts().map(NodeFacts::name).orElse("-") + " by " + match.matchedBy())
        .contains(
            "pass-by-vmid <- pass-by-vmid by vmId",
            "pass-by-hostname <- connect-h by hostname",
            "pass-by-ip <- connect-i by privateIp",
            "unknown-no-facts <- - by no node facts entry matches",
            "pass-unplaced <- pass-unplaced by matches no VM in the topology",
            "fail-duplicate <- fail-duplicate by matches pass-by-vmid by vmId, which an earlier entry already matched");
    assertThat(facts.ignored()).extracting(match -> match.name() + " <- " + match.facts().orElseThrow().name())
        .containsExactly("vm-batch <- batch");
  }

  @Test
  void theCompliantExampleMatchesEachNodeByItsVmId() throws Exception {
    Topology topology = new TopologyLoader().load(example("compliant.json"));
    assertThat(ConnectNodeFacts.of(topology, ConnectNodes.in(topology)).matches())
        .extracting(match -> match.name() + " <- " + match.facts().orElseThrow().name() + " by " + match.matchedBy())
        .containsExactly("vm-connect-1 <- connect-1 by vmId", "vm-connect-2 <- connect-2 by vmId");
  }

  @Test
  void postgresUrlsYieldOnlyTheirHost() {
    assertThat(PostgresUrl.host("postgres://connect:p%40ss@PSQL.postgres.database.azure.com:5432/connect?sslmode=require"))
        .contains("psql.postgres.database.azure.com");
    assertThat(PostgresUrl.host("postgresql://[fd00::4]:5432/connect")).contains("fd00::4");
    assertThat(PostgresUrl.host("host=psql.example.com dbname=connect user=connect")).contains("psql.example.com");
    assertThat(PostgresUrl.host("not a url")).isEmpty();
  }

  @Test
  void settingsAreShownWithoutSecrets() {
    assertThat(RedactedSetting.display("Postgres.URL", List.of("postgres://u:secret@db.example.com/connect")))
        .isEqualTo("host db.example.com");
    assertThat(RedactedSetting.display("postgres.password", "secret")).isEqualTo("(redacted)");
    assertThat(RedactedSetting.display("oauth2.clientsecret", "secret")).isEqualTo("(redacted)");
    assertThat(RedactedSetting.display("server.address", "https://admin:secret@connect.example.com/"))
        .isEqualTo("https://admin:***@connect.example.com/");
    assertThat(RedactedSetting.display("http.nowarning", "true")).isEqualTo("true");
  }

  @Test
  void mountsTellWhichPathTheyHoldAndWhetherTheyAreShared() {
    NodeFacts.Mount nfs = new NodeFacts.Mount(Optional.of("10.20.3.4:/connect-data"), "/mnt/connect-data/", Optional.of("nfs4"));
    assertThat(nfs.contains("/mnt/connect-data/rstudio-connect")).isTrue();
    assertThat(nfs.contains("/mnt/connect-data")).isTrue();
    assertThat(nfs.contains("/mnt/connect-data-old")).isFalse();
    assertThat(nfs.isNetworkFileSystem()).isTrue();
    assertThat(nfs.serverHost()).contains("10.20.3.4");
    assertThat(nfs.exportPath()).contains("/connect-data");
    assertThat(new NodeFacts.Mount(Optional.of("/dev/sdb1"), "/data", Optional.of("ext4")).isNetworkFileSystem()).isFalse();
    assertThat(new NodeFacts.Mount(Optional.of("10.0.0.4:/x"), "/data", Optional.empty()).isNetworkFileSystem()).isTrue();
  }
}
