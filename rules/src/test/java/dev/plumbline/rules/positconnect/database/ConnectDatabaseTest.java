package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.plumbline.rules.positconnect.nodes.PostgresUrl;
import org.junit.jupiter.api.Test;

class ConnectDatabaseTest {

  private final ConnectDatabase rule = new ConnectDatabase();

  @Test
  void withNodeFactsTheServerConnectPointsAtPassesAndForeignHostsFail() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-01.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-pointed"),
        Status.FAIL, Set.of("fail-node-elsewhere"),
        Status.UNKNOWN, Set.of("unknown-node-no-host")));
  }

  @Test
  void thePrivateLinkNameCountsAsTheServersName() throws Exception {
    Finding pass = findings(rule, fixture("PCHA-PG-01.json")).stream()
        .filter(f -> f.status() == Status.PASS).findFirst().orElseThrow();
    assertThat(pass.message()).contains("vm-a").contains("vm-b");
    assertThat(pass.evidence()).containsExactly(new Evidence("properties.fullyQualifiedDomainName",
        "the host of Postgres.URL on vm-a, vm-b", "pass-pointed.postgres.database.azure.com"));
  }

  @Test
  void findingsNameTheHostButNeverTheUrlOrItsPassword() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-PG-01.json"));
    assertThat(findings).allSatisfy(finding -> {
      assertThat(finding.message()).doesNotContain("s3cr3t").doesNotContain("postgres://");
      assertThat(finding.evidence()).allSatisfy(evidence -> assertThat(String.valueOf(evidence.actual()))
          .doesNotContain("s3cr3t").doesNotContain("postgres://"));
    });
    Finding fail = findings.stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
    assertThat(fail.evidence()).containsExactly(new Evidence("nodes[node-c].config.settings.postgres.url host",
        "the FQDN of a PostgreSQL flexible server in scope", "psql-old.postgres.database.azure.com"));
  }

  @Test
  void aServerWithoutFqdnMakesAnUnmatchedHostUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-01-unnamed.json")))
        .isEqualTo(Map.of(Status.UNKNOWN, Set.of("unknown-node-unnamed-server")));
  }

  @Test
  void withoutNodeFactsEveryServerInScopePasses() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-01-no-facts.json")))
        .isEqualTo(Map.of(Status.PASS, Set.of("pass-present-1", "pass-present-2")));
  }

  @Test
  void noServerAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-missing.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void urlHostsAreReadWithoutCredentialsPortOrCase() {
    assertThat(PostgresUrl.host("postgres://connect:p@ss@PSQL.postgres.database.azure.com.:5432/connect?sslmode=require"))
        .contains("psql.postgres.database.azure.com");
    assertThat(PostgresUrl.host("postgresql://psql.example/connect")).contains("psql.example");
    assertThat(PostgresUrl.host("host=psql.example dbname=connect")).contains("psql.example");
    assertThat(PostgresUrl.host("postgres:///connect")).isEmpty();
    assertThat(PostgresUrl.names("psql.privatelink.postgres.database.azure.com", "psql.postgres.database.azure.com")).isTrue();
    assertThat(PostgresUrl.names("other.postgres.database.azure.com", "psql.postgres.database.azure.com")).isFalse();
  }
}
