package dev.plumbline.rules.positconnect.database;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresVersionTest {

  private final PostgresVersion rule = new PostgresVersion();

  @Test
  void judgesEveryServerByItsMajorVersion() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-02.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-v16", "pass-v16-dotted"),
        Status.FAIL, Set.of("fail-v15", "fail-v11"),
        Status.UNKNOWN, Set.of("unknown-no-version", "unknown-null-version")));
  }

  @Test
  void failingServerCarriesExpectedAndActualVersion() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-PG-02.json")).stream()
        .filter(f -> f.subject().name().equals("fail-v15")).findFirst().orElseThrow();
    assertThat(fail.evidence()).containsExactly(new Evidence("properties.version", "16", "15"));
    assertThat(fail.subject().provenance().line()).isPositive();
  }

  @Test
  void allowedVersionsParameterWidensWhatPasses() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-PG-02.json"), "PCHA-PG-02.allowedVersions=15,16").get(Status.PASS))
        .containsExactlyInAnyOrder("pass-v16", "pass-v16-dotted", "fail-v15");
  }

  @Test
  void noServerAtAllIsAFailureOfTheScope() throws Exception {
    List<Finding> findings = findings(rule, fixture("no-resources.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void bundledExamplesPassAndTheVersion15ViolationFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("psql-connect")));
    assertThat(outcomes(rule, example("violations/postgres-15.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("psql-connect")));
  }
}
