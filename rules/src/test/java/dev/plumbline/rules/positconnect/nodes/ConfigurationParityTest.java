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

class ConfigurationParityTest {

  private final ConfigurationParity rule = new ConfigurationParity();

  @Test
  void keyCaseAndTheOrderOfMultiValuedSettingsDoNotMatter() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-07-pass.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    assertThat(findings.get(0).message()).contains("apart from metrics.datapath");
  }

  @Test
  void eachDifferingSettingIsReportedWithEveryNodesValue() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-07-fail.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    Finding fail = findings.get(0);
    assertThat(fail.message()).contains("3 settings")
        .contains("applications.runas (vm-a: rstudio-connect; vm-b: not set; vm-c: rstudio-connect)")
        .contains("http.nowarning (vm-a: true; vm-b: true; vm-c: false)")
        .contains("postgres.url (");
    assertThat(fail.evidence()).containsExactly(
        new Evidence("nodes[connect-a].config.settings.applications.runas", "rstudio-connect", "rstudio-connect"),
        new Evidence("nodes[connect-b].config.settings.applications.runas", "rstudio-connect", null),
        new Evidence("nodes[connect-c].config.settings.applications.runas", "rstudio-connect", "rstudio-connect"),
        new Evidence("nodes[connect-a].config.settings.http.nowarning", "true", "true"),
        new Evidence("nodes[connect-b].config.settings.http.nowarning", "true", "true"),
        new Evidence("nodes[connect-c].config.settings.http.nowarning", "true", "false"),
        new Evidence("nodes[connect-a].config.settings.postgres.url",
            "host psql-fixture.postgres.database.azure.com", "host psql-fixture.postgres.database.azure.com"),
        new Evidence("nodes[connect-b].config.settings.postgres.url",
            "host psql-fixture.postgres.database.azure.com", "host psql-fixture.postgres.database.azure.com"),
        new Evidence("nodes[connect-c].config.settings.postgres.url",
            "host psql-fixture.postgres.database.azure.com", "host psql-other.postgres.database.azure.com"));
  }

  @Test
  void aPasswordInTheDatabaseUrlNeverReachesTheFinding() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-VM-07-fail.json")).get(0);
    assertThat(fail.message()).doesNotContain("S3cret");
    assertThat(fail.evidence()).allSatisfy(evidence -> {
      assertThat(String.valueOf(evidence.expected())).doesNotContain("S3cret").doesNotContain("postgres://");
      assertThat(String.valueOf(evidence.actual())).doesNotContain("S3cret").doesNotContain("postgres://");
    });
  }

  @Test
  void aNodeWithoutItsConfigurationIsUnknown() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-07-unknown.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).evidence())
        .containsExactly(Evidence.absent("nodes[connect-c].config.settings", "the node's parsed configuration"));
  }

  @Test
  void perNodeSettingsIsAParameter() throws Exception {
    assertThat(outcomes(rule, example("violations/node-config-mismatch.json"),
        "PCHA-VM-07.perNodeSettings=Metrics.DataPath,HTTP.NoWarning")).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    List<Finding> findings = findings(rule, example("compliant.json"), "PCHA-VM-07.perNodeSettings=server.hostname");
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(findings.get(0).evidence()).contains(new Evidence("nodes[connect-2].config.settings.metrics.datapath",
        "/var/lib/rstudio-connect-metrics/connect-1", "/var/lib/rstudio-connect-metrics/connect-2"));
  }

  @Test
  void bundledExamplesPassAndTheConfigMismatchFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    List<Finding> findings = findings(rule, example("violations/node-config-mismatch.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(findings.get(0).evidence()).containsExactly(
        new Evidence("nodes[connect-1].config.settings.http.nowarning", "true", "true"),
        new Evidence("nodes[connect-2].config.settings.http.nowarning", "true", "false"));
  }
}
