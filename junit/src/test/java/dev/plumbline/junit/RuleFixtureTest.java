package dev.plumbline.junit;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.equalTo;
import static dev.plumbline.junit.PlumblineAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.positconnect.PositConnectHaPack;
import org.junit.jupiter.api.Test;

class RuleFixtureTest {

  private static final Rule GEO_BACKUP = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
      .should(haveProperty("properties.backup.geoRedundantBackup", equalTo("Enabled")))
      .asRule("ACME-PG-01", "Acme.Postgres.GeoBackup", Severity.MEDIUM, Pillar.RELIABILITY);

  private static String server(String name, String backup) {
    return ("{'id': '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/" + name
        + "', 'name': '" + name + "', 'type': 'Microsoft.DBforPostgreSQL/flexibleServers', 'properties': {"
        + (backup == null ? "" : "'backup': {'geoRedundantBackup': '" + backup + "'}") + "}}").replace('\'', '"');
  }

  @Test
  void aRuleOverInlineResourcesGivesTheExactPassingFailingAndUnknownSets() throws Exception {
    RuleOutcomes outcomes = RuleFixture.of(GEO_BACKUP)
        .overResources(server("pg-geo", "Enabled"), server("pg-local", "Disabled"), server("pg-silent", null));

    assertThat(outcomes).passesExactly("pg-geo").failsExactly("pg-local").isUnknownExactlyFor("pg-silent").hasNoErrors();
  }

  @Test
  void aWrongExpectationNamesWhatIsMissingAndWhatIsExtraWithTheFindings() throws Exception {
    RuleOutcomes outcomes = RuleFixture.of(GEO_BACKUP).overResources(server("pg-geo", "Enabled"), server("pg-local", "Disabled"));

    assertThatThrownBy(() -> assertThat(outcomes).passesExactly("pg-geo", "pg-local"))
        .hasMessageStartingWith("Expecting ACME-PG-01 to give PASS for exactly [pg-geo, pg-local], but it gave PASS for [pg-geo]:")
        .hasMessageContaining("missing:  [pg-local]")
        .hasMessageContaining("pg-local: FAIL: PostgreSQL flexible server pg-local does not have property"
            + " 'properties.backup.geoRedundantBackup' equal to 'Enabled' (was 'Disabled').");
  }

  @Test
  void aPackRuleRunsInsideItsPackWithParametersOverAnExampleFile() throws Exception {
    RuleOutcomes defaults = RuleFixture.of(new PositConnectHaPack(), "PCHA-PG-03").over(Examples.compliant());
    RuleOutcomes raised = RuleFixture.of(new PositConnectHaPack(), "PCHA-PG-03")
        .withParameters("PCHA-PG-03.minStorageGb=256").over(Examples.compliant());

    assertThat(defaults).passesExactly("psql-connect").failsExactly();
    assertThat(raised).passesExactly().failsExactly("psql-connect");
  }

  @Test
  void aMissingRequiredResourceIsAFailureOfTheScope() throws Exception {
    RuleOutcomes outcomes = RuleFixture.of(GEO_BACKUP).overResources("[]");

    assertThat(outcomes).failsExactly("scope").passesExactly();
  }
}
