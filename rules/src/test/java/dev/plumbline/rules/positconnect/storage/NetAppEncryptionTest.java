package dev.plumbline.rules.positconnect.storage;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetAppEncryptionTest {

  private final NetAppEncryption rule = new NetAppEncryption();

  @Test
  void platformAndCustomerKeysPassAndAbsentOrUnrecognisedSourcesAreUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-02.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-platform-key", "pass-customer-key"),
        Status.UNKNOWN, Set.of("unknown-absent", "unknown-unrecognised")));
  }

  @Test
  void requiringCustomerManagedKeysFailsPlatformKeys() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-02.json"), "PCHA-ANF-02.requireCustomerManagedKey=true")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-customer-key"),
        Status.FAIL, Set.of("pass-platform-key"),
        Status.UNKNOWN, Set.of("unknown-absent", "unknown-unrecognised")));
  }

  @Test
  void requiringDoubleEncryptionReadsThePoolsEncryptionType() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-02.json"), "PCHA-ANF-02.requireDoubleEncryption=true")).isEqualTo(Map.of(
        Status.FAIL, Set.of("pass-platform-key", "pass-customer-key"),
        Status.UNKNOWN, Set.of("unknown-absent", "unknown-unrecognised")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-encryption-missing.json"))).isEqualTo(Map.of(Status.UNKNOWN, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
