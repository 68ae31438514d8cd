package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HaConfigurationTest {

  private final HaConfiguration rule = new HaConfiguration();

  @Test
  void judgesEveryNodeAndEveryUnplacedFactsEntry() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-CFG-01.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-by-vmid", "pass-by-hostname", "pass-by-ip", "pass-privatelink", "pass-datadir-default",
            "nodes[pass-unplaced]"),
        Status.FAIL, Set.of("fail-sqlite", "fail-no-provider", "fail-other-postgres", "fail-local-datadir",
            "fail-other-nfs", "fail-wrong-export", "fail-http-address", "fail-no-address", "fail-shared-metrics-a",
            "fail-shared-metrics-b", "nodes[fail-duplicate]"),
        Status.UNKNOWN, Set.of("unknown-no-facts", "unknown-no-settings", "unknown-no-mounts", "unknown-no-url",
            "unknown-provider", "unknown-no-metrics")));
  }

  @Test
  void aPassingNodeCarriesOneEvidenceEntryPerCheck() throws Exception {
    Finding pass = finding("PCHA-CFG-01.json", "pass-by-vmid");
    assertThat(pass.subject().provenance().line()).isPositive();
    assertThat(pass.evidence()).containsExactly(
        new Evidence("nodes[pass-by-vmid].config.settings.database.provider", "postgres", "postgres"),
        new Evidence("nodes[pass-by-vmid].config.settings.postgres.url",
            "host psql-fixture.postgres.database.azure.com", "host psql-fixture.postgres.database.azure.com"),
        new Evidence("nodes[pass-by-vmid].config.settings.server.datadir",
            "a path on the NetApp volume mount 10.30.3.4:/connect-data",
            "/mnt/connect-data/rstudio-connect on 10.30.3.4:/connect-data (nfs4)"),
        new Evidence("nodes[pass-by-vmid].config.settings.server.address", "an https:// URL",
            "https://connect.fixture.example/"),
        new Evidence("nodes[pass-by-vmid].config.settings.metrics.datapath", "a path unique to this node",
            "/var/lib/rstudio-connect-metrics/pass-by-vmid on the node's local disk"));
  }

  @Test
  void aDatabaseUrlIsShownOnlyByItsHost() throws Exception {
    Finding fail = finding("PCHA-CFG-01.json", "fail-other-postgres");
    assertThat(fail.message()).contains("psql-elsewhere.postgres.database.azure.com").doesNotContain("S3cret");
    assertThat(fail.evidence()).contains(new Evidence("nodes[fail-other-postgres].config.settings.postgres.url",
        "host psql-fixture.postgres.database.azure.com", "host psql-elsewhere.postgres.database.azure.com"));
    assertThat(findings(rule, fixture("PCHA-CFG-01.json"))).allSatisfy(finding -> {
      assertThat(finding.message()).doesNotContain("S3cret").doesNotContain("postgres://");
      assertThat(finding.evidence()).allSatisfy(evidence ->
          assertThat(String.valueOf(evidence.actual())).doesNotContain("S3cret").doesNotContain("postgres://"));
    });
  }

  @Test
  void theDefaultDataDirectoryCountsWhenItIsTheNetAppMount() throws Exception {
    assertThat(finding("PCHA-CFG-01.json", "pass-datadir-default").evidence()).contains(new Evidence(
        "nodes[pass-datadir-default].config.settings.server.datadir",
        "a path on the NetApp volume mount 10.30.3.4:/connect-data",
        "/var/lib/rstudio-connect (Connect's default) on 10.30.3.4:/connect-data (nfs4)"));
  }

  @Test
  void failuresSayWhatIsWrong() throws Exception {
    assertThat(finding("PCHA-CFG-01.json", "fail-no-provider").message()).contains("SQLite");
    assertThat(finding("PCHA-CFG-01.json", "fail-local-datadir").message()).contains("local disk");
    assertThat(finding("PCHA-CFG-01.json", "fail-wrong-export").message()).contains("10.30.3.4:/other-volume");
    assertThat(finding("PCHA-CFG-01.json", "fail-shared-metrics-a").evidence()).contains(new Evidence(
        "nodes[fail-shared-metrics-a].config.settings.metrics.datapath", "a path unique to this node",
        "/mnt/connect-data/metrics on a network share, also used by fail-shared-metrics-b"));
    assertThat(finding("PCHA-CFG-01.json", "unknown-no-facts").message()).contains("--connect-node NAME=URL").contains("--node-facts FILE");
  }

  @Test
  void factsForAVmThatIsNotANodeAreIgnored() throws Exception {
    assertThat(findings(rule, fixture("PCHA-CFG-01.json")))
        .noneSatisfy(finding -> assertThat(finding.subject().name()).isIn("vm-batch", "batch"));
  }

  @Test
  void withoutADatabaseOrVolumeInScopeTheNodeIsUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-CFG-01-no-data-services.json")))
        .isEqualTo(Map.of(Status.UNKNOWN, Set.of("unknown-nothing-to-compare")));
  }

  @Test
  void bundledExamplesPassAndTheSqliteProviderFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vm-connect-1", "vm-connect-2")));
    assertThat(outcomes(rule, example("violations/node-sqlite-provider.json")))
        .isEqualTo(Map.of(Status.FAIL, Set.of("vm-connect-1", "vm-connect-2")));
  }

  private Finding finding(String fixture, String subject) throws Exception {
    List<Finding> findings = findings(rule, fixture(fixture));
    return findings.stream().filter(f -> f.subject().name().equals(subject)).findFirst().orElseThrow();
  }
}
