package dev.plumbline.rules.positconnect.storage;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetAppCapacityTest {

  private final NetAppCapacity rule = new NetAppCapacity();

  @Test
  void judgesThePoolSizeAndTheVolumeQuota() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-03.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-2tib-100gib", "pass-2tib-500gib"),
        Status.FAIL, Set.of("fail-small-pool", "fail-small-quota"),
        Status.UNKNOWN, Set.of("unknown-pool-size", "unknown-no-quota", "unknown-pool-missing")));
  }

  @Test
  void aSmallPoolIsReportedInBytesAndTib() throws Exception {
    Finding fail = findings(rule, fixture("PCHA-ANF-03.json")).stream()
        .filter(f -> f.subject().name().equals("fail-small-pool")).findFirst().orElseThrow();
    assertThat(fail.message()).contains("pool-1tib holds 1 TiB, less than 2 TiB");
    assertThat(fail.evidence()).containsExactly(
        new Evidence("capacityPool.properties.size", ">= 2199023255552 (2 TiB)", "1099511627776 (1 TiB)"),
        new Evidence("properties.usageThreshold", ">= 107374182400 (100 GiB)", "107374182400 (100 GiB)"));
  }

  @Test
  void thresholdsAreParameters() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-ANF-03.json"), "PCHA-ANF-03.minPoolTib=1")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-2tib-100gib", "pass-2tib-500gib", "fail-small-pool"),
        Status.FAIL, Set.of("fail-small-quota"),
        Status.UNKNOWN, Set.of("unknown-pool-size", "unknown-no-quota", "unknown-pool-missing")));
    // A quota below the threshold fails even where the pool size is unknown: one shortfall is enough.
    assertThat(outcomes(rule, fixture("PCHA-ANF-03.json"), "PCHA-ANF-03.minVolumeGib=200")).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-2tib-500gib"),
        Status.FAIL, Set.of("pass-2tib-100gib", "fail-small-pool", "fail-small-quota", "unknown-pool-size",
            "unknown-pool-missing"),
        Status.UNKNOWN, Set.of("unknown-no-quota")));
  }

  @Test
  void unitsAreWrittenWithoutNeedlessDecimals() {
    assertThat(NetAppCapacity.units(2L << 40, NetAppCapacity.TIB, "TiB")).isEqualTo("2 TiB");
    assertThat(NetAppCapacity.units(3L << 39, NetAppCapacity.TIB, "TiB")).isEqualTo("1.5 TiB");
  }

  @Test
  void bundledExamples() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, example("violations/anf-small-pool.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("vol-connect-data")));
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }
}
