package dev.plumbline.junit;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.atLeast;
import static dev.plumbline.core.rule.dsl.ValueConditions.equalTo;
import static dev.plumbline.junit.PlumblineAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.rules.BuiltInPacks;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PlumblineAssertionsTest {

  private static final Topology COMPLIANT = Examples.load(Examples.compliant());

  private static AuditResult audit(Topology topology) throws Exception {
    return new AuditEngine().evaluate(topology, BuiltInPacks.all(), RuleParameters.defaults());
  }

  @Test
  void domainAssertionsPassOnTheCompliantExample() {
    assertThatCode(() -> {
      assertThat(COMPLIANT).gateway("agw-connect").hasCookieAffinity().hasHealthProbe().isRedundant().servesHttpsOnly();
      assertThat(COMPLIANT).postgresServer("psql-connect").hasMajorVersion("16").hasStorageOfAtLeastGb(64).isPrivate();
      assertThat(COMPLIANT).virtualMachine("vm-connect-1").hasConnectNodeSize().isPrivate().isInZones("1");
      assertThat(COMPLIANT).virtualMachines().hasAtLeast(2).areSpreadOverZones(2);
      assertThat(COMPLIANT).netAppVolume("vol-connect-data").isEncrypted().exportsOnlyPrivately();
    }).doesNotThrowAnyException();
  }

  @Test
  void aFailingDomainAssertionNamesRuleResourcePropertyExpectedAndActualOnSeparateLines() {
    Topology broken = Examples.load(Examples.violation("no-cookie-affinity"));

    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(broken).gateway("agw-connect").hasCookieAffinity());

    Assertions.assertThat(error.getMessage())
        .startsWith("Expecting Application Gateway agw-connect to have cookie-based affinity on every route to the"
            + " Connect nodes, but PCHA-AGW-02 found otherwise:")
        .contains("\n  rule:     PCHA-AGW-02 Connect.Gateway.CookieAffinity (HIGH)\n")
        .contains("\n  resource: settings-connect\n")
        .contains("\n  property: properties.cookieBasedAffinity\n")
        .contains("\n  expected: Enabled\n")
        .contains("\n  actual:   Disabled\n")
        .contains("\n  fix:      https://plumbline.dev/rules/PCHA-AGW-02\n");
  }

  @Test
  void aThresholdAssertionRunsTheRuleWithTheThresholdGiven() {
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(COMPLIANT).postgresServer("psql-connect").hasStorageOfAtLeastGb(4096));

    Assertions.assertThat(error.getMessage())
        .contains("rule:     PCHA-PG-03 Connect.Database.Storage")
        .contains("property: properties.storage.storageSizeGB")
        .contains("expected: >= 4096");
  }

  @Test
  void propertyAndZoneAssertionsUseTheDslConditionsAndSayExpectedAndActual() {
    AssertionError property = catchThrowableOfType(AssertionError.class,
        () -> assertThat(COMPLIANT).postgresServer("psql-connect").hasProperty("properties.version", "15"));
    AssertionError zones = catchThrowableOfType(AssertionError.class,
        () -> assertThat(COMPLIANT).virtualMachine("vm-connect-1").isInZones("1", "2"));

    Assertions.assertThat(property.getMessage())
        .startsWith("Expecting PostgreSQL flexible server psql-connect to have property 'properties.version' equal to '15',"
            + " but it does not have property 'properties.version' equal to '15' (was '16'):")
        .contains("\n  resource: psql-connect\n")
        .contains("\n  property: properties.version\n  expected: 15\n  actual:   16\n");
    Assertions.assertThat(zones.getMessage())
        .contains("\n  property: zones\n  expected: 1, 2\n  actual:   1\n");
  }

  @Test
  void aMissingResourceIsNamedWithWhatTheTopologyHasInstead() {
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(COMPLIANT).gateway("agw-other"));

    Assertions.assertThat(error).hasMessage(
        "Expecting the topology to contain an Application Gateway named agw-other, but its Application Gateways are: [agw-connect]");
  }

  @Test
  void aCustomRuleIsAssertedOnTheTopologyAndItsFailureReadsAsItsSentence() {
    var rule = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveProperty("properties.storage.storageSizeGB", atLeast(1024)))
        .because("the analytics team stores large bundles");

    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(COMPLIANT).meets(rule));

    Assertions.assertThat(error.getMessage())
        .contains("PostgreSQL flexible servers should have property 'properties.storage.storageSizeGB' at least 1024,"
            + " because the analytics team stores large bundles")
        .contains("resource: psql-connect")
        .contains("expected: >= 1024");
  }

  @Test
  void auditAssertionsListEveryBlockingFinding() throws Exception {
    AuditResult compliant = audit(COMPLIANT);
    AuditResult old = audit(Examples.load(Examples.violation("postgres-15")));

    assertThatCode(() -> assertThat(compliant).hasNoFindingsAtOrAbove(Severity.LOW).hasPassed("PCHA-PG-02").hasNoErrors())
        .doesNotThrowAnyException();
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(old).hasNoFindingsAtOrAbove(Severity.HIGH));
    Assertions.assertThat(error.getMessage())
        .startsWith("Expecting no findings at or above HIGH, but found 1:")
        .contains("rule:     PCHA-PG-02 Connect.Database.Version (HIGH)")
        .contains("resource: psql-connect")
        .contains("property: properties.version")
        .contains("actual:   15");
    assertThatCode(() -> assertThat(old).hasFailed("PCHA-PG-02")).doesNotThrowAnyException();
    Assertions.assertThatThrownBy(() -> assertThat(old).hasPassed("PCHA-PG-02"))
        .hasMessageStartingWith("Expecting PCHA-PG-02 Connect.Database.Version to pass, but 1 finding does not:");
    Assertions.assertThatThrownBy(() -> assertThat(old).hasPassed("PCHA-XX-99"))
        .hasMessageStartingWith("Expecting the audit to have run rule PCHA-XX-99, but its rules are: [PCHA-");
  }

  @Test
  void softAssertionsCollectEveryFailureIncludingThoseAfterNavigating() {
    Topology broken = Examples.load(Examples.violation("no-cookie-affinity"));

    AssertionError error = catchThrowableOfType(AssertionError.class, () -> PlumblineSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(broken).gateway("agw-connect").hasCookieAffinity();
      softly.assertThat(broken).gateway("agw-missing").hasCookieAffinity();
      softly.assertThat(broken).postgresServer("psql-connect").hasProperty("properties.version", "17");
      softly.assertThat(broken).postgresServer("psql-connect").hasMajorVersion("16");
    }));

    Assertions.assertThat(error.getMessage())
        .contains("Multiple Failures (3 failures)")
        .contains("PCHA-AGW-02")
        .contains("named agw-missing")
        .contains("equal to '17'");
  }
}
