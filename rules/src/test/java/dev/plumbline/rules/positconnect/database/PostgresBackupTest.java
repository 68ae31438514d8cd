package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresBackupTest {

  private final PostgresBackup rule = new PostgresBackup();

  @Test
  void judgesRetentionAndGeoRedundancy() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-06.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-14-geo", "pass-7-geo"),
        Status.FAIL, Set.of("fail-3-days", "fail-no-geo"),
        Status.UNKNOWN, Set.of("unknown-no-backup", "unknown-geo-unstated", "unknown-odd-geo")));
  }

  @Test
  void shortRetentionCarriesBothEvidenceEntries() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-PG-06.json")).stream()
        .filter(f -> f.subject().name().equals("fail-3-days")).findFirst().orElseThrow();
    assertThat(fail.evidence()).containsExactly(
        new Evidence("properties.backup.backupRetentionDays", ">= 7", "3"),
        new Evidence("properties.backup.geoRedundantBackup", "Enabled", "Enabled"));
  }

  @Test
  void minRetentionDaysIsAParameter() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-06.json"), "PCHA-PG-06.minRetentionDays=14")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-14-geo"),
        Status.FAIL, Set.of("pass-7-geo", "fail-3-days", "fail-no-geo"),
        Status.UNKNOWN, Set.of("unknown-no-backup", "unknown-geo-unstated", "unknown-odd-geo")));
  }

  @Test
  void geoRedundancyCanBeMadeOptional() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-06.json"), "PCHA-PG-06.requireGeoRedundant=false")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-14-geo", "pass-7-geo", "fail-no-geo", "unknown-geo-unstated", "unknown-odd-geo"),
        Status.FAIL, Set.of("fail-3-days"),
        Status.UNKNOWN, Set.of("unknown-no-backup")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-short-retention.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("psql-connect")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
