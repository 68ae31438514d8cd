package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresStorageTest {

  private final PostgresStorage rule = new PostgresStorage();

  @Test
  void judgesEveryServerByItsProvisionedStorage() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-03.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-64", "pass-128-as-text"),
        Status.FAIL, Set.of("fail-32", "fail-63"),
        Status.UNKNOWN, Set.of("unknown-no-storage", "unknown-no-size")));
  }

  @Test
  void missingStorageIsUnknownWithAbsentActual() throws Exception {
    Finding unknown = findings(rule, fixture("PCHA-PG-03.json")).stream()
        .filter(f -> f.subject().name().equals("unknown-no-storage")).findFirst().orElseThrow();
    assertThat(unknown.evidence()).containsExactly(new Evidence("properties.storage.storageSizeGB", ">= 64", null));
  }

  @Test
  void thresholdIsAParameter() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-03.json"), "PCHA-PG-03.minStorageGb=100")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-128-as-text"),
        Status.FAIL, Set.of("pass-64", "fail-32", "fail-63"),
        Status.UNKNOWN, Set.of("unknown-no-storage", "unknown-no-size")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-small-storage.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-storage-missing.json"))).isEqualTo(Map.of(Status.UNKNOWN, Set.of("psql-connect")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
