package dev.plumbline.rules.positconnect.storage;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetAppDataProtectionTest {

  private final NetAppDataProtection rule = new NetAppDataProtection();

  @Test
  void anEnabledSnapshotPolicyOrABackupProtectsTheVolume() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-05.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-snapshots", "pass-backup-vault", "pass-backup-policy-only",
            "pass-backup-despite-disabled-snapshots"),
        Status.FAIL, Set.of("fail-nothing", "fail-disabled-policy", "fail-backup-switched-off"),
        Status.UNKNOWN, Set.of("unknown-policy-missing", "unknown-policy-enabled-unstated")));
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-no-snapshots.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
