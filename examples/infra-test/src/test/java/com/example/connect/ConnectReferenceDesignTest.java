package com.example.connect;

import static dev.plumbline.junit.PlumblineAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.junit.PlumblineAudit;
import dev.plumbline.junit.PlumblineSoftAssertions;
import dev.plumbline.junit.PlumblineTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our Posit Connect deployment against Posit's load-balanced HA reference design. The snapshot is
 * the bundled example; CI passes the night's export with -Dplumbline.snapshot=...
 */
@PlumblineTest(snapshot = "../posit-connect-ha/compliant.json")
class ConnectReferenceDesignTest {

  /** One test per rule and resource, each linked to the rule's page. */
  @TestFactory
  Stream<DynamicTest> referenceDesign(PlumblineAudit audit) {
    return audit.dynamicTests();
  }

  @Test
  void usersStayOnTheirNodeAndTheDatabaseIsTheTestedOne(Topology topology) {
    PlumblineSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(topology).gateway("agw-connect").hasCookieAffinity().hasHealthProbe();
      softly.assertThat(topology).postgresServer("psql-connect").hasMajorVersion("16").hasStorageOfAtLeastGb(64);
      softly.assertThat(topology).virtualMachines().hasAtLeast(2).areSpreadOverZones(2);
    });
  }

  @Test
  void nothingHighIsOpen(AuditResult audit) {
    assertThat(audit).hasNoFindingsAtOrAbove(Severity.HIGH);
  }

  @Test
  void connectNodesTakeSshKeysOnly(Topology topology) {
    assertThat(topology).meets(HouseRules.SSH_KEYS_ONLY);
  }

  @Test
  void ourRuleSaysWhatItChecksInOneSentence() {
    org.assertj.core.api.Assertions.assertThat(HouseRules.SSH_KEYS_ONLY.description()).isEqualTo(
        "virtual machines that are tagged 'role=posit-connect' should have property"
            + " 'properties.osProfile.linuxConfiguration.disablePasswordAuthentication' equal to 'true',"
            + " because our Connect nodes are reached with SSH keys only");
  }
}
