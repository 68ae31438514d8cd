package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresComputeTest {

  private final PostgresCompute rule = new PostgresCompute();

  @Test
  void judgesEveryServerByTierAndVcores() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-04.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-d4ds-v4", "pass-e8ds-v5"),
        Status.FAIL, Set.of("fail-burstable", "fail-d2ds-v5"),
        Status.UNKNOWN, Set.of("unknown-no-sku", "unknown-odd-name", "unknown-odd-tier")));
  }

  @Test
  void burstableFailsWithTierAndSizeAsEvidence() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-PG-04.json")).stream()
        .filter(f -> f.subject().name().equals("fail-burstable")).findFirst().orElseThrow();
    assertThat(fail.message()).contains("Burstable");
    assertThat(fail.evidence()).containsExactly(
        new Evidence("sku.tier", "GeneralPurpose or MemoryOptimized", "Burstable"),
        new Evidence("sku.name", "a compute size with >= 4 vCores", "Standard_B2s"));
  }

  @Test
  void minVcoresIsAParameter() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-04.json"), "PCHA-PG-04.minVcores=8")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-e8ds-v5"),
        Status.FAIL, Set.of("pass-d4ds-v4", "fail-burstable", "fail-d2ds-v5"),
        Status.UNKNOWN, Set.of("unknown-no-sku", "unknown-odd-name", "unknown-odd-tier")));
  }

  @Test
  void vcoresAreReadFromTheComputeName() {
    assertThat(PostgresCompute.vcores("Standard_D4ds_v4")).contains(4L);
    assertThat(PostgresCompute.vcores("Standard_E8ds_v5")).contains(8L);
    assertThat(PostgresCompute.vcores("Standard_D16s_v3")).contains(16L);
    assertThat(PostgresCompute.vcores("standard_e64ads_v5")).contains(64L);
    assertThat(PostgresCompute.vcores("Standard_B1ms")).contains(1L);
    assertThat(PostgresCompute.vcores("GP_Gen5_4")).isEmpty();
    assertThat(PostgresCompute.vcores("Custom_Size")).isEmpty();
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-burstable.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("psql-connect")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
